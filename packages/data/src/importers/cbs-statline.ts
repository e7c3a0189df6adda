import { guessDelimiter, readCsv } from './csv';
import { issue, type ImportIssue, type ParseResult } from './issues';

/**
 * Parser for CBS StatLine tables in the formats CBS publishes:
 *
 * - OData v3 JSON (opendata.cbs.nl/ODataApi/odata/<table>/TypedDataSet or UntypedDataSet):
 *   `{"odata.metadata": ".../<table>/$metadata#...", "value": [{"ID": 0, "Geslacht": "T001038",
 *   "Leeftijd": "10000", "RegioS": "GM0014  ", "Perioden": "2021JJ00", "BevolkingOp1Januari_1": 233273}]}`
 *   Region codes are padded with spaces; missing values are null (typed) or "." (untyped).
 * - OData v4 JSON (odata4.cbs.nl/CBS/<table>/Observations): one row per measure with
 *   `Measure` (e.g. M000352 = Bevolking op 1 januari), `Value`, `ValueAttribute` and the dimensions.
 * - CSV of the same data sets: semicolon-separated, every field quoted, same keys as the JSON.
 * - StatLine "export" CSV: semicolon-separated, quoted, Dutch labels instead of codes
 *   ("Perioden";"Regio's";"Bevolking op 1 januari (aantal)"), values right-aligned with spaces,
 *   measure headers may be paths ("Bevolking/.../Totale bevolking (aantal)"). Region labels are
 *   names, so these need `regionCodesByName`.
 *
 * Supported tables (others parse when their columns have the same shape; the id is recorded):
 * 03759ned population by sex, age (single years) and region; 37259ned population development
 * incl. deaths per region and sex; 03747 deaths by sex, age, marital status and region;
 * 70072ned regional key figures (total population); 85171NED / 85173NED regional population
 * prognosis 2023–2050 (PBL/CBS, regio-indeling 2021, values in thousands, with 67% interval).
 *
 * Ages are aggregated to the bands 0-64, 65-79 and 80+ only from categories that lie wholly
 * inside a band, choosing one set of categories that exactly covers the band, so totals and
 * overlapping groups (e.g. single years next to 5-year groups) are never counted twice.
 * Only totals of other dimensions (e.g. BurgerlijkeStaat T001019) are used.
 */

export type Sex = 'total' | 'male' | 'female';
export type AgeBand = '0-64' | '65-79' | '80+' | 'total';
export type CbsMeasure = 'population' | 'deaths';
/** Variant of a prognosis value: the median or a bound of CBS's 67% prognosis interval. */
export type ProjectionInterval = 'median' | 'lower67' | 'upper67';

export interface CbsRecord {
  tableId: string;
  /** GMdddd, PVdd or NL01 (the Netherlands). */
  regionCode: string;
  year: number;
  sex: Sex;
  ageBand: AgeBand;
  measure: CbsMeasure;
  /** Persons (population on 1 January of `year`, or deaths during `year`). */
  value: number;
  /** Attribution, e.g. "CBS StatLine 03759ned, CC BY 4.0". */
  source: string;
  /** Only for prognosis tables. */
  projectionInterval?: ProjectionInterval;
}

export interface ParseCbsStatlineOptions {
  /** Detected from the text when absent. */
  format?: 'json' | 'csv';
  /** The table the caller expects; a file that says it is another table is rejected. */
  tableId?: string;
  /** Used to find the table id in CSV downloads such as "03759ned_TypedDataSet_….csv". */
  fileName?: string;
  /** Leeftijd Key → Title from the table metadata, for age codes this parser does not know. */
  ageLabels?: Readonly<Record<string, string>>;
  /** Region name → code, needed for StatLine exports with labels ("Aa en Hunze" → "GM1680"). */
  regionCodesByName?: Readonly<Record<string, string>>;
  /** OData v4 Measure code → measure, in addition to M000352 (Bevolking op 1 januari). */
  measureCodes?: Readonly<Record<string, CbsMeasure>>;
}

interface TableInfo {
  id: string;
  title: string;
  measures: readonly CbsMeasure[];
  /** Values are published in units of this many persons. */
  scale: number;
}

