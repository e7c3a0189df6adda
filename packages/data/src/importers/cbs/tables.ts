import { issue, type ImportIssue } from '../issues';

// The CBS StatLine tables the importer knows, and the shapes of what it reads from them.

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

function sameTable(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The table a file holds, as far as it is known before reading its rows. */
export interface ResolvedTable {
  tableId: string;
  /** Persons per published unit (prognosis tables publish thousands). */
  scale: number;
  source: string;
  /** Measures the table should hold; null for a table the importer does not know. */
  measures: readonly CbsMeasure[] | null;
  title: string | null;
}

/**
 * Which table this is: named by the file (OData metadata), by the caller or by the file name, in
 * that order; a file that names another table than the caller expects is refused.
 */
export function resolveTable(
  tableIdInFile: string | null,
  options: ParseCbsStatlineOptions,
  issues: ImportIssue[],
): ResolvedTable | null {
  const expected = options.tableId;
  if (expected !== undefined && tableIdInFile !== null && !sameTable(expected, tableIdInFile)) {
    issues.push(issue('error', `wrong table: the file is ${tableIdInFile}, expected ${expected}`));
    return null;
  }
  const nameTable =
    options.fileName === undefined
      ? null
      : (/(?:^|[^0-9])(\d{5}(?:ned|eng)?)(?:[^0-9a-z]|$)/i.exec(options.fileName)?.[1] ?? null);
  const tableIdRaw = tableIdInFile ?? expected ?? nameTable;
  if (tableIdRaw === null) {
    issues.push(
      issue('error', 'table id unknown: the file does not name it; pass the tableId option'),
    );
    return null;
  }
  const info = TABLES.find((t) => sameTable(t.id, tableIdRaw));
  const tableId = info?.id ?? tableIdRaw;
  return {
    tableId,
    scale: info?.scale ?? 1,
    source: `CBS StatLine ${tableId}, CC BY 4.0`,
    measures: info?.measures ?? null,
    title: info?.title ?? null,
  };
}

/** The wrong-table check on the measures a file turned out to hold; null when they fit. */
export function measureMismatch(
  table: ResolvedTable,
  found: ReadonlySet<CbsMeasure>,
): ImportIssue | null {
  if (found.size === 0) {
    return issue(
      'error',
      `wrong table: no supported measure (Bevolking op 1 januari, Totale bevolking, Overledenen) in ${table.tableId}`,
    );
  }
  if (table.measures !== null && ![...found].some((m) => table.measures!.includes(m))) {
    return issue(
      'error',
      `wrong table: ${table.tableId} (${table.title}) should hold ${table.measures.join('/')}, the file holds ${[...found].join('/')}`,
    );
  }
  return null;
}
