import { useState } from 'react';
import {
  ORGANISATION_DIMENSIONS,
  type Organisation,
  type OrganisationDimension,
  type OrganisationGroup,
} from '@palliamonitor/contracts';
import { useApi } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { formatNumber, formatPercent } from '../lib/format';
import { Async } from '../features/common/ui';
import { DataTable, sortedNumeric, type Column } from '../features/common/data-table';
import { SelectField } from '../features/common/select-field';
import { PageHeading } from '../features/common/page-heading';
import { figureOf } from '../features/statistics/suppressed';

// /organisatie: the variation in organisation and funding side by side, for the nation or one
// zorgkantoorregio: facilities, beds, occupancy and cost per care model, funding form and
// umbrella. One request per choice of area. A group's occupancy and cost from bed-days of 1 to 4
// read "<5", as in the statistics.

const DIMENSION_TITLE: Record<OrganisationDimension, MessageKey> = {
  careModel: 'organisation.careModel',
  funding: 'organisation.funding',
  umbrella: 'organisation.umbrella',
};

function GroupTable({
  dimension,
  groups,
}: {
  dimension: OrganisationDimension;
  groups: OrganisationGroup[];
}) {
  const { t, locale } = useI18n();
  const label = (key: string) => t(`organisation.key.${key}` as MessageKey);
  const n = (v: number | null) => formatNumber(v, locale);
  const pct = (v: number | null) => formatPercent(v, locale);
  const columns: Column<OrganisationGroup>[] = [
    { key: 'key', label: t(DIMENSION_TITLE[dimension]), render: (g) => label(g.key) },
    ...sortedNumeric<OrganisationGroup>([
      ['facilities', t('organisation.facilities'), (g) => g.facilities, (v) => n(v)],
      ['beds', t('organisation.beds'), (g) => g.beds, (v, g) => `${n(v)} (${pct(g.bedShare)})`],
      [
        'occupancy',
        t('organisation.occupancy'),
        (g) => g.occupancy,
        (v, g) => figureOf(g, 'occupancy', pct(v)),
      ],
      [
        'cost',
        t('organisation.cost'),
        (g) => g.cost,
        (v, g) => figureOf(g, 'cost', `€ ${n(Math.round((v ?? 0) / 1000))}k`),
      ],
    ]),
  ];
  return (
    <DataTable
      testId={`organisation-${dimension}`}
      caption={t(DIMENSION_TITLE[dimension])}
      columns={columns}
      rows={groups}
      rowKey={(g) => g.key}
    />
  );
}

export function OrganisationPage() {
  const { t, locale } = useI18n();
  const [area, setArea] = useState('NL');
  const view = useApi<Organisation>(`/regions/${area}/organisation`);
  const regions = view.state === 'ok' && area === 'NL' ? view.data.mix : null;
  const [options, setOptions] = useState<{ code: string; name: string }[]>([]);
  if (regions !== null && options.length === 0 && regions.length > 0) {
    setOptions(regions.map((r) => ({ code: r.code, name: r.name })));
  }
  return (
    <>
      <PageHeading title="organisation.title" lead="organisation.lead" />
      <SelectField
        label={t('organisation.area')}
        value={area}
        choices={[
          { value: 'NL', label: t('organisation.nation') },
          ...options.map((o) => ({ value: o.code, label: o.name })),
        ]}
        onChange={setArea}
      />
      <Async value={view} what={t('organisation.what')}>
        {(o) => (
          <>
            <p data-testid="organisation-summary">
              {t('organisation.summary', {
                name: o.name,
                facilities: formatNumber(o.facilities, locale),
                beds: formatNumber(o.beds, locale),
                from: o.from,
                to: o.to,
                cost: formatNumber(Math.round(o.costPerBedDay.value), locale),
              })}
            </p>
            {ORGANISATION_DIMENSIONS.map((d) => (
              <GroupTable key={d} dimension={d} groups={o.groups[d]} />
            ))}
            <p className="hint">{t('organisation.note')}</p>
          </>
        )}
      </Async>
    </>
  );
}
