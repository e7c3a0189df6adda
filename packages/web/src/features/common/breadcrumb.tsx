import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

/** Where a page stands: the overview, the pages above it, and the page itself (aria-current). */
export function Breadcrumb({
  trail = [],
  current,
}: {
  trail?: readonly { href: string; label: string }[];
  current: string;
}) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <ol>
        {[{ href: '/', label: t('nav.overview') }, ...trail].map((step) => (
          <li key={step.href}>
            <Link href={step.href}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