const TABLES: readonly TableInfo[] = [
  {
    id: '03759ned',
    title: 'Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio',
    measures: ['population'],
    scale: 1,
  },
  {
    id: '37259ned',
    title: 'Bevolkingsontwikkeling; levend geborenen, overledenen en migratie per regio',
    measures: ['deaths', 'population'],
    scale: 1,
  },
  {
    id: '03747',
    title: 'Overledenen; geslacht, leeftijd, burgerlijke staat, regio',
    measures: ['deaths'],
    scale: 1,
  },
  { id: '70072ned', title: 'Regionale kerncijfers Nederland', measures: ['population'], scale: 1 },
  {
    id: '85171NED',
    title: 'Regionale prognose 2023-2050; bevolking, regio-indeling 2021',
    measures: ['population'],
    scale: 1000,
  },
  {
    id: '85173NED',
    title: 'Regionale prognose 2023-2050; bevolking, intervallen, regio-indeling 2021',
    measures: ['population'],
    scale: 1000,
  },
];

/** OData v3 topic keys (the numeric suffix differs between tables and versions). */
const MEASURE_KEYS: readonly (readonly [RegExp, CbsMeasure])[] = [
  [/^BevolkingOp1Januari_\d+$/, 'population'],
  [/^TotaleBevolking_\d+$/, 'population'],
  [/^Overledenen_\d+$/, 'deaths'],
];

/** StatLine export headers (last path segment), with the unit in brackets. */
const MEASURE_LABELS: readonly (readonly [RegExp, CbsMeasure])[] = [
  [/^bevolking op 1 januari \((aantal|x 1 ?000)\)$/i, 'population'],
  [/^totale bevolking \((aantal|x 1 ?000)\)$/i, 'population'],
  [/^overledenen \((aantal|x 1 ?000)\)$/i, 'deaths'],
];

const V4_MEASURES: Readonly<Record<string, CbsMeasure>> = { M000352: 'population' };

const SEX_BY_CODE: Readonly<Record<string, Sex>> = {
  T001038: 'total',
  '1100': 'total',
  '3000': 'male',
  '4000': 'female',
};
const SEX_BY_LABEL: Readonly<Record<string, Sex>> = {
  'totaal mannen en vrouwen': 'total',
  mannen: 'male',
  vrouwen: 'female',
  'total male and female': 'total',
  men: 'male',
  women: 'female',
};

const INTERVAL_BY_CODE: Readonly<Record<string, ProjectionInterval>> = {
  MW00000: 'median',
  MOG0067: 'lower67',
  MBG0067: 'upper67',
};

/** Age category: `total`, or the half-open interval [from, to) in years (to = Infinity: "or older"). */
type AgeCategory = { kind: 'total' } | { kind: 'range'; from: number; to: number };

/**
 * CBS Leeftijd codes whose meaning is confirmed from table metadata: 03759ned single years
 * (10010 = 0 jaar, 10100 + 100·n = n jaar, 19901–19905 = 100–104 jaar, 22300 = 105 jaar of
 * ouder), 5-year groups used in 03747/80202ned (51300 = 1 tot 5, 70200 + 100·k = 5(k+1) tot
 * 5(k+2) jaar, 22000 = 95 jaar of ouder) and the broad groups of 70895ned (21700 = 0 tot 65,
 * 41700 = 65 tot 80, 53950 = 80 jaar of ouder).
 */
