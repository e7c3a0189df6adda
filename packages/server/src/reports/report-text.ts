import type { ReportLanguage } from '@palliamonitor/contracts';

// The words of the PDF report, in Dutch and English. The report model holds only figures and
// codes; the web page has the same headings in its own i18n files.

export interface ReportText {
  readonly locale: string;
  readonly title: (name: string, date: string) => string;
  readonly subtitle: (asOf: string, generated: string) => string;
  readonly capacity: string;
  readonly facilities: string;
  readonly licensedBeds: string;
  readonly freshFacilities: (fresh: number, all: number) => string;
  readonly bedsOpenFree: (open: number, free: number) => string;
  readonly synthetic: (count: number) => string;
  readonly months: string;
  readonly monthColumns: readonly string[];
  readonly noMonths: string;
  readonly forecast: (scenario: string) => string;
  readonly forecastColumns: readonly string[];
  readonly norm: string;
  readonly normLine: (year: number, target: string, erlang: string) => string;
  readonly normNormLine: (norm: string, beds: string) => string;
  readonly normCurrent: (beds: string) => string;
  readonly plan: string;
  readonly planNone: string;
  readonly planVersion: (version: number, savedAt: string) => string;
  readonly planSummed: (regions: number) => string;
  readonly planColumns: readonly string[];
  readonly verdict: { readonly short: string; readonly within: string; readonly over: string };
  readonly completeness: string;
  readonly completenessLead: (hours: number) => string;
  readonly completenessColumns: readonly string[];
  readonly completenessSummary: (s: {
    share28: string;
    shareMonth: string;
    behind: string;
    facilities: string;
    onTime: string;
    figuresIn: string;
  }) => string;
  readonly never: string;
  readonly fresh: string;
  readonly unknown: string;
  readonly more: (count: number) => string;
  readonly sources: string;
  readonly source: string;
  readonly provenance: {
    readonly measured: string;
    readonly imported: string;
    readonly assumed: string;
  };
  readonly page: (n: number, of: number) => string;
}

const NL: ReportText = {
  locale: 'nl-NL',
  title: (name, date) => `Hospicezorg in ${name}, ${date}`,
  subtitle: (asOf, generated) => `Palliamonitor · peildatum ${asOf} · gemaakt ${generated}`,
  capacity: 'Capaciteit nu',
  facilities: 'Voorzieningen',
  licensedBeds: 'Bedden in het register',
  freshFacilities: (fresh, all) => `Verse beddenstatus: ${fresh} van ${all} voorzieningen`,
  bedsOpenFree: (open, free) => `Daar nu open: ${open} bedden, waarvan vrij: ${free}`,
  synthetic: (count) => `Let op: ${count} voorzieningen zijn synthetische demogegevens.`,
  months: 'Bezetting, weigeringen en wachtlijsten (laatste twaalf maanden)',
  monthColumns: [
    'Maand',
    'Bezetting',
    'Opnames',
    'Weigeringen',
    'Wachtlijst (eind)',
    'Verse gegevens',
  ],
  noMonths: 'Nog geen maandcijfers.',
  forecast: (scenario) => `Prognose tot 2050 met band (scenario ${scenario})`,
  forecastColumns: [
    'Jaar',
    'Huidige bedden',
    'Nodig (Erlang B)',
    'Band p10–p90',
    'Nodig (norm)',
    'Verschil',
  ],
  norm: 'Erlang B tegen de bezettingsnorm',
  normLine: (year, target, erlang) =>
    `${year}: bij een weigeringskans van ${target} zijn volgens Erlang B ${erlang} bedden nodig.`,
  normNormLine: (norm, beds) => `Bij een bezettingsnorm van ${norm}: ${beds} bedden.`,
  normCurrent: (beds) => `Bedden nu: ${beds}.`,
  plan: 'Het beddenplan tegen de behoefte',
  planNone: 'Nog geen beddenplan vastgelegd: geplande bedden zijn de bedden van nu.',
  planVersion: (version, savedAt) => `Versie ${version}, opgeslagen ${savedAt}.`,
  planSummed: (regions) =>
    `Som van de 31 regio’s (${regions} met een plan); de banden zijn per regio opgeteld.`,
  planColumns: ['Jaar', 'Nu', 'Gepland', 'Afgesproken', 'Doel', 'Behoefte (p10–p90)', 'Oordeel'],
  verdict: { short: 'tekort', within: 'binnen band', over: 'overschot' },
  completeness: 'Volledigheid van de gegevens',
  completenessLead: (hours) =>
    `Laatste bevestiging van de beddenstatus per voorziening; vers is bevestigd binnen ${hours} uur. Oudste eerst.`,
  completenessColumns: ['Voorziening', 'Bedden', 'Laatst bevestigd', 'Leeftijd (uur)', 'Status'],
  completenessSummary: (s) =>
    `Bevestigd op ${s.share28} van de dagen in de laatste 28 dagen (vorige maand: ${s.shareMonth}); ${s.behind} van ${s.facilities} voorzieningen lopen achter; maandcijfers van de vorige maand binnen bij ${s.figuresIn}, op tijd bij ${s.onTime}.`,
  never: 'nooit',
  fresh: 'vers',
  unknown: 'onbekend',
  more: (count) => `… en ${count} voorzieningen met een recentere bevestiging.`,
  sources: 'Bronnen',
  source: 'Bron',
  provenance: { measured: 'gemeten', imported: 'geïmporteerd', assumed: 'aanname' },
  page: (n, of) => `Pagina ${n} van ${of}`,
};

