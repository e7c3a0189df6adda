import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import type { Forecast } from '@palliamonitor/contracts';
import { DataTable } from '../common/data-table';

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
          <DataTable
            caption={t('forecast.inputName')}
            hideCaption
            columns={[
              { key: 'name', label: t('forecast.inputName'), render: (input) => input.name },
              {
                key: 'value',
                label: t('forecast.inputValue'),
                render: (input) =>
                  typeof input.value === 'number' ? formatNumber(input.value, locale) : input.value,
              },
              {
                key: 'provenance',
                label: t('forecast.inputProvenance'),
                render: (input) => t(`forecast.provenance.${input.provenance}`),
              },
              { key: 'source', label: t('forecast.inputSource'), render: (input) => input.source },
            ]}
            rows={inputs}
            rowKey={(input) => input.name}
          />
        </details>
      ) : null}
    </>
  );
}
