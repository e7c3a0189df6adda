import type { KeptReportList, RegionReport } from '@palliamonitor/contracts';
import { API, ApiError, useApi } from '../api/client';
import { hasRole, useSession, type Session } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { formatDate, formatDateTime, formatMonth } from '../lib/format';
import { Async } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';
import { NotFoundPage } from './not-found-page';
import {
  CapacitySection,
  CompletenessSection,
  ForecastSection,
  MonthsSection,
  PlanSection,
  SourcesSection,
} from '../features/report/report-sections';

// /regio/{code}/rapport: "Hospicezorg in {regio}, {datum}", printable, with the PDF the server
// makes from the same figures and, for those who may read them, the kept monthly reports.

/** The server's rule for kept reports, mirrored to decide whether to ask for them. */
function mayReadKept(session: Session, code: string): boolean {
  return (
    hasRole(session, 'administrator') ||
    hasRole(session, 'national-analyst') ||
    hasRole(session, 'regisseur', code === 'NL' ? undefined : code)
  );
}

export function ReportPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const report = useApi<RegionReport>(`/regions/${encodeURIComponent(code)}/report`);
  usePageTitle(
    report.state === 'ok'
      ? t('report.title', { name: report.data.name, date: formatDate(report.data.asOf, locale) })
      : t('report.what'),
  );
  if (
    report.state === 'error' &&
    report.error instanceof ApiError &&
    (report.error.status === 404 || report.error.status === 400)
  ) {
    return <NotFoundPage />;
  }
  return (
    <Async value={report} what={t('report.what')}>
      {(r) => <ReportContent report={r} />}
    </Async>
  );
}

function ReportContent({ report }: { report: RegionReport }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const pdf = `${API}/regions/${report.code}/report.pdf?lang=${locale}`;
  return (
    <article className="report">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb no-print">
        <ol>
          <li>
            <Link href="/">{t('nav.overview')}</Link>
          </li>
          {report.code === 'NL' ? null : (
            <li>
              <Link href={`/regio/${report.code}`}>{report.name}</Link>
            </li>
          )}
          <li aria-current="page">{t('report.what')}</li>
        </ol>
      </nav>
      <h1>{t('report.title', { name: report.name, date: formatDate(report.asOf, locale) })}</h1>
      <p className="hint">
        {t('report.subtitle', { generated: formatDateTime(report.generatedAt, locale) })}
      </p>
      <p className="no-print report-actions">
        <a href={pdf} type="application/pdf" data-testid="report-pdf">
          {t('report.pdf')}
        </a>{' '}
        ·{' '}
        <button type="button" className="link-button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </p>
      <CapacitySection report={report} />
      <MonthsSection report={report} />
      <ForecastSection report={report} />
      <PlanSection report={report} />
      <CompletenessSection report={report} />
      <SourcesSection report={report} />
      {mayReadKept(session, report.code) ? <KeptReports code={report.code} /> : null}
    </article>
  );
}

function KeptReports({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const kept = useApi<KeptReportList>(`/regions/${code}/reports`);
  return (
    <section aria-labelledby="report-kept" className="report-section no-print">
      <h2 id="report-kept">{t('report.kept')}</h2>
      <Async value={kept} what={t('report.kept')}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('report.keptNone')}</p>
          ) : (
            <ul data-testid="kept-reports">
              {list.items.map((item) => (
                <li key={item.month}>
                  <a
                    href={`${API}/regions/${code}/reports/${item.month}?format=pdf&lang=${locale}`}
                    type="application/pdf"
                  >
                    {t('report.keptItem', { month: formatMonth(item.month, locale) })}
                  </a>{' '}
                  <span className="hint">
                    {t('report.keptMade', { at: formatDateTime(item.generatedAt, locale) })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}
