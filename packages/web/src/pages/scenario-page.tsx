import { useMemo } from 'react';
import {
  FIRST_YEAR,
  LAST_YEAR,
  SCENARIOS,
  forecastNation,
  parseScenario,
  type RegionInput,
  type Scenario,
} from '@palliamonitor/model';
import { useApi } from '../api/client';
import type { ModelInputs, ScenarioList } from '@palliamonitor/contracts';
import { useI18n } from '../i18n/i18n';
import { useLocation } from '../router';
import { formatNumber, formatSigned } from '../lib/format';
import { Async, SyntheticNotice } from '../features/common/ui';
import { DataTable, regionColumn, sortedNumeric, type Column } from '../features/common/data-table';
import { PageHeading } from '../features/common/page-heading';
import { parseSettings } from '../features/scenario/scenario-url';
import { buildScenario, hasOverrides } from '../features/scenario/build-scenario';
import { ScenarioControls } from '../features/scenario/scenario-controls';
import { NationalResult } from '../features/scenario/national-result';
import { SaveScenario } from '../features/scenario/save-scenario';

// The scenario explorer: the capacity model runs in the browser on the API's model inputs, so every
// slider answers at once for the country and each region.

export function ScenarioPage() {
  const { t } = useI18n();
  const inputs = useApi<ModelInputs>('/model-inputs');
  const saved = useApi<ScenarioList>('/scenarios');
  // Scenarios from the API (built-in and saved), validated by the model; the model's own built-ins
  // when the API has none.
  const scenarios = useMemo(() => {
    const list: Scenario[] = [];
    if (saved.state === 'ok') {
      for (const item of saved.data.items) {
        const parsed = parseScenario(stripExtras(item));
        if (parsed.ok) {
          list.push(parsed.scenario);
        }
      }
    }
    for (const s of SCENARIOS) {
      if (!list.some((x) => x.id === s.id)) {
        list.push(s);
      }
    }
    return list;
  }, [saved]);
  return (
    <>
      <PageHeading title="scenario.title" lead="scenario.lead" />
      <Async value={inputs} what={t('scenario.inputsWhat')}>
        {(data) => (
          <Explorer
            regions={data.regions}
            scenarios={scenarios}
            synthetic={data.syntheticFacilities ?? 0}
            onSaved={saved.reload}
          />
        )}
      </Async>
    </>
  );
}

/** Drops the fields the API adds to a scenario (builtIn, basedOn, createdAt) before validation. */
function stripExtras(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) {
    return item;
  }
  const { builtIn: _b, basedOn: _o, createdAt: _c, ...rest } = item as Record<string, unknown>;
  return rest;
}

interface RegionResult {
  code: string;
  name: string;
  current: number;
  erlang: number;
  norm: number;
  gap: number;
}

function Explorer({
  regions,
  scenarios,
  synthetic,
  onSaved,
}: {
  regions: RegionInput[];
  scenarios: Scenario[];
  synthetic: number;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const settings = parseSettings(search);
  const base = scenarios.find((s) => s.id === settings.scenarioId) ?? scenarios[0]!;
  const scenario = useMemo(() => buildScenario(base, parseSettings(search)), [base, search]);

  const computed = useMemo(() => {
    const started = performance.now();
    const result = forecastNation(regions, scenario, { from: FIRST_YEAR, to: LAST_YEAR });
    const ms = performance.now() - started;
    return { result, ms };
  }, [regions, scenario]);

  const yearIndex = settings.year - FIRST_YEAR;
  const nation = computed.result.nation[yearIndex]!;
  const rows: RegionResult[] = computed.result.regions.map((r) => {
    const row = r.rows[yearIndex]!;
    return {
      code: r.code,
      name: regions.find((x) => x.code === r.code)?.name ?? r.code,
      current: row.currentBeds,
      erlang: row.bedsNeededErlang,
      norm: row.bedsNeededNorm,
      gap: row.gap,
    };
  });

  const n = (v: number | null) => formatNumber(v, locale);
  const columns: Column<RegionResult>[] = [
    regionColumn('name', t('table.region'), (r) => r),
    ...sortedNumeric<RegionResult>([
      ['current', t('scenario.current'), (r) => r.current, n],
      ['erlang', t('scenario.erlang'), (r) => r.erlang, n],
      ['norm', t('scenario.norm'), (r) => r.norm, n],
      ['gap', t('scenario.gapShort'), (r) => -r.gap, (v) => formatSigned(v, locale)],
    ]),
  ];

  return (
    <>
      <SyntheticNotice count={synthetic} />
      <div className="scenario-layout">
        <ScenarioControls
          scenarios={scenarios}
          base={base}
          scenario={scenario}
          settings={settings}
          nationBeds={nation.bedsNeededErlang}
        />

        <div className="scenario-results">
          <NationalResult nation={computed.result.nation} year={settings.year} ms={computed.ms} />
          <DataTable
            testId="scenario-table"
            caption={t('scenario.tableCaption', { year: settings.year })}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.code}
          />
          <SaveScenario
            scenario={scenario}
            baseId={base.id}
            isChanged={hasOverrides(settings)}
            year={settings.year}
            onSaved={onSaved}
          />
        </div>
      </div>
    </>
  );
}
