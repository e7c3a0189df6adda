import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

/** The way from a region's cockpit (or the national overview, NL) to its printable report. */
export function ReportLink({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <p className="report-link">
      <Link href={`/regio/${code}/rapport`}>
        {t(code === 'NL' ? 'report.nationalLink' : 'report.link')}
      </Link>
    </p>
  );
}
