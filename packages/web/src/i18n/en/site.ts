import type { nlSite } from '../nl/site';

// English interface texts of the frame of every page: navigation, footer, shared words, tables, maps and legends.

export const enSite: { readonly [key in keyof typeof nlSite]: string } = {
  'brand.tagline': 'Demand and supply in hospice care',
  'nav.skip': 'Skip to content',
  'nav.main': 'Main menu',
  'nav.overview': 'National overview',
  'nav.beds': 'Find a free bed',
  'nav.scenario': 'Scenarios',
  'nav.breadcrumb': 'Breadcrumb',
  'footer.about':
    'Palliamonitor follows demand and supply in palliative terminal care, nationally and per zorgkantoorregio (care office region). No patient data: counts only.',
  'footer.api': 'Open API (OpenAPI description)',
  'footer.sources':
    'Sources: CBS (population, CC BY 4.0), CBS / Kadaster-PDOK (boundaries, CC BY 4.0), GeoNames (places and postcodes, CC BY 4.0).',

  'common.or': 'or',
  'common.loading': 'Loading data…',
  'common.error': 'Something went wrong.',
  'common.unavailable': 'Not available yet.',
  'common.unavailableBody':
    '{what}: the server does not provide these data yet. They will appear here once it does.',
  'common.showTable': 'Show as table',
  'common.table': 'Table',
  'common.legend': 'Legend',
  'common.beds': 'beds',

  'demo.title': 'Demo data.',
  'demo.body':
    'The {count} hospices in this environment are synthetic: made up for demonstration, not real. Population figures are from CBS.',
  'demo.bodyOne': 'This hospice is synthetic: made up for demonstration, not real.',
  'demo.badge': 'demo',
  'demo.badgeTitle': 'Synthetic demo data, not a real hospice',

  'figure.facilities': 'Hospice facilities',
  'figure.licensedBeds': 'Beds',
  'figure.bedsPer10k65Plus': 'Beds per 10,000 residents aged 65+',
  'figure.bedsPer10k65PlusShort': 'Per 10,000 65+',
  'figure.population65Plus': 'Residents aged 65 and over',
  'figure.populationYear': 'CBS, {year}',

  'map.label': 'Map of the zorgkantoorregio’s: {indicator}',
  'map.tileNote':
    'Each square is one zorgkantoorregio, roughly where it lies in the country. Official boundaries have not been imported (yet).',
  'map.boundaryNote': 'Boundaries: CBS/PDOK.',
  'legend.range': '{from} to {to}',
  'legend.from': '{from} and more',
  'legend.noData': 'No data',

  'table.region': 'Region',
  'table.hospice': 'Hospice',
  'table.place': 'Place',
  'table.type': 'Type',
  'table.occupancyLastMonth': 'Occupancy last month',
  'table.lastConfirmed': 'Last confirmed',
  'table.refusalsLastMonth': 'Refusals last month',

  'type.bth': 'Bijna-thuis-huis (volunteer house)',
  'type.hch': 'High care hospice',
  'type.nursing-home-unit': 'Palliative unit (nursing home)',
  'type.hospital-unit': 'Hospice ward (hospital)',
  'type.other': 'Other',

  'status.unknown': 'unknown',
  'status.never': 'never confirmed',
  'status.stale': 'stale',

  'notFound.title': 'Page not found',
  'notFound.body': 'This page does not exist (any more). Check the address.',
  'notFound.home': 'Go to the national overview',

  'nav.audit': 'Audit log',
  'form.errorTitle': 'Please check the form',
  'who.person': 'a signed-in user',
  'who.hospice-system': 'the hospice’s system',
  'who.system': 'the system',
  'common.retry': 'Try again',
  'live.on': 'Updated live',
  'live.off': 'No live connection.',
  'live.connecting': 'Connecting…',
  'live.refresh': 'Refresh now',
  'common.offline': 'No connection to the server. Check your internet connection.',
  'common.serverError': 'The server could not handle this just now. Try again in a few minutes.',
  'nav.mine': 'My hospice',
  'table.freeNow': 'Free now',
  // Pages fast, robust, legible and accessible: the map's skip link and code key, legends for
  // skewed or uniform data, the footer's pages and the headline figures' sources.
  'map.skip': 'Skip the map',
  'map.codesTitle': 'What do the abbreviations on the map mean?',
  'legend.all': 'All regions with data: {value}',
  'legend.rangeClosed': '{from} to {to} inclusive',
  'info.accessibility.title': 'Accessibility statement',
  'info.accessibility.aim':
    'Palliamonitor aims to be usable by everyone and follows the European standard EN 301 549 and WCAG 2.1 at level AA, as Dutch government sites must.',
  'info.accessibility.tested':
    'Every page is tested automatically with axe-core on every change, in Dutch and English, signed in and signed out, on a phone and a desktop screen. Every map and chart has a table with the same figures.',
  'info.accessibility.known':
    'Known limitation: the map shows regions as tiles with an abbreviation; the full name is in the table and in the key below the map.',
  'info.accessibility.report':
    'Something in your way? Tell us through the contact page; we answer within five working days.',
  'info.privacy.title': 'Privacy statement',
  'info.privacy.noPatients':
    'Palliamonitor processes no patient data: only counts of beds, admissions, departures, refusals and people waiting. Free text is checked on entry for names, dates of birth and citizen service numbers and refused if it seems to contain them.',
  'info.privacy.accounts':
    'For staff with an account we keep name, e-mail address and role, to know who confirmed a status. The public never sees who did something, only when.',
  'info.privacy.cookies':
    'We use only a session cookie for those who sign in, and remember your language in the browser. No tracking cookies, no third-party analytics.',
  'info.privacy.rights':
    'You can ask to see, correct or delete your account data through the contact page.',
  'info.sources.title': 'Sources',
  'info.sources.lead':
    'Where the figures come from. Every model parameter is described with its source, or as an assumption, in the method description.',
  'info.sources.regions':
    'Boundaries of gemeenten (municipalities), provinces and zorgkantoorregio’s (2025)',
  'info.sources.population':
    'Population by municipality and age group (CBS StatLine 70072ned and 03759ned)',
  'info.sources.deaths': 'Deaths by region (CBS StatLine 37259ned)',
  'info.sources.prognosis': 'Regional population prognosis (PBL/CBS 85173NED)',
  'info.sources.postcodes': 'Centroids of postcode areas (PC4) and place names',
  'info.sources.registry':
    'Registry of hospice facilities: umbrella bodies and networks; bed status and movements from the hospices themselves',
  'info.sources.demo': 'Demo data: synthetic, marked as such everywhere',
  'info.sources.model':
    'The capacity model (Erlang B beside the occupancy norm) and its assumptions are described in the method description with the source code.',
  'info.contact.title': 'Contact',
  'info.contact.lead':
    'Questions about Palliamonitor, an error in the figures or an accessibility problem:',
  'info.contact.data':
    'Is a hospice’s status wrong? Contact the hospice itself or the regisseur of the region.',
  'figure.about': 'What does this mean?',
  'figure.sourceRegistry': 'Source: registry of hospice facilities, as of {date}.',
  'figure.sourcePopulation': 'Source: CBS, population on 1 January {year}.',
  'figure.explainFacilities':
    'Open hospices and bijna-thuis-huizen (close-to-home houses) with a licence, including units in nursing homes.',
  'figure.explainBeds':
    'The number of beds a hospice is registered for; not every bed is always open.',
  'figure.explainBedsPer10k':
    'Licensed beds per 10,000 residents aged 65 and over: the ages at which most people die. Higher = more room per resident.',
  'figure.explainPopulation':
    'Residents aged 65 and over, the group from which most demand for hospice care comes.',
  'nav.plans': 'Bed plans',
  'footer.openData': 'Open data',
};
