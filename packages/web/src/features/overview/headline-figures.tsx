import type { RegionFigures } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { KeyFigure } from '../common/ui';

/**
 * The four headline figures of a scope (the country or a region), each with its source and date
 * and a short explanation.
 */
export function HeadlineFigures({
  figures,
  asOf,
  facilities = figures.facilities,
}: {
  figures: Pick<
    RegionFigures,
    'facilities' | 'licensedBeds' | 'bedsPer10k65Plus' | 'population65Plus' | 'populationYear'
  >;
  asOf: string;
  facilities?: number;
}) {
  const { t, locale } = useI18n();
  const registry = t('figure.sourceRegistry', { date: formatDate(asOf, locale) });
  const population =
    figures.populationYear === null
      ? undefined
      : t('figure.sourcePopulation', { year: figures.populationYear });
  return (
    <>
      <KeyFigure
        label={t('figure.facilities')}
        value={formatNumber(facilities, locale)}
        source={registry}
        about={t('figure.explainFacilities')}
      />
      <KeyFigure
        label={t('figure.licensedBeds')}
        value={formatNumber(figures.licensedBeds, locale)}
        source={registry}
        about={t('figure.explainBeds')}
      />
      <KeyFigure
        label={t('figure.bedsPer10k65Plus')}
        value={formatNumber(figures.bedsPer10k65Plus, locale, 1)}
        {...(population === undefined ? {} : { source: population })}
        about={t('figure.explainBedsPer10k')}
      />
      <KeyFigure
        label={t('figure.population65Plus')}
        value={formatNumber(figures.population65Plus, locale)}
        {...(population === undefined ? {} : { source: population })}
        about={t('figure.explainPopulation')}
      />
    </>
  );
}
