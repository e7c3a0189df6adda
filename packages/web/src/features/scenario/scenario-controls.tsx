import { FIRST_YEAR, poolingAt, valueAt, type Scenario } from '@palliamonitor/model';
import { useI18n } from '../../i18n/i18n';
import { replaceSearch } from '../../router';
import { formatNumber, formatPercent, formatSigned } from '../../lib/format';
import { PoolingChoice } from '../forecast/capacity-comparison';
import { LIMITS, settingsToSearch, type ScenarioSettings } from './scenario-url';
import { hasOverrides, impliedGrowth } from './build-scenario';
import { scenarioDescription, scenarioName } from './scenario-names';
import { SelectField } from '../common/select-field';
import type { MessageKey } from '../../i18n/nl';

// The explorer's controls: the scenario to start from and the sliders that change it. Every setting
// lives in the URL, so a link shares exactly what is shown.

export function ScenarioControls({
  scenarios,
  base,
  scenario,
  settings,
  nationBeds,
}: {
  scenarios: readonly Scenario[];
  base: Scenario;
  scenario: Scenario;
  settings: ScenarioSettings;
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
  const update = (patch: Partial<ScenarioSettings>) => {
    replaceSearch(settingsToSearch({ ...settings, ...patch }));
  };
  return (
    <form
      className="panel scenario-controls"
      onSubmit={(e) => e.preventDefault()}
      aria-labelledby="controls-title"
    >
      <h2 id="controls-title">{t('scenario.controls')}</h2>
      <SelectField
        label={t('scenario.pick')}
        value={base.id}
        choices={scenarios.map((s) => ({ value: s.id, label: scenarioName(s, t) }))}
        onChange={(id) => replaceSearch(settingsToSearch({ scenarioId: id, year: settings.year }))}
        testId="scenario-select"
      />
      <p className="hint">{scenarioDescription(base, t)}</p>
      {(
        [
          ['hospiceShare', shareNow, formatPercent(shareNow, locale, 1)],
          ['growth', growth, `${formatSigned(growth * 100, locale, 2)}%`],
          ['lengthOfStay', los, t('scenario.days', { days: formatNumber(los, locale) })],
          ['targetRefusal', target, formatPercent(target, locale)],
        ] as const
      ).map(([setting, value, display]) => (
        <Slider key={setting} setting={setting} value={value} display={display} update={update} />
      ))}
      <PoolingChoice value={pooling} onChange={(level) => update({ pooling: level })} />
      <Slider
        setting="year"
        value={settings.year}
        display={String(settings.year)}
        update={update}
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

type SliderSetting = keyof typeof LIMITS;

// Each slider's id (in its test id) and label.
const SLIDERS: Readonly<Record<SliderSetting, { id: string; label: MessageKey }>> = {
  hospiceShare: { id: 'share', label: 'scenario.share' },
  growth: { id: 'growth', label: 'scenario.growth' },
  lengthOfStay: { id: 'los', label: 'scenario.los' },
  targetRefusal: { id: 'target', label: 'scenario.target' },
  year: { id: 'year', label: 'scenario.year' },
};

/** A slider for one setting within its limits; `display` is the value in words. */
function Slider({
  setting,
  value,
  display,
  update,
}: {
  setting: SliderSetting;
  value: number;
  display: string;
  update: (patch: Partial<ScenarioSettings>) => void;
}) {
  const { t } = useI18n();
  const { id, label: labelKey } = SLIDERS[setting];
  const label = t(labelKey);
  const limit = LIMITS[setting];
  const onChange = (v: number) => update({ [setting]: v });
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
