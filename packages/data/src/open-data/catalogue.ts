import {
  OPEN_DATA_CHANGELOG,
  type OpenDataCatalogue,
  type OpenDatasetId,
} from '@palliamonitor/contracts';
import { OPEN_DATA_LICENSE, datasetVersion } from './open-data.service';

// The DCAT-AP-NL 3 catalogue (a profile of DCAT-AP 3) of the open datasets, as JSON-LD, so a
// harvester such as data.overheid.nl can list them. Controlled values come from the EU
// vocabularies the profile names: access rights, data themes, languages, countries, file types
// and frequencies of the Publications Office, and IANA media types.

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'https://www.iana.org/assignments/media-types';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  adms: 'http://www.w3.org/ns/adms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const text = (nl: string, en: string) => [
  { '@language': 'nl', '@value': nl },
  { '@language': 'en', '@value': en },
];
const ref = (id: string) => ({ '@id': id });
const date = (value: string) => ({ '@type': 'xsd:date', '@value': value });

interface DatasetText {
  title: [string, string];
  description: [string, string];
}

const DATASETS: Record<OpenDatasetId, DatasetText> = {
  'region-months': {
    title: [
      'Hospicezorg per zorgkantoorregio en maand',
      'Hospice care per care-office region and month',
    ],
    description: [
      'Per zorgkantoorregio en volledige maand: open voorzieningen en vergunde bedden aan het eind van de maand, ligdagen, bezettingsgraad, opnames, weigeringen wegens vol en het aandeel voorziening-dagen met een verse beddenstatus. Aantallen van 1 tot en met 4 zijn onderdrukt (leeg, en genoemd in de kolom suppressed); de bezetting vervalt dan met de ligdagen.',
      'Per care-office region and complete month: open facilities and licensed beds at the end of the month, bed-days, occupancy, admissions, refusals for lack of a bed and the share of facility-days with a fresh bed status. Counts of 1 to 4 are suppressed (empty, and named in the column suppressed); occupancy is then suppressed with the bed-days.',
    ],
  },
  hospices: {
    title: ['Register van hospicevoorzieningen', 'Registry of hospice facilities'],
    description: [
      'Alle geregistreerde hospicevoorzieningen met hun openbare gegevens: soort, zorgmodel, financiering, koepel, adres, gemeente, zorgkantoorregio, ligging, vergunde bedden, openings- en sluitingsdatum, website, AGB-code en KvK-nummer. Zonder telefoonnummers en zonder gegevens van medewerkers.',
      'Every registered hospice facility with its public details: type, care model, funding, umbrella, address, municipality, care-office region, location, licensed beds, opening and closing date, website, AGB code and Chamber of Commerce number. Without phone numbers and without staff details.',
    ],
  },
};

export interface CatalogueInput {
  /** The product's address, without a trailing slash (https://…). */
  baseUrl: string;
  /** Per dataset: when its data last changed and the period it covers (dates). */
  datasets: Record<OpenDatasetId, { modified: string; start: string; end: string }>;
}

const FORMATS = [
  { ext: 'csv', mediaType: 'text/csv', fileType: 'CSV' },
  { ext: 'json', mediaType: 'application/json', fileType: 'JSON' },
] as const;

function dataset(
  base: string,
  id: OpenDatasetId,
  input: CatalogueInput['datasets'][OpenDatasetId],
) {
  const about = DATASETS[id];
  const latest = OPEN_DATA_CHANGELOG.filter((c) => c.dataset === id).at(-1)!;
  return {
    '@id': `${base}/api/v1/open-data#${id}`,
    '@type': 'dcat:Dataset' as const,
    'dct:identifier': `${base}/api/v1/open-data#${id}`,
    'dct:title': text(...about.title),
    'dct:description': text(...about.description),
    'dct:publisher': {
      '@type': 'foaf:Agent',
      'foaf:name': text('Palliamonitor', 'Palliamonitor'),
      'foaf:homepage': ref(base),
    },
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': 'Palliamonitor',
      'vcard:hasURL': ref(`${base}/contact`),
    },
    'dct:license': ref(OPEN_DATA_LICENSE),
    'dct:accessRights': ref(`${EU}/access-right/PUBLIC`),
    'dcat:theme': [ref(`${EU}/data-theme/HEAL`)],
    'dct:language': [ref(`${EU}/language/NLD`)],
    'dct:spatial': [ref(`${EU}/country/NLD`)],
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime' as const,
      'dcat:startDate': date(input.start),
      'dcat:endDate': date(input.end),
    },
    'dct:accrualPeriodicity': ref(`${EU}/frequency/${id === 'hospices' ? 'DAILY' : 'MONTHLY'}`),
    'dct:modified': { '@type': 'xsd:dateTime', '@value': input.modified },
    'dcat:version': datasetVersion(id),
    'adms:versionNotes': text(latest.nl, latest.en),
    'foaf:page': ref(`${base}/open-data`),
    'dcat:distribution': FORMATS.map((f) => {
      const url = `${base}/api/v1/open-data/${id}.${f.ext}`;
      return {
        '@id': url,
        '@type': 'dcat:Distribution' as const,
        'dct:title': text(`${about.title[0]} (${f.fileType})`, `${about.title[1]} (${f.fileType})`),
        'dcat:accessURL': ref(url),
        'dcat:downloadURL': ref(url),
        'dcat:mediaType': ref(`${IANA}/${f.mediaType}`),
        'dct:format': ref(`${EU}/file-type/${f.fileType}`),
        'dct:license': ref(OPEN_DATA_LICENSE),
      };
    }),
  };
}

export function openDataCatalogue(input: CatalogueInput): OpenDataCatalogue {
  const base = input.baseUrl;
  const modified = Object.values(input.datasets)
    .map((d) => d.modified)
    .sort()
    .at(-1)!;
  return {
    '@context': CONTEXT,
    '@id': `${base}/api/v1/open-data`,
    '@type': 'dcat:Catalog',
    'dct:title': text('Palliamonitor open data', 'Palliamonitor open data'),
    'dct:description': text(
      'Open gegevens van de landelijke monitor van de hospicecapaciteit: geaggregeerde cijfers per regio en maand en het register van voorzieningen.',
      'Open data of the national monitor of hospice capacity: aggregated figures per region and month and the registry of facilities.',
    ),
    'dct:publisher': {
      '@type': 'foaf:Agent',
      'foaf:name': text('Palliamonitor', 'Palliamonitor'),
    },
    'dct:license': ref(OPEN_DATA_LICENSE),
    'dct:modified': { '@type': 'xsd:dateTime', '@value': modified },
    'foaf:homepage': ref(`${base}/open-data`),
    'dcat:dataset': (Object.keys(DATASETS) as OpenDatasetId[]).map((id) =>
      dataset(base, id, input.datasets[id]),
    ),
  };
}
