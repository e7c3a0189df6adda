import { useId } from 'react';
import { useApi } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatNumber, formatPercent, formatSigned } from '../../lib/format';
import { Async } from '../common/ui';
import { DataTable, type Column } from '../common/data-table';
import type { MessageKey } from '../../i18n/nl';
import { replaceSearch, useLocation } from '../../router';
import type { Capacity } from '@palliamonitor/contracts';
import { SelectField, yearChoices, type Controlled } from '../common/select-field';

export type PoolingLevel = 'hospice' | 'cluster' | 'region';
export const POOLING: readonly PoolingLevel[] = ['hospice', 'cluster', 'region'];
export const POOLING_LABELS: { readonly [key in PoolingLevel]: MessageKey } = {
  hospice: 'pooling.hospice',
  cluster: 'pooling.cluster',
  region: 'pooling.region',
};

/** A choice of pooling level: each hospice alone, clusters, or the region as one. */
export function PoolingChoice({ value, onChange }: Controlled<PoolingLevel>) {
  const { t } = useI18n();
  // The radio group's name, unique on the page whichever page shows the choice.
  const name = useId();
  return (
    <fieldset className="field radio-group">
      <legend className="field__label">{t('capacity.pooling')}</legend>
      {POOLING.map((level) => (
        <label key={level} className="radio">
          <input
            type="radio"
            name={name}
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
          />
          {t(POOLING_LABELS[level])}
        </label>
      ))}
    </fieldset>
  );
}

const TARGETS = [0.01, 0.02, 0.05, 0.1, 0.2];

/** Erlang B beds at each pooling level next to the fixed 80% occupancy norm and today's beds. */
export function CapacityComparison({ code, currentYear }: { code: string; currentYear: number }) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const pooling = (POOLING as readonly string[]).includes(params.get('pooling') ?? '')
    ? (params.get('pooling') as PoolingLevel)
    : 'hospice';
  const target = TARGETS.includes(Number(params.get('doel'))) ? Number(params.get('doel')) : 0.05;
  const rawYear = Number(params.get('jaar'));
  const year = rawYear >= 2024 && rawYear <= 2050 ? rawYear : currentYear;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    replaceSearch(next);
  };
  const detail = useApi<Capacity>(
    `/regions/${code}/capacity?year=${year}&target=${target}&pooling=${pooling}`,
  );
  return (
    <>
      <div className="controls">
        <PoolingChoice value={pooling} onChange={(level) => set('pooling', level)} />
        <SelectField
          label={t('capacity.target')}
          value={target}
          choices={TARGETS.map((v) => ({ value: v, label: formatPercent(v, locale) }))}
          onChange={(v) => set('doel', v)}
        />
        <SelectField
          label={t('home.year')}
          value={year}
          choices={yearChoices(2024, 2050)}
          onChange={(v) => set('jaar', v)}
        />
      </div>
      <Async value={detail} what={t('capacity.what')}>
        {(d) => <CapacityDetail detail={d} pooling={pooling} />}
      </Async>
    </>
  );
}

/** The beds at the chosen pooling level as bars beside the norm and today's, and every level. */
function CapacityDetail({ detail: d, pooling }: { detail: Capacity; pooling: PoolingLevel }) {
  const { t, locale } = useI18n();
  const chosen = d.byPooling[pooling];
  const max = Math.max(chosen.bedsNeeded, d.bedsNeededNorm, d.currentBeds, 1);
  const bars: { key: string; label: string; value: number; note: string; className: string }[] = [
    {
      key: 'erlang',
      label: t('capacity.erlangBeds', { pooling: t(POOLING_LABELS[pooling]) }),
      value: chosen.bedsNeeded,
      note: t('capacity.erlangNote', {
        target: formatPercent(d.target, locale),
        occupancy: formatPercent(chosen.occupancyAtNeeded, locale),
      }),
      className: 'bar--erlang',
    },
    {
      key: 'norm',
      label: t('capacity.normBeds', { norm: formatPercent(d.occupancyNorm, locale) }),
      value: d.bedsNeededNorm,
      note: t('capacity.normNote', {
        refusal: formatPercent(chosen.refusalShareAtNormBeds, locale, 1),
      }),
      className: 'bar--norm',
    },
    {
      key: 'current',
      label: t('capacity.currentBeds'),
      value: d.currentBeds,
      note: t('capacity.currentNote', {
        refusal: formatPercent(chosen.refusalShareCurrentBeds, locale, 1),
        refusals: formatNumber(chosen.refusalsPerYearCurrentBeds, locale),
      }),
      className: 'bar--current',
    },
  ];
  const byLevel = (level: PoolingLevel) => d.byPooling[level];
  const columns: Column<PoolingLevel>[] = [
    { key: 'pooling', label: t('capacity.pooling'), render: (level) => t(POOLING_LABELS[level]) },
    {
      key: 'beds',
      label: t('capacity.bedsNeeded'),
      isNumeric: true,
      render: (level) => formatNumber(byLevel(level).bedsNeeded, locale),
    },
    {
      key: 'gap',
      label: t('capacity.gap'),
      isNumeric: true,
      render: (level) => formatSigned(-byLevel(level).gap, locale),
    },
    {
      key: 'refusalNow',
      label: t('capacity.refusalNow'),
      isNumeric: true,
      render: (level) => formatPercent(byLevel(level).refusalShareCurrentBeds, locale, 1),
    },
    {
      key: 'refusalNorm',
      label: t('capacity.refusalNorm'),
      isNumeric: true,
      render: (level) => formatPercent(byLevel(level).refusalShareAtNormBeds, locale, 1),
    },
  ];
  return (
    <div data-testid="capacity-comparison">
      <p>
        {t('capacity.load', {
          year: d.year,
          requests: formatNumber(d.hospiceRequests, locale),
          los: formatNumber(d.meanLengthOfStay, locale, 0),
          load: formatNumber(d.offeredLoad, locale, 1),
        })}
      </p>
      <ul className="bars">
        {bars.map((b) => (
          <li key={b.key}>
            <span className="bars__label">{b.label}</span>
            <span className="bars__track" aria-hidden="true">
              <span
                className={`bars__bar ${b.className}`}
                style={{ width: `${(100 * b.value) / max}%` }}
              />
            </span>
            <span className="bars__value">{formatNumber(b.value, locale)}</span>
            <span className="bars__note">{b.note}</span>
          </li>
        ))}
      </ul>
      <DataTable
        caption={t('capacity.tableCaption')}
        columns={columns}
        rows={POOLING}
        rowKey={(level) => level}
        rowAttributes={(level) => ({ className: level === pooling ? 'is-selected' : undefined })}
      />
      <p className="hint">{t('capacity.explain')}</p>
    </div>
  );
}