function ageFromCode(code: string): AgeCategory | null {
  const fixed: Readonly<Record<string, AgeCategory>> = {
    '10000': { kind: 'total' },
    '10010': { kind: 'range', from: 0, to: 1 },
    '22300': { kind: 'range', from: 105, to: Infinity },
    '22000': { kind: 'range', from: 95, to: Infinity },
    '51300': { kind: 'range', from: 1, to: 5 },
    '21700': { kind: 'range', from: 0, to: 65 },
    '41700': { kind: 'range', from: 65, to: 80 },
    '53950': { kind: 'range', from: 80, to: Infinity },
  };
  const known = fixed[code];
  if (known !== undefined) {
    return known;
  }
  if (!/^\d{5}$/.test(code)) {
    return null;
  }
  const n = Number(code);
  if (n >= 10100 && n <= 19900 && n % 100 === 0) {
    const age = (n - 10000) / 100;
    return { kind: 'range', from: age, to: age + 1 };
  }
  if (n >= 19901 && n <= 19905) {
    const age = 100 + (n - 19901);
    return { kind: 'range', from: age, to: age + 1 };
  }
  if (n >= 70200 && n <= 71900 && n % 100 === 0) {
    const from = ((n - 70100) / 100) * 5;
    return { kind: 'range', from, to: from + 5 };
  }
  return null;
}

/** Dutch (and English) StatLine age labels: "Totaal", "65 jaar", "65 tot 70 jaar", "95 jaar of ouder". */
function ageFromLabel(label: string): AgeCategory | null {
  const text = label.trim().toLowerCase();
  if (/^(totaal|total)( (leeftijd|alle leeftijden|all ages))?$/.test(text)) {
    return { kind: 'total' };
  }
  let m = /^(\d+) (jaar|years?)$/.exec(text);
  if (m) {
    return { kind: 'range', from: Number(m[1]), to: Number(m[1]) + 1 };
  }
  m = /^(\d+) (tot|to) (\d+) (jaar|years)$/.exec(text);
  if (m) {
    return { kind: 'range', from: Number(m[1]), to: Number(m[3]) };
  }
  m = /^(\d+) (jaar of ouder|years or older|years and over)$/.exec(text);
  if (m) {
    return { kind: 'range', from: Number(m[1]), to: Infinity };
  }
  m = /^(jonger dan|younger than) (\d+) (jaar|years)$/.exec(text);
  if (m) {
    return { kind: 'range', from: 0, to: Number(m[2]) };
  }
  return null;
}

const BANDS: readonly (readonly [Exclude<AgeBand, 'total'>, number, number])[] = [
  ['0-64', 0, 65],
  ['65-79', 65, 80],
  ['80+', 80, Infinity],
];

/** Dimension roles. Other dimensions only contribute their total category. */
type Role = 'region' | 'period' | 'sex' | 'age' | 'interval';

function roleOfKey(key: string): Role | null {
  if (key === 'RegioS' || /^RegioIndeling\d{4}$/.test(key)) {
    return 'region';
  }
  if (key === 'Perioden') {
    return 'period';
  }
  if (key === 'Geslacht') {
    return 'sex';
  }
  if (/^Leeftijd/.test(key)) {
    return 'age';
  }
  if (key === 'PrognoseInterval') {
    return 'interval';
  }
  return null;
}

/** OData topic keys end in _<number> (BevolkingOp1Januari_1); dimension keys never do. */
function isTopicKey(key: string): boolean {
  return /_\d+$/.test(key);
}