const EN: ReportText = {
  locale: 'en-GB',
  title: (name, date) => `Hospice care in ${name}, ${date}`,
  subtitle: (asOf, generated) => `Palliamonitor · as of ${asOf} · generated ${generated}`,
  capacity: 'Capacity now',
  facilities: 'Facilities',
  licensedBeds: 'Beds in the registry',
  freshFacilities: (fresh, all) => `Fresh bed status: ${fresh} of ${all} facilities`,
  bedsOpenFree: (open, free) => `Open there now: ${open} beds, of which free: ${free}`,
  synthetic: (count) => `Note: ${count} facilities are synthetic demo data.`,
  months: 'Occupancy, refusals and waiting lists (last twelve months)',
  monthColumns: [
    'Month',
    'Occupancy',
    'Admissions',
    'Refusals',
    'Waiting list (end)',
    'Fresh data',
  ],
  noMonths: 'No monthly figures yet.',
  forecast: (scenario) => `Forecast to 2050 with band (scenario ${scenario})`,
  forecastColumns: [
    'Year',
    'Current beds',
    'Needed (Erlang B)',
    'Band p10–p90',
    'Needed (norm)',
    'Difference',
  ],
  norm: 'Erlang B against the occupancy norm',
  normLine: (year, target, erlang) =>
    `${year}: at a refusal probability of ${target}, Erlang B needs ${erlang} beds.`,
  normNormLine: (norm, beds) => `At an occupancy norm of ${norm}: ${beds} beds.`,
  normCurrent: (beds) => `Beds now: ${beds}.`,
  plan: 'The bed plan against the need',
  planNone: 'No bed plan recorded yet: planned beds are today’s beds.',
  planVersion: (version, savedAt) => `Version ${version}, saved ${savedAt}.`,
  planSummed: (regions) =>
    `Sum of the 31 regions (${regions} with a plan); the bands are added region by region.`,
  planColumns: ['Year', 'Now', 'Planned', 'Agreed', 'Target', 'Need (p10–p90)', 'Verdict'],
  verdict: { short: 'short', within: 'within band', over: 'over' },
  completeness: 'Completeness of the data',
  completenessLead: (hours) =>
    `Last confirmation of the bed status per facility; fresh means confirmed within ${hours} hours. Oldest first.`,
  completenessColumns: ['Facility', 'Beds', 'Last confirmed', 'Age (hours)', 'Status'],
  completenessSummary: (s) =>
    `Confirmed on ${s.share28} of the days in the last 28 days (last month: ${s.shareMonth}); ${s.behind} of ${s.facilities} facilities are behind; last month's figures in from ${s.figuresIn}, on time from ${s.onTime}.`,
  never: 'never',
  fresh: 'fresh',
  unknown: 'unknown',
  more: (count) => `… and ${count} facilities confirmed more recently.`,
  sources: 'Sources',
  source: 'Source',
  provenance: { measured: 'measured', imported: 'imported', assumed: 'assumed' },
  page: (n, of) => `Page ${n} of ${of}`,
};

export function reportText(language: ReportLanguage): ReportText {
  return language === 'en' ? EN : NL;
}
