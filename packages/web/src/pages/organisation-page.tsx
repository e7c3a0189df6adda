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
import { Async, DataTable, type Column } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';

// /organisatie: the variation in organisation and funding side by side, for the nation or one
// zorgkantoorregio: facilities, beds, occupancy and cost per care model, funding form and
// umbrella. One request per choice of area.

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
  const columns: Column<OrganisationGroup>[] = [
    { key: 'key', label: t(DIMENSION_TITLE[dimension]), render: (g) => label(g.key) },
    {
      key: 'facilities',
      label: t('organisation.facilities'),
      isNumeric: true,
      sortValue: (g) => g.facilities,
      render: (g) => formatNumber(g.facilities, locale),
    },
    {
      key: 'beds',
      label: t('organisation.beds'),
      isNumeric: true,
      sortValue: (g) => g.beds,
      render: (g) => `${formatNumber(g.beds, locale)} (${formatPercent(g.bedShare, locale)})`,
    },
    {
      key: 'occupancy',
      label: t('organisation.occupancy'),
      isNumeric: true,
      sortValue: (g) => g.occupancy,
      render: (g) => formatPercent(g.occupancy, locale),
    },
    {
      key: 'cost',
      label: t('organisation.cost'),
      isNumeric: true,
      sortValue: (g) => g.cost,
      render: (g) => `€ ${formatNumber(Math.round(g.cost / 1000), locale)}k`,
    },
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
  usePageTitle(t('organisation.title'));
  const [area, setArea] = useState('NL');
  const view = useApi<Organisation>(`/regions/${area}/organisation`);
  const regions = view.state === 'ok' && area === 'NL' ? view.data.mix : null;
  const [options, setOptions] = useState<{ code: string; name: string }[]>([]);
  if (regions !== null && options.length === 0 && regions.length > 0) {
    setOptions(regions.map((r) => ({ code: r.code, name: r.name })));
  }
  return (
    <>
      <h1>{t('organisation.title')}</h1>
      <p className="lead">{t('organisation.lead')}</p>
      <label>
        {t('organisation.area')}{' '}
        <select value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="NL">{t('organisation.nation')}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
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