function roleOfLabel(header: string): Role | null {
  const h = header.toLowerCase();
  if (/^regio('s)?( \(regio-indeling \d{4}\))?$|^regio-indeling \d{4}$/.test(h)) {
    return 'region';
  }
  if (h === 'perioden') {
    return 'period';
  }
  if (h === 'geslacht') {
    return 'sex';
  }
  if (/^leeftijd/.test(h)) {
    return 'age';
  }
  if (/^prognose-?interval/.test(h)) {
    return 'interval';
  }
  return null;
}

/** One observation after format-specific reading, before code mapping. */
interface Observation {
  where: { line?: number; field?: string };
  /** 'code' for OData keys (JSON and data-set CSV), 'label' for StatLine exports. */
  kind: 'code' | 'label';
  dims: Partial<Record<Role, string>>;
  /** Dimensions without a role, as [name, value]. */
  others: [string, string][];
  measure: CbsMeasure;
  raw: unknown;
  /** Multiplier from the unit of a labelled header ("x 1 000"), else 1. */
  unitScale: number;
}

interface ReadResult {
  tableIdInFile: string | null;
  observations: Observation[];
  /** Names of measure columns/codes found, for the wrong-table check. */
  measuresFound: Set<CbsMeasure>;
}

export function parseCbsStatline(
  text: string,
  options: ParseCbsStatlineOptions = {},
): ParseResult<CbsRecord> {
  const issues: ImportIssue[] = [];
  const format = options.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  const read = format === 'json' ? readJson(text, options, issues) : readCsvText(text, issues);
  if (read === null) {
    return { records: [], issues };
  }

  // Which table is this?
  const fileTable = read.tableIdInFile;
  const expected = options.tableId;
  if (expected !== undefined && fileTable !== null && !sameTable(expected, fileTable)) {
    issues.push(issue('error', `wrong table: the file is ${fileTable}, expected ${expected}`));
    return { records: [], issues };
  }
  const nameTable =
    options.fileName === undefined
      ? null
      : (/(?:^|[^0-9])(\d{5}(?:ned|eng)?)(?:[^0-9a-z]|$)/i.exec(options.fileName)?.[1] ?? null);
  const tableIdRaw = fileTable ?? expected ?? nameTable;
  if (tableIdRaw === null) {
    issues.push(
      issue('error', 'table id unknown: the file does not name it; pass the tableId option'),
    );
    return { records: [], issues };
  }
  const info = TABLES.find((t) => sameTable(t.id, tableIdRaw));
  const tableId = info?.id ?? tableIdRaw;
  if (read.measuresFound.size === 0) {
    issues.push(
      issue(
        'error',
        `wrong table: no supported measure (Bevolking op 1 januari, Totale bevolking, Overledenen) in ${tableId}`,
      ),
    );
    return { records: [], issues };
  }
  if (info !== undefined && ![...read.measuresFound].some((m) => info.measures.includes(m))) {
    issues.push(
      issue(
        'error',
        `wrong table: ${tableId} (${info.title}) should hold ${info.measures.join('/')}, the file holds ${[...read.measuresFound].join('/')}`,
      ),
    );
    return { records: [], issues };
  }
  const scale = info?.scale ?? 1;
  const source = `CBS StatLine ${tableId}, CC BY 4.0`;

  const records = aggregate(read.observations, { tableId, scale, source, options, issues });
  return { records, issues };
}

function sameTable(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Reading the formats

function readJson(
  text: string,
  options: ParseCbsStatlineOptions,
  issues: ImportIssue[],
): ReadResult | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.push(issue('error', `not JSON: ${(error as Error).message}`));
    return null;
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    !Array.isArray((json as { value?: unknown }).value)
  ) {
    issues.push(issue('error', 'not a CBS OData response: no "value" array'));
    return null;
  }
  const body = json as Record<string, unknown> & { value: unknown[] };
  const context = body['odata.metadata'] ?? body['@odata.context'];
  const tableIdInFile =
    typeof context === 'string'
      ? (/\/(\d{5}[A-Za-z]{0,3})\/\$metadata/.exec(context)?.[1] ?? null)
      : null;
  const observations: Observation[] = [];
  const measuresFound = new Set<CbsMeasure>();
  const v4Measures = { ...V4_MEASURES, ...options.measureCodes };
  const unknownV4 = new Set<string>();

  body.value.forEach((item, index) => {
    const field = `value[${String(index)}]`;
    if (typeof item !== 'object' || item === null) {
      issues.push(issue('error', 'row is not an object', { field }));
      return;
    }
    const row = item as Record<string, unknown>;
    const isV4 = 'Measure' in row && 'Value' in row;
    const dims: Partial<Record<Role, string>> = {};
    const others: [string, string][] = [];
    const measures: [CbsMeasure, unknown][] = [];
    for (const [key, value] of Object.entries(row)) {
      if (key === 'ID' || key === 'Id' || key.endsWith('_label')) {
        continue;
      }
      if (isV4 && ['Measure', 'Value', 'ValueAttribute', 'StringValue'].includes(key)) {
        continue;
      }
      const measure = MEASURE_KEYS.find(([pattern]) => pattern.test(key))?.[1];
      if (!isV4 && measure !== undefined) {
        measures.push([measure, value]);
        continue;
      }
      if (typeof value !== 'string' || isTopicKey(key)) {
        continue; // another topic, e.g. GemiddeldeBevolking_2
      }
      const role = roleOfKey(key);
      if (role === null) {
        others.push([key, value.trim()]);
      } else {
        dims[role] = value.trim();
      }
    }
    if (isV4) {
      const code = String(row['Measure']).trim();
      const measure = v4Measures[code];
      if (measure === undefined) {
        unknownV4.add(code);
        return;
      }
      measures.push([measure, row['Value']]);
    }
    for (const [measure, raw] of measures) {
      measuresFound.add(measure);
      observations.push({
        where: { field },
        kind: 'code',
        dims,
        others,
        measure,
        raw,
        unitScale: 1,
      });
    }
  });
  for (const code of unknownV4) {
    issues.push(
      issue(
        'warning',
        `OData v4 measure ${code} is not supported; its rows were skipped (pass measureCodes)`,
      ),
    );
  }
  return { tableIdInFile, observations, measuresFound };
}

