import type { CbsMeasure, ProjectionInterval, Sex } from './tables';

// The vocabulary of CBS StatLine files: which column or key is which dimension or measure, and
// what the codes and labels of sex, prognosis interval and region mean.

/** Dimension roles. Other dimensions only contribute their total category. */
export type Role = 'region' | 'period' | 'sex' | 'age' | 'interval';

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

export const V4_MEASURES: Readonly<Record<string, CbsMeasure>> = { M000352: 'population' };

export function measureOfKey(key: string): CbsMeasure | undefined {
  return MEASURE_KEYS.find(([pattern]) => pattern.test(key))?.[1];
}

export function measureOfLabel(label: string): CbsMeasure | undefined {
  return MEASURE_LABELS.find(([pattern]) => pattern.test(label))?.[1];
}

/**
 * Each sex with its OData codes and its StatLine export labels (in lower case, Dutch and English):
 * one list, as with the dimensions below.
 */
const SEXES: readonly { sex: Sex; codes: readonly string[]; labels: readonly string[] }[] = [
  {
    sex: 'total',
    codes: ['T001038', '1100'],
    labels: ['totaal mannen en vrouwen', 'total male and female'],
  },
  { sex: 'male', codes: ['3000'], labels: ['mannen', 'men'] },
  { sex: 'female', codes: ['4000'], labels: ['vrouwen', 'women'] },
];

export function sexOf(raw: string, kind: 'code' | 'label'): Sex | undefined {
  return kind === 'code'
    ? SEXES.find((s) => s.codes.includes(raw))?.sex
    : SEXES.find((s) => s.labels.includes(raw.toLowerCase()))?.sex;
}

const INTERVAL_BY_CODE: Readonly<Record<string, ProjectionInterval>> = {
  MW00000: 'median',
  MOG0067: 'lower67',
  MBG0067: 'upper67',
};

export function intervalOf(raw: string, kind: 'code' | 'label'): ProjectionInterval | undefined {
  return kind === 'code' ? INTERVAL_BY_CODE[raw] : intervalFromLabel(raw);
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

/**
 * Each dimension with its OData key and its StatLine export header (in lower case): one list, so
 * the two kinds of file cannot come to disagree on what a column is.
 */
const ROLES: readonly { role: Role; key: RegExp; label: RegExp }[] = [
  {
    role: 'region',
    key: /^(RegioS|RegioIndeling\d{4})$/,
    label: /^regio('s)?( \(regio-indeling \d{4}\))?$|^regio-indeling \d{4}$/,
  },
  { role: 'period', key: /^Perioden$/, label: /^perioden$/ },
  { role: 'sex', key: /^Geslacht$/, label: /^geslacht$/ },
  { role: 'age', key: /^Leeftijd/, label: /^leeftijd/ },
  { role: 'interval', key: /^PrognoseInterval$/, label: /^prognose-?interval/ },
];

export function roleOfKey(key: string): Role | null {
  return ROLES.find((r) => r.key.test(key))?.role ?? null;
}

/** OData topic keys end in _<number> (BevolkingOp1Januari_1); dimension keys never do. */
export function isTopicKey(key: string): boolean {
  return /_\d+$/.test(key);
}

export function roleOfLabel(header: string): Role | null {
  const h = header.toLowerCase();
  return ROLES.find((r) => r.label.test(h))?.role ?? null;
}

export function isTotalCategory(value: string): boolean {
  return /^T\d{6}$/.test(value) || /^totaal/i.test(value) || /^total/i.test(value);
}

export const NATIONAL_NAMES: Readonly<Record<string, string>> = {
  nederland: 'NL01',
  netherlands: 'NL01',
};

export function normaliseRegionName(name: string): string {
  return name
    .trim()
    .replace(/\s*\(gemeente\)$/i, '')
    .toLowerCase();
}

/** One observation after format-specific reading, before code mapping. */
export interface Observation {
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
