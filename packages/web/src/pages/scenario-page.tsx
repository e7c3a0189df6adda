import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import {
  FIRST_YEAR,
  LAST_YEAR,
  SCENARIOS,
  forecastNation,
  parseScenario,
  poolingAt,
  valueAt,
  type RegionInput,
  type Scenario,
} from '@palliamonitor/model';
import { ApiError, sendJson, signInHref, useApi } from '../api/client';
import type { ModelInputs, Role, ScenarioList } from '@palliamonitor/contracts';
import { useSession } from '../api/session';
import { problemText } from '../features/common/problem';
import type { Overview } from '@palliamonitor/contracts';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { Link, replaceSearch, useLocation } from '../router';
import { formatNumber, formatPercent, formatSigned } from '../lib/format';
import {
  Async,
  ChartWithTable,
  DataTable,
  SyntheticNotice,
  type Column,
} from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';
import { LineChart } from '../charts/line-chart';
import { POOLING, POOLING_LABELS } from '../features/forecast/capacity-comparison';
import {
  LIMITS,
  parseSettings,
  settingsToSearch,
  type ScenarioSettings,
} from '../features/scenario/scenario-url';
import { buildScenario, hasOverrides, impliedGrowth } from '../features/scenario/build-scenario';
import { SERIES_COLORS } from '../features/forecast/forecast-chart';

const BUILT_IN_DESCRIPTIONS: Readonly<Record<string, MessageKey>> = {
  baseline: 'scenario.desc.baseline',
  'community-central': 'scenario.desc.community',
  'individual-central': 'scenario.desc.individual',
  'professional-central': 'scenario.desc.professional',
};