function readCsvText(text: string, issues: ImportIssue[]): ReadResult | null {
  const { table, issues: csvIssues } = readCsv(text, guessDelimiter(text));
  issues.push(...csvIssues);
  if (table === null) {
    return null;
  }
  // Data-set CSV carries the OData keys; a StatLine export carries Dutch labels.
  const isCoded = table.header.some((h) => roleOfKey(h) === 'region');
  const columns = table.header.map((header) => {
    if (isCoded) {
      if (header === 'ID' || header === 'Id') {
        return { kind: 'skip' as const };
      }
      const measure = MEASURE_KEYS.find(([pattern]) => pattern.test(header))?.[1];
      if (measure !== undefined) {
        return { kind: 'measure' as const, measure, unitScale: 1 };
      }
      const role = roleOfKey(header);
      if (role !== null) {
        return { kind: 'dim' as const, role };
      }
      return isTopicKey(header)
        ? { kind: 'skip' as const }
        : { kind: 'other' as const, name: header };
    }
    const last = header.split('/').pop()?.trim() ?? header;
    const measure = MEASURE_LABELS.find(([pattern]) => pattern.test(last))?.[1];
    if (measure !== undefined) {
      return { kind: 'measure' as const, measure, unitScale: /x 1 ?000/i.test(last) ? 1000 : 1 };
    }
    const role = roleOfLabel(header);
    if (role !== null) {
      return { kind: 'dim' as const, role };
    }
    // A labelled column that is not a dimension we know: another topic when its header has a
    // unit in brackets, else a dimension whose total we keep.
    return /\(.*\)$/.test(last)
      ? { kind: 'skip' as const }
      : { kind: 'other' as const, name: header };
  });
  if (!columns.some((c) => c.kind === 'dim' && c.role === 'region')) {
    issues.push(
      issue('error', "no region column (RegioS, RegioIndelingYYYY or Regio's)", {
        line: table.headerLine,
      }),
    );
    return null;
  }

  const observations: Observation[] = [];
  const measuresFound = new Set<CbsMeasure>();
  for (const row of table.rows) {
    const dims: Partial<Record<Role, string>> = {};
    const others: [string, string][] = [];
    const measures: [CbsMeasure, string, number][] = [];
    columns.forEach((column, i) => {
      const value = (row.values[i] ?? '').trim();
      switch (column.kind) {
        case 'dim':
          dims[column.role] = value;
          break;
        case 'other':
          others.push([column.name, value]);
          break;
        case 'measure':
          measures.push([column.measure, value, column.unitScale]);
          break;
        case 'skip':
          break;
      }
    });
    for (const [measure, raw, unitScale] of measures) {
      measuresFound.add(measure);
      observations.push({
        where: { line: row.line },
        kind: isCoded ? 'code' : 'label',
        dims,
        others,
        measure,
        raw,
        unitScale,
      });
    }
  }
  return { tableIdInFile: null, observations, measuresFound };
}

// ---------------------------------------------------------------------------------------------
// Mapping codes and aggregating ages

interface GroupValue {
  category: AgeCategory;
  value: number;
}

