import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { usePageTitle } from '../features/common/use-page-title';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