export function ScenarioPage() {
  const { t } = useI18n();
  usePageTitle(t('scenario.title'));
  const inputs = useApi<ModelInputs>('/model-inputs');
  const saved = useApi<ScenarioList>('/scenarios');
  const overview = useApi<Overview>('/overview');
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
      <h1>{t('scenario.title')}</h1>
      <p className="lead">{t('scenario.lead')}</p>
      <Async value={inputs} what={t('scenario.inputsWhat')}>
        {(data) => (
          <Explorer
            regions={data.regions}
            scenarios={scenarios}
            names={
              new Map(
                overview.state === 'ok' ? overview.data.regions.map((r) => [r.code, r.name]) : [],
              )
            }
            synthetic={overview.state === 'ok' ? overview.data.national.syntheticFacilities : 0}
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
  names,
  synthetic,
  onSaved,
}: {
  regions: RegionInput[];
  scenarios: Scenario[];
  names: Map<string, string>;
  synthetic: number;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const settings = parseSettings(search);
  const base = scenarios.find((s) => s.id === settings.scenarioId) ?? scenarios[0]!;
  const scenario = useMemo(() => buildScenario(base, parseSettings(search)), [base, search]);
  const update = (patch: Partial<ScenarioSettings>) => {
    replaceSearch(settingsToSearch({ ...settings, ...patch }));
  };

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
      name: names.get(r.code) ?? regions.find((x) => x.code === r.code)?.name ?? r.code,
      current: row.currentBeds,
      erlang: row.bedsNeededErlang,
      norm: row.bedsNeededNorm,
      gap: row.gap,
    };
  });

  const describe = (s: Scenario): string => {
    const key = BUILT_IN_DESCRIPTIONS[s.id];
    return key === undefined ? s.description : t(key);
  };
  const p = scenario.parameters;
  const shareNow = valueAt({ path: p.hospiceShare, year: FIRST_YEAR });
  const growth = impliedGrowth(p.hospiceShare);
  const los = valueAt({ path: p.losMean, year: settings.year });
  const target = valueAt({ path: p.targetRefusal, year: settings.year });
  const pooling = poolingAt({ path: p.pooling, year: settings.year });

  const columns: Column<RegionResult>[] = [
    {
      key: 'name',
      label: t('table.region'),
      sortValue: (r) => r.name,
      render: (r) => <Link href={`/regio/${r.code}`}>{r.name}</Link>,
    },
    {
      key: 'current',
      label: t('scenario.current'),
      isNumeric: true,
      sortValue: (r) => r.current,
      render: (r) => formatNumber(r.current, locale),
    },
    {
      key: 'erlang',
      label: t('scenario.erlang'),
      isNumeric: true,
      sortValue: (r) => r.erlang,
      render: (r) => formatNumber(r.erlang, locale),
    },
    {
      key: 'norm',
      label: t('scenario.norm'),
      isNumeric: true,
      sortValue: (r) => r.norm,
      render: (r) => formatNumber(r.norm, locale),
    },
    {
      key: 'gap',
      label: t('scenario.gapShort'),
      isNumeric: true,
      sortValue: (r) => -r.gap,
      render: (r) => formatSigned(-r.gap, locale),
    },
  ];

  return (
    <>
      <SyntheticNotice count={synthetic} />
      <div className="scenario-layout">
        <form
          className="panel scenario-controls"
          onSubmit={(e) => e.preventDefault()}
          aria-labelledby="controls-title"
        >
          <h2 id="controls-title">{t('scenario.controls')}</h2>
          <label className="field">
            <span className="field__label">{t('scenario.pick')}</span>
            <select
              value={base.id}
              onChange={(e) =>
                replaceSearch(settingsToSearch({ scenarioId: e.target.value, year: settings.year }))
              }
              data-testid="scenario-select"
            >
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{describe(base)}</p>
          <Slider
            id="share"
            label={t('scenario.share')}
            value={shareNow}
            limit={LIMITS.hospiceShare}
            display={formatPercent(shareNow, locale, 1)}
            onChange={(v) => update({ hospiceShare: v })}
          />
          <Slider
            id="growth"
            label={t('scenario.growth')}
            value={growth}
            limit={LIMITS.growth}
            display={`${formatSigned(growth * 100, locale, 2)}%`}
            onChange={(v) => update({ growth: v })}
          />
          <Slider
            id="los"
            label={t('scenario.los')}
            value={los}
            limit={LIMITS.lengthOfStay}
            display={t('scenario.days', { days: formatNumber(los, locale) })}
            onChange={(v) => update({ lengthOfStay: v })}
          />
          <Slider
            id="target"
            label={t('scenario.target')}
            value={target}
            limit={LIMITS.targetRefusal}
            display={formatPercent(target, locale)}
            onChange={(v) => update({ targetRefusal: v })}
          />
          <fieldset className="field radio-group">
            <legend className="field__label">{t('capacity.pooling')}</legend>
            {POOLING.map((level) => (
              <label key={level} className="radio">
                <input
                  type="radio"
                  name="scenario-pooling"
                  value={level}
                  checked={pooling === level}
                  onChange={() => update({ pooling: level })}
                />
                {t(POOLING_LABELS[level])}
              </label>
            ))}
          </fieldset>
          <Slider
            id="year"
            label={t('scenario.year')}
            value={settings.year}
            limit={LIMITS.year}
            display={String(settings.year)}
            onChange={(v) => update({ year: v })}
          />
          {hasOverrides(settings) ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                replaceSearch(settingsToSearch({ scenarioId: base.id, year: settings.year }))
              }
            >
              {t('scenario.reset')}
            </button>
          ) : null}
          <p className="hint">{t('scenario.assumption')}</p>
          {/* On a phone the results are below the sliders; this line keeps the answer in view. */}
          <p className="scenario-sticky" aria-hidden="true">
            {t('scenario.sticky', {
              year: settings.year,
              beds: formatNumber(nation.bedsNeededErlang, locale),
            })}
          </p>
        </form>

        <div className="scenario-results">
          <section aria-labelledby="result-title" className="panel panel--result">
            <h2 id="result-title">{t('scenario.resultTitle', { year: settings.year })}</h2>
            <dl className="key-figures key-figures--result" aria-live="polite">
              <div className="key-figure">
                <dt>{t('scenario.erlangNational')}</dt>
                <dd>
                  <span className="key-figure__value" data-testid="beds-needed-national">
                    {formatNumber(nation.bedsNeededErlang, locale)}
                  </span>
                </dd>
              </div>
              <div className="key-figure">
                <dt>{t('scenario.norm')}</dt>
                <dd>
                  <span className="key-figure__value">
                    {formatNumber(nation.bedsNeededNorm, locale)}
                  </span>
                </dd>
              </div>
              <div className="key-figure">
                <dt>{t('scenario.current')}</dt>
                <dd>
                  <span className="key-figure__value">
                    {formatNumber(nation.currentBeds, locale)}
                  </span>
                </dd>
              </div>
              <div className="key-figure">
                <dt>{t('scenario.gap')}</dt>
                <dd>
                  <span className="key-figure__value">{formatSigned(-nation.gap, locale)}</span>
                </dd>
              </div>
            </dl>
            <p className="hint">
              {t('scenario.requests', {
                requests: formatNumber(nation.hospiceRequests, locale),
                deaths: formatNumber(nation.deaths, locale),
              })}{' '}
              <span data-testid="compute-time">
                {t('scenario.computed', { ms: formatNumber(computed.ms, locale, 1) })}
              </span>
            </p>
          </section>
          <ChartWithTable
            title={t('scenario.trendTitle')}
            chart={
              <LineChart
                summary={t('scenario.trendSummary', {
                  from: formatNumber(computed.result.nation[0]!.bedsNeededErlang, locale),
                  to: formatNumber(computed.result.nation.at(-1)!.bedsNeededErlang, locale),
                })}
                formatY={(v) => formatNumber(v, locale)}
                series={[
                  {
                    label: t('forecast.erlang'),
                    color: SERIES_COLORS.erlang,
                    points: computed.result.nation.map((r) => ({
                      x: r.year,
                      y: r.bedsNeededErlang,
                    })),
                  },
                  {
                    label: t('forecast.norm'),
                    color: SERIES_COLORS.norm,
                    dash: '8 4',
                    points: computed.result.nation.map((r) => ({ x: r.year, y: r.bedsNeededNorm })),
                  },
                  {
                    label: t('forecast.current'),
                    color: SERIES_COLORS.current,
                    dash: '2 3',
                    points: computed.result.nation.map((r) => ({ x: r.year, y: r.currentBeds })),
                  },
                ]}
              />
            }
            table={
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-label={t('scenario.trendTitle')}
              >
                <table className="data-table">
                  <caption className="visually-hidden">{t('scenario.trendTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('forecast.year')}</th>
                      <th scope="col" className="num">
                        {t('forecast.erlang')}
                      </th>
                      <th scope="col" className="num">
                        {t('forecast.norm')}
                      </th>
                      <th scope="col" className="num">
                        {t('forecast.current')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {computed.result.nation.map((r) => (
                      <tr key={r.year}>
                        <th scope="row">{r.year}</th>
                        <td className="num">{formatNumber(r.bedsNeededErlang, locale)}</td>
                        <td className="num">{formatNumber(r.bedsNeededNorm, locale)}</td>
                        <td className="num">{formatNumber(r.currentBeds, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            }
          />
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

function Slider({
  id,
  label,
  value,
  limit,
  display,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  limit: { min: number; max: number; step: number };
  display: string;
  onChange: (value: number) => void;
}) {
  return (
    <div className="field slider">
      <label htmlFor={`slider-${id}`} className="field__label">
        {label}: <output htmlFor={`slider-${id}`}>{display}</output>
      </label>
      <input
        id={`slider-${id}`}
        type="range"
        min={limit.min}
        max={limit.max}
        step={limit.step}
        value={Math.min(limit.max, Math.max(limit.min, value))}
        aria-valuetext={display}
        data-testid={`slider-${id}`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/** Who may save a scenario (the server's rule for POST /scenarios): those who plan. */
const SAVING_ROLES: readonly Role[] = ['national-analyst', 'regisseur', 'administrator'];

function SaveScenario({
  scenario,
  baseId,
  isChanged,
  year,
  onSaved,
}: {
  scenario: Scenario;
  baseId: string;
  isChanged: boolean;
  year: number;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{
    kind: 'ok' | 'error';
    text: string;
    id?: string;
  } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = slug(name);
    if (id === '') {
      setMessage({ kind: 'error', text: t('scenario.nameNeeded') });
      return;
    }
    try {
      await sendJson('POST', '/scenarios', {
        id,
        name: name.trim(),
        version: 1,
        description: t('scenario.savedDescription'),
        parameters: scenario.parameters,
        uncertainty: scenario.uncertainty,
        ...(baseId === id ? {} : { basedOn: baseId }),
      });
      setMessage({ kind: 'ok', text: t('scenario.saved', { name: name.trim() }), id });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.isMissingEndpoint) {
        setMessage({ kind: 'error', text: t('scenario.saveUnavailable') });
      } else if (error instanceof ApiError && error.status === 409) {
        setMessage({ kind: 'error', text: t('scenario.exists', { id }) });
      } else {
        setMessage({ kind: 'error', text: problemText(error, t) });
      }
    }
  };
  const shareUrl = typeof window === 'undefined' ? '' : window.location.href;
  return (
    <section aria-labelledby="save-title" className="panel">
      <h2 id="save-title">{t('scenario.shareTitle')}</h2>
      <p>
        {t('scenario.shareBody')}{' '}
        <a href={shareUrl} className="share-link">
          {t('scenario.shareLink')}
        </a>
      </p>
      {session.kind !== 'user' ? (
        session.kind === 'anonymous' ? (
          <p className="notice sign-in-prompt" data-testid="sign-in-prompt">
            {t('access.signInToSave')} <Link href={signInHref()}>{t('auth.signIn')}</Link>
          </p>
        ) : null
      ) : !session.user.roles.some((g) => SAVING_ROLES.includes(g.role)) ? (
        <p className="hint" data-testid="save-role-hint">
          {t('access.roleToSave')}
        </p>
      ) : isChanged ? (
        <form className="finder-form" onSubmit={(e) => void submit(e)}>
          <label className="field field--grow">
            <span className="field__label">{t('scenario.saveName')}</span>
            <input
              type="text"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={200}
              required
            />
          </label>
          <button type="submit" className="button button--primary">
            {t('scenario.save')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('scenario.saveHint')}</p>
      )}
      <p role="status" className={message?.kind === 'error' ? 'form-error' : 'form-ok'}>
        {message?.text}{' '}
        {message?.id === undefined ? null : (
          <Link href={`/scenario?s=${message.id}&jaar=${year}`}>{t('scenario.openSaved')}</Link>
        )}
      </p>
    </section>
  );
}