interface Group {
  regionCode: string;
  year: number;
  sex: Sex;
  measure: CbsMeasure;
  interval: ProjectionInterval | null;
  values: Map<string, GroupValue>;
}

const NATIONAL_NAMES: Readonly<Record<string, string>> = { nederland: 'NL01', netherlands: 'NL01' };

function aggregate(
  observations: readonly Observation[],
  context: {
    tableId: string;
    scale: number;
    source: string;
    options: ParseCbsStatlineOptions;
    issues: ImportIssue[];
  },
): CbsRecord[] {
  const { options, issues } = context;
  const groups = new Map<string, Group>();
  const reported = new Set<string>();
  /** Reports a problem about a code once per file rather than once per row. */
  const once = (key: string, make: () => ImportIssue): void => {
    if (!reported.has(key)) {
      reported.add(key);
      issues.push(make());
    }
  };
  const regionNames = new Map(
    Object.entries(options.regionCodesByName ?? {}).map(([name, code]) => [
      normaliseRegionName(name),
      code,
    ]),
  );
  let skippedPeriods = 0;
  let skippedNonTotal = 0;

  for (const obs of observations) {
    const { where } = obs;
    // Region
    const regionRaw = obs.dims.region ?? '';
    let regionCode: string | undefined;
    if (/^(GM\d{4}|PV\d{2}|NL0[01])$/.test(regionRaw)) {
      regionCode = regionRaw;
    } else if (/^(?!GM|PV|NL)[A-Z]{2}\d{2,8}$/.test(regionRaw)) {
      continue; // landsdelen, COROP, wijken, GGD regions ...: valid CBS regions, not used here
    } else if (obs.kind === 'label') {
      const name = normaliseRegionName(regionRaw);
      regionCode = regionNames.get(name) ?? NATIONAL_NAMES[name];
      if (regionCode === undefined) {
        once(`region:${regionRaw}`, () =>
          issue(
            'error',
            `region "${regionRaw}" has no code; pass regionCodesByName for StatLine exports with region names`,
            { ...where, field: "Regio's" },
          ),
        );
        continue;
      }
    } else {
      once(`region:${regionRaw}`, () =>
        issue('error', `unknown region code "${regionRaw}"`, { ...where, field: 'RegioS' }),
      );
      continue;
    }
    if (regionCode === 'NL00') {
      regionCode = 'NL01';
    }
    if (!/^(GM\d{4}|PV\d{2}|NL01)$/.test(regionCode)) {
      once(`region:${regionCode}`, () =>
        issue('error', `unknown region code "${String(regionCode)}"`, {
          ...where,
          field: "Regio's",
        }),
      );
      continue;
    }

    // Period
    const periodRaw = obs.dims.period ?? '';
    const period = /^(\d{4})JJ00$/.exec(periodRaw) ?? /^(\d{4})\*{0,2}$/.exec(periodRaw);
    if (period?.[1] === undefined) {
      if (/^\d{4}(KW|MM|X0|W\d|HJ|G\d)\d{2}$/.test(periodRaw) || /^\d{4} /.test(periodRaw)) {
        skippedPeriods++;
      } else {
        once(`period:${periodRaw}`, () =>
          issue('error', `unknown period "${periodRaw}"; expected YYYYJJ00 or a year`, {
            ...where,
            field: 'Perioden',
          }),
        );
      }
      continue;
    }
    const year = Number(period[1]);

    // Sex
    let sex: Sex = 'total';
    if (obs.dims.sex !== undefined) {
      const raw = obs.dims.sex;
      const mapped = obs.kind === 'code' ? SEX_BY_CODE[raw] : SEX_BY_LABEL[raw.toLowerCase()];
      if (mapped === undefined) {
        once(`sex:${raw}`, () =>
          issue('error', `unknown sex category "${raw}"`, { ...where, field: 'Geslacht' }),
        );
        continue;
      }
      sex = mapped;
    }

    // Prognosis interval
    let interval: ProjectionInterval | null = null;
    if (obs.dims.interval !== undefined) {
      const raw = obs.dims.interval;
      const mapped = obs.kind === 'code' ? INTERVAL_BY_CODE[raw] : intervalFromLabel(raw);
      if (mapped === undefined) {
        once(`interval:${raw}`, () =>
          issue('warning', `unknown prognosis interval "${raw}"; rows skipped`, {
            ...where,
            field: 'PrognoseInterval',
          }),
        );
        continue;
      }
      interval = mapped;
    }

    // Other dimensions: only their totals.
    if (obs.others.some(([, value]) => !isTotalCategory(value))) {
      skippedNonTotal++;
      continue;
    }

    // Age
    let ageKey = 'total';
    let category: AgeCategory = { kind: 'total' };
    if (obs.dims.age !== undefined) {
      const raw = obs.dims.age;
      const label = options.ageLabels?.[raw];
      const mapped =
        label !== undefined
          ? ageFromLabel(label)
          : obs.kind === 'code'
            ? ageFromCode(raw)
            : ageFromLabel(raw);
      if (mapped === null) {
        once(`age:${raw}`, () =>
          issue(
            'warning',
            `unknown age category "${raw}"; rows skipped (pass ageLabels from the table's Leeftijd metadata)`,
            { ...where, field: 'Leeftijd' },
          ),
        );
        continue;
      }
      category = mapped;
      ageKey = raw;
    }

    // Value
    const parsed = parseValue(obs.raw);
    const measureField = obs.measure === 'deaths' ? 'Overledenen' : 'Bevolking';
    if (parsed.kind === 'missing') {
      issues.push(
        issue(
          'warning',
          `${regionCode} ${String(year)}: value missing (${parsed.symbol}); not used`,
          { ...where, field: measureField },
        ),
      );
      continue;
    }
    if (parsed.kind === 'invalid') {
      issues.push(
        issue('error', `must be a number ≥ 0, got "${parsed.text}"`, {
          ...where,
          field: measureField,
        }),
      );
      continue;
    }
    const scaled = parsed.value * context.scale * obs.unitScale;
    const value = Math.round(scaled);
    if (value < 0 || Math.abs(scaled - value) > 1e-6) {
      issues.push(
        issue('error', `must be a whole number ≥ 0, got "${String(parsed.value)}"`, {
          ...where,
          field: measureField,
        }),
      );
      continue;
    }

    const groupKey = [obs.measure, regionCode, year, sex, interval ?? ''].join('|');
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = { regionCode, year, sex, measure: obs.measure, interval, values: new Map() };
      groups.set(groupKey, group);
    }
    if (group.values.has(ageKey)) {
      issues.push(
        issue(
          'error',
          `duplicate row for ${regionCode} ${String(year)} ${sex} age ${ageKey}; kept the first`,
          where,
        ),
      );
      continue;
    }
    group.values.set(ageKey, { category, value });
  }

  if (skippedPeriods > 0) {
    issues.push(
      issue('warning', `${String(skippedPeriods)} rows with non-annual periods were skipped`),
    );
  }
  if (groups.size === 0 && skippedNonTotal > 0) {
    issues.push(
      issue(
        'warning',
        `no rows with the total category of every other dimension (e.g. BurgerlijkeStaat T001019); ${String(skippedNonTotal)} rows skipped`,
      ),
    );
  }

  const records: CbsRecord[] = [];
  for (const group of groups.values()) {
    const base = {
      tableId: context.tableId,
      regionCode: group.regionCode,
      year: group.year,
      sex: group.sex,
      measure: group.measure,
      source: context.source,
      ...(group.interval === null ? {} : { projectionInterval: group.interval }),
    };
    const label = `${group.regionCode} ${String(group.year)} ${group.sex}`;
    const total = [...group.values.values()].find((v) => v.category.kind === 'total')?.value;
    const bandValues: number[] = [];
    const bandRecords: CbsRecord[] = [];
    for (const [band, from, to] of BANDS) {
      const inBand = [...group.values.values()].flatMap((v) =>
        v.category.kind === 'range' && v.category.from >= from && v.category.to <= to
          ? [{ from: v.category.from, to: v.category.to, value: v.value }]
          : [],
      );
      if (inBand.length === 0) {
        continue;
      }
      const sum = coverSum(inBand, from, to);
      if (sum === null) {
        issues.push(
          issue(
            'warning',
            `${label}: the age categories present do not cover ages ${band} exactly; band ${band} not reported`,
          ),
        );
        continue;
      }
      bandValues.push(sum);
      bandRecords.push({ ...base, ageBand: band, value: sum });
    }
    if (total !== undefined) {
      records.push({ ...base, ageBand: 'total', value: total });
      if (bandValues.length === BANDS.length) {
        const sum = bandValues.reduce((a, b) => a + b, 0);
        if (sum !== total) {
          issues.push(
            issue(
              'warning',
              `${label}: the age bands sum to ${String(sum)}, the table total is ${String(total)}`,
            ),
          );
        }
      }
    } else if (bandValues.length === BANDS.length) {
      records.push({ ...base, ageBand: 'total', value: bandValues.reduce((a, b) => a + b, 0) });
    }
    records.push(...bandRecords);
  }

  const bandOrder: Readonly<Record<AgeBand, number>> = {
    total: 0,
    '0-64': 1,
    '65-79': 2,
    '80+': 3,
  };
  const sexOrder: Readonly<Record<Sex, number>> = { total: 0, male: 1, female: 2 };
  return records.sort(
    (a, b) =>
      a.measure.localeCompare(b.measure) ||
      a.regionCode.localeCompare(b.regionCode) ||
      a.year - b.year ||
      sexOrder[a.sex] - sexOrder[b.sex] ||
      (a.projectionInterval ?? '').localeCompare(b.projectionInterval ?? '') ||
      bandOrder[a.ageBand] - bandOrder[b.ageBand],
  );
}

