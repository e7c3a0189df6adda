import { FIRST_YEAR, poolingAt, valueAt, type Scenario } from '@palliamonitor/model';
import { useI18n } from '../../i18n/i18n';
import { replaceSearch } from '../../router';
import { formatNumber, formatPercent, formatSigned } from '../../lib/format';
import { POOLING, POOLING_LABELS } from '../forecast/capacity-comparison';
import { LIMITS, settingsToSearch, type ScenarioSettings } from './scenario-url';
import { hasOverrides, impliedGrowth } from './build-scenario';
import { scenarioName } from './scenario-names';

// The explorer's controls: the scenario to start from and the sliders that change it. Every setting
// lives in the URL, so a link shares exactly what is shown.

export function ScenarioControls({
  scenarios,
  base,
  scenario,
  settings,
  update,
  describe,
  nationBeds,
}: {
  scenarios: readonly Scenario[];
  base: Scenario;
  scenario: Scenario;
  settings: ScenarioSettings;
  update: (patch: Partial<ScenarioSettings>) => void;
  describe: (s: Scenario) => string;
  /** Beds needed nationally (Erlang B) in the chosen year, kept in view on a phone. */
  nationBeds: number;
}) {
  const { t, locale } = useI18n();
  const p = scenario.parameters;
  const shareNow = valueAt({ path: p.hospiceShare, year: FIRST_YEAR });
  const growth = impliedGrowth(p.hospiceShare);
  const los = valueAt({ path: p.losMean, year: settings.year });
  const target = valueAt({ path: p.targetRefusal, year: settings.year });
  const pooling = poolingAt({ path: p.pooling, year: settings.year });
  return (
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
              {scenarioName(s, t)}
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
      <PoolingChoice pooling={pooling} onChange={(level) => update({ pooling: level })} />
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
          beds: formatNumber(nationBeds, locale),
        })}
      </p>
    </form>
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

/** The pooling level the explorer assumes: each hospice alone, clusters, or the region as one. */
function PoolingChoice({
  pooling,
  onChange,
}: {
  pooling: (typeof POOLING)[number];
  onChange: (level: (typeof POOLING)[number]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field radio-group">
      <legend className="field__label">{t('capacity.pooling')}</legend>
      {POOLING.map((level) => (
        <label key={level} className="radio">
          <input
            type="radio"
            name="scenario-pooling"
            value={level}
            checked={pooling === level}
            onChange={() => onChange(level)}
          />
          {t(POOLING_LABELS[level])}
        </label>
      ))}
    </fieldset>
  );
}
