import type { ReactNode } from 'react';
import { reportYears, type RegionReport } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useVerdictText } from '../plans/plan-chart';
import { DataTable, type Column } from '../common/data-table';
import { figureOf } from '../statistics/suppressed';

// The sections of the regional report, each a heading and a plain table: plain tables print well
// and read well aloud. The figures are the report model's, as GET /regions/{code}/report answers.

// The column headers of each table, by message key.
const MONTH_HEAD: readonly MessageKey[] = [
  'report.month',
  'report.occupancy',
  'report.admissions',
  'report.refusals',
  'report.waitingList',
  'report.freshData',
];
const FORECAST_HEAD: readonly MessageKey[] = [
  'report.year',
  'report.currentBeds',
  'report.neededErlang',
  'report.band',
  'report.neededNorm',
];
const PLAN_HEAD: readonly MessageKey[] = [
  'report.year',
  'report.currentBeds',
  'report.planned',
  'report.agreed',
  'report.target',
  'report.need',
  'report.verdict',
];
const COMPLETENESS_HEAD: readonly MessageKey[] = [
  'report.facility',
  'report.beds',
  'report.confirmedAt',
  'report.ageHours',
  'report.status',
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="report-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A report table: the first cell of a row names it, the others are figures. */
function Table({
  labelledBy,
  head,
  rows,
}: {
  labelledBy: string;
  head: readonly MessageKey[];
  rows: readonly (readonly ReactNode[])[];
}) {
  const { t } = useI18n();
  const columns: Column<{ index: number; cells: readonly ReactNode[] }>[] = head.map((h, i) => ({
    key: h,
    label: t(h),
    isNumeric: i > 0,
    render: (row) => row.cells[i],
  }));
  return (
    <DataTable
      labelledBy={labelledBy}
      className="report-table"
      columns={columns}
      rows={rows.map((cells, index) => ({ index, cells }))}
      rowKey={(row) => String(row.index)}
    />
  );
}

export function CapacitySection({ report }: { report: RegionReport }) {
  const { t, locale } = useI18n();
  const c = report.capacity;
  return (
    <Section id="report-capacity" title={t('report.capacity')}>
      <dl className="report-figures">
        <div>
          <dt>{t('report.facilities')}</dt>
          <dd>{formatNumber(c.facilities, locale)}</dd>
        </div>
        <div>
          <dt>{t('report.licensedBeds')}</dt>
          <dd>{formatNumber(c.licensedBeds, locale)}</dd>
        </div>
        <div>
          <dt>{t('report.freshFacilities')}</dt>
          <dd>
            {t('report.ofAll', {
              count: formatNumber(c.freshFacilities, locale),
              all: formatNumber(c.facilities, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('report.bedsFree')}</dt>
          <dd>
            {t('report.ofAll', {
              count: formatNumber(c.bedsFree, locale),
              all: formatNumber(c.bedsOpen, locale),
            })}
          </dd>
        </div>
      </dl>
    </Section>
  );
}

export function MonthsSection({ report }: { report: RegionReport }) {
  const { t, locale } = useI18n();
  return (
    <Section id="report-months" title={t('report.months')}>
      {report.months.length === 0 ? (
        <p>{t('report.noMonths')}</p>
      ) : (
        <Table
          labelledBy="report-months"
          head={MONTH_HEAD}
          rows={report.months.map((m) => {
            // Monthly reports kept before small counts were suppressed name none.
            const row = { suppressed: m.suppressed ?? [] };
            return [
              m.period,
              figureOf(row, 'occupancy', formatPercent(m.occupancy, locale)),
              figureOf(row, 'admissions', formatNumber(m.admissions, locale)),
              figureOf(row, 'refusals', formatNumber(m.refusals, locale)),
              figureOf(row, 'waitingListEnd', formatNumber(m.waitingListEnd, locale)),
              formatPercent(m.freshDataShare, locale),
            ];
          })}
        />
      )}
    </Section>
  );
}

export function ForecastSection({ report }: { report: RegionReport }) {
  const { t, locale } = useI18n();
  const n = report.norm;
  const rows = reportYears(report).flatMap((year) => {
    const y = report.forecast.years.find((r) => r.year === year);
    const band = report.plan.years.find((p) => p.year === year)?.bedsNeeded;
    return y
      ? [
          [
            String(year),
            formatNumber(y.currentBeds, locale),
            formatNumber(y.bedsNeededErlang, locale, 1),
            band
              ? `${formatNumber(band.p10, locale, 1)}–${formatNumber(band.p90, locale, 1)}`
              : '–',
            formatNumber(y.bedsNeededNorm, locale, 1),
          ],
        ]
      : [];
  });
  return (
    <>
      <Section
        id="report-forecast"
        title={t('report.forecast', { scenario: report.forecast.scenario.name })}
      >
        <Table labelledBy="report-forecast" head={FORECAST_HEAD} rows={rows} />
      </Section>
      <Section id="report-norm" title={t('report.norm')}>
        <p data-testid="report-norm">
          {t('report.normLine', {
            year: n.year,
            target: formatPercent(n.target, locale),
            erlang: formatNumber(n.bedsNeededErlang, locale, 1),
            norm: formatPercent(n.occupancyNorm, locale),
            normBeds: formatNumber(n.bedsNeededNorm, locale, 1),
            current: formatNumber(n.currentBeds, locale),
          })}
        </p>
      </Section>
    </>
  );
}

export function PlanSection({ report }: { report: RegionReport }) {
  const { t, locale } = useI18n();
  const verdictText = useVerdictText();
  const p = report.plan;
  const lead = p.summedOverRegions
    ? t('report.planSummed', { count: p.version })
    : p.version === 0
      ? t('report.planNone')
      : t('report.planVersion', { version: p.version, savedAt: formatDateTime(p.savedAt, locale) });
  return (
    <Section id="report-plan" title={t('report.plan')}>
      <p>{lead}</p>
      <Table
        labelledBy="report-plan"
        head={PLAN_HEAD}
        rows={reportYears(report).flatMap((year) => {
          const y = p.years.find((r) => r.year === year);
          return y
            ? [
                [
                  String(year),
                  formatNumber(y.currentBeds, locale),
                  formatNumber(y.plannedBeds, locale),
                  formatNumber(y.agreedBeds, locale),
                  formatNumber(y.targetBeds, locale),
                  `${formatNumber(y.bedsNeeded.p50, locale, 1)} (${formatNumber(y.bedsNeeded.p10, locale, 1)}–${formatNumber(y.bedsNeeded.p90, locale, 1)})`,
                  y.verdict === null ? '–' : verdictText(y.verdict),
                ],
              ]
            : [];
        })}
      />
    </Section>
  );
}

export function CompletenessSection({ report }: { report: RegionReport }) {
  const { t, locale } = useI18n();
  // Oldest first (never confirmed before all): who is behind is what a reader looks for.
  const hospices = [...report.completeness.hospices].sort(
    (a, b) => (b.ageHours ?? Infinity) - (a.ageHours ?? Infinity) || a.name.localeCompare(b.name),
  );
  return (
    <Section id="report-completeness" title={t('report.completeness')}>
      <p data-testid="report-completeness-summary">
        {t('report.completenessSummary', {
          share28: formatPercent(report.completeness.summary.last28DaysShare, locale),
          shareMonth: formatPercent(report.completeness.summary.lastMonthShare, locale),
          behind: formatNumber(report.completeness.summary.behind, locale),
          facilities: formatNumber(report.completeness.hospices.length, locale),
          figuresIn: formatNumber(report.completeness.summary.monthlyFiguresIn, locale),
          onTime: formatNumber(report.completeness.summary.monthlyFiguresOnTime, locale),
        })}
      </p>
      <p>{t('report.completenessLead', { hours: report.completeness.freshnessHours })}</p>
      <Table
        labelledBy="report-completeness"
        head={COMPLETENESS_HEAD}
        rows={hospices.map((h) => [
          h.name,
          formatNumber(h.licensedBeds, locale),
          h.confirmedAt === null ? t('report.never') : formatDateTime(h.confirmedAt, locale),
          formatNumber(h.ageHours, locale),
          h.freshness === 'fresh' ? t('report.fresh') : t('report.unknown'),
        ])}
      />
    </Section>
  );
}

export function SourcesSection({ report }: { report: RegionReport }) {
  const { t, locale } = useI18n();
  const label = {
    measured: t('report.measured'),
    imported: t('report.imported'),
    assumed: t('report.assumed'),
  } as const;
  return (
    <Section id="report-sources" title={t('report.sources')}>
      <ul className="report-sources">
        {report.sources.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong>{' '}
            <span className={`provenance provenance--${s.provenance}`}>
              ({label[s.provenance]})
            </span>
            :{' '}
            {typeof s.value === 'number'
              ? formatNumber(s.value, locale, Number.isInteger(s.value) ? 0 : 2)
              : s.value}
            . {t('report.source', { source: s.source })}
          </li>
        ))}
      </ul>
    </Section>
  );
}