/**
 * Sum over a set of age intervals that exactly tiles [from, to), using as few intervals as
 * possible (breadth-first over interval end points). null when no exact tiling exists.
 */
function coverSum(
  intervals: readonly { from: number; to: number; value: number }[],
  from: number,
  to: number,
): number | null {
  const best = new Map<number, number>([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const start of frontier) {
      const sofar = best.get(start) ?? 0;
      for (const iv of intervals) {
        if (iv.from === start && !best.has(iv.to)) {
          best.set(iv.to, sofar + iv.value);
          next.push(iv.to);
        }
      }
    }
    frontier = next;
  }
  return best.get(to) ?? null;
}

function intervalFromLabel(label: string): ProjectionInterval | undefined {
  const text = label.toLowerCase();
  if (/^prognose$/.test(text)) {
    return 'median';
  }
  if (/onder/.test(text)) {
    return 'lower67';
  }
  if (/boven/.test(text)) {
    return 'upper67';
  }
  return undefined;
}

function isTotalCategory(value: string): boolean {
  return /^T\d{6}$/.test(value) || /^totaal/i.test(value) || /^total/i.test(value);
}

function normaliseRegionName(name: string): string {
  return name
    .trim()
    .replace(/\s*\(gemeente\)$/i, '')
    .toLowerCase();
}

type ParsedValue =
  | { kind: 'number'; value: number }
  | { kind: 'missing'; symbol: string }
  | { kind: 'invalid'; text: string };

/** CBS symbols: "." (or empty/null) = not available, "x" = secret, "-"/"–" = nil (zero). */
function parseValue(raw: unknown): ParsedValue {
  if (raw === null || raw === undefined) {
    return { kind: 'missing', symbol: 'null' };
  }
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && raw >= 0
      ? { kind: 'number', value: raw }
      : { kind: 'invalid', text: String(raw) };
  }
  const text = String(raw).trim();
  if (text === '' || text === '.' || text === '..' || text.toLowerCase() === 'x') {
    return { kind: 'missing', symbol: text === '' ? 'empty' : `"${text}"` };
  }
  if (text === '-' || text === '–') {
    return { kind: 'number', value: 0 };
  }
  const normalised = /^\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  const value = Number(normalised);
  return /^\d+(\.\d+)?$/.test(normalised) && Number.isFinite(value)
    ? { kind: 'number', value }
    : { kind: 'invalid', text };
}
