import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { usePageTitle } from './use-page-title';

/** A page's heading and lead; the heading is the document's title too. */
export function PageHeading({ title, lead }: { title: MessageKey; lead: MessageKey }) {
  const { t } = useI18n();
  usePageTitle(t(title));
  return (
    <>
      <h1>{t(title)}</h1>
      <p className="lead">{t(lead)}</p>
    </>
  );
}
