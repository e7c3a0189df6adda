import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import type { Forecast } from '@palliamonitor/contracts';

/** Every input of a forecast with its provenance, and a notice when it rests on synthetic beds. */
export function ForecastInputs({ forecast }: { forecast: Forecast }) {
  const { t, locale } = useI18n();
  const inputs = forecast.inputs ?? [];
  const registry = forecast.registry;
  return (
    <>
      {registry?.restsOnSyntheticFacilities ? (
        <p className="notice" data-testid="forecast-synthetic">
          {t('forecast.synthetic', {
            synthetic: formatNumber(registry.syntheticBeds, locale),
            beds: formatNumber(registry.beds, locale),
          })}
        </p>
      ) : null}
      {inputs.length > 0 ? (
        <details data-testid="forecast-inputs">
          <summary>{t('forecast.inputsTitle', { count: inputs.length })}</summary>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('forecast.inputName')}
          >
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('forecast.inputName')}</th>
                  <th scope="col">{t('forecast.inputValue')}</th>
                  <th scope="col">{t('forecast.inputProvenance')}</th>
                  <th scope="col">{t('forecast.inputSource')}</th>
                </tr>
              </thead>
              <tbody>
                {inputs.map((input) => (
                  <tr key={input.name}>
                    <th scope="row">{input.name}</th>
                    <td>
                      {typeof input.value === 'number'
                        ? formatNumber(input.value, locale)
                        : input.value}
                    </td>
                    <td>{t(`forecast.provenance.${input.provenance}`)}</td>
                    <td>{input.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </>
  );
}
