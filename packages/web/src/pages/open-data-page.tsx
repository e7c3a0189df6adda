import type { OpenDataCatalogue, OpenDataChangelog } from '@palliamonitor/contracts';
import { API, useApi } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { formatDate, formatDateTime, type Locale } from '../lib/format';
import { Async } from '../features/common/ui';
import { PageHeading } from '../features/common/page-heading';

// /open-data: the datasets of the DCAT catalogue, in the reader's language, with their downloads,
// licence and changelog. Two requests: the catalogue and the changelog.

type Dataset = OpenDataCatalogue['dcat:dataset'][number];
type Texts = Dataset['dct:title'];

function inLocale(texts: Texts, locale: Locale): string {
  return (texts.find((t) => t['@language'] === locale) ?? texts[0])?.['@value'] ?? '';
}

function DatasetCard({ dataset }: { dataset: Dataset }) {
  const { t, locale } = useI18n();
  const id = dataset['dct:identifier'].replace(/.*#/, '');
  const temporal = dataset['dct:temporal'];
  return (
    <section className="card" data-testid={`dataset-${id}`} aria-labelledby={`dataset-${id}-title`}>
      <h2 id={`dataset-${id}-title`}>{inLocale(dataset['dct:title'], locale)}</h2>
      <p>{inLocale(dataset['dct:description'], locale)}</p>
      <dl className="facts">
        <dt>{t('openData.period')}</dt>
        <dd>
          {t('openData.periodValue', {
            from: formatDate(temporal['dcat:startDate']['@value'], locale),
            to: formatDate(temporal['dcat:endDate']['@value'], locale),
          })}
        </dd>
        <dt>{t('openData.modified')}</dt>
        <dd>{formatDateTime(dataset['dct:modified']['@value'], locale)}</dd>
        <dt>{t('openData.version')}</dt>
        <dd>{dataset['dcat:version']}</dd>
        <dt>{t('openData.license')}</dt>
        <dd>
          <a href={dataset['dct:license']['@id']} rel="license">
            CC BY 4.0
          </a>
        </dd>
      </dl>
      <ul className="downloads">
        {dataset['dcat:distribution'].map((d) => {
          const url = new URL(d['dcat:downloadURL']['@id']);
          const format = url.pathname.endsWith('.csv') ? 'CSV' : 'JSON';
          return (
            <li key={d['@id']}>
              <a href={url.pathname} download>
                {t('openData.download', { format })}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function OpenDataPage() {
  const { t, locale } = useI18n();
  const catalogue = useApi<OpenDataCatalogue>('/open-data');
  const changelog = useApi<OpenDataChangelog>('/open-data/changelog');
  return (
    <>
      <PageHeading title="openData.title" lead="openData.lead" />
      <p>{t('openData.suppression')}</p>
      <Async value={catalogue} what={t('openData.what')}>
        {(c) => (
          <>
            {c['dcat:dataset'].map((d) => (
              <DatasetCard key={d['@id']} dataset={d} />
            ))}
            <p>
              <a href={`${API}/open-data`}>{t('openData.catalogue')}</a>
            </p>
          </>
        )}
      </Async>
      <h2>{t('openData.changelog')}</h2>
      <Async value={changelog} what={t('openData.changelog')}>
        {(log) => (
          <ul data-testid="open-data-changelog">
            {log.items.map((c) => (
              <li key={`${c.dataset}-${c.version}`}>
                {formatDate(c.date, locale)} · {c.dataset} {c.version}:{' '}
                {locale === 'en' ? c.en : c.nl}
              </li>
            ))}
          </ul>
        )}
      </Async>
    </>
  );
}
