import { AppError, type Issue } from './errors';

// Palliamonitor holds no patient data. Free text (a scenario's description, a token's label, a
// hospice's name) is where it could slip in anyway, so every free-text field is screened for what
// identifies a guest: a BSN, a date of birth, or a title followed by a name. The rules, with
// examples, are in README.md ("Free text"); they refuse, never rewrite, so the writer decides what
// to say instead.

export type PersonalDataKind = 'bsn' | 'birthDate' | 'personName';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The part of the text that matched. */
  match: string;
}

/** The BSN's eleven-test (elfproef): 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11. */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += Number(digits[i]) * (9 - i);
  }
  return (sum - Number(digits[8])) % 11 === 0;
}

// Nine digits on their own, or in the usual groupings (1234.56.789, 123 456 789, 123-45-67-89),
// not part of a longer number (a phone number, an IBAN).
const BSN_CANDIDATE = new RegExp(
  [
    String.raw`\d{9}`,
    String.raw`\d{4}([ .-])\d{2}\1\d{3}`,
    String.raw`\d{3}([ .-])\d{3}\2\d{3}`,
    String.raw`\d{3}([ .-])\d{2}\3\d{2}\3\d{2}`,
  ]
    .map((p) => String.raw`(?<!\d[ .-]?)(?:${p})(?![ .-]?\d)`)
    .join('|'),
  'g',
);

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mrt: 3,
  maart: 3,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// A calendar date: d-m-yyyy, d/m/yy, d.m.yyyy, yyyy-mm-dd, or "1 februari 1940".
const DATE = new RegExp(
  [
    String.raw`(?<!\d)(?<d1>\d{1,2})(?<s>[-/.])(?<m1>\d{1,2})\k<s>(?<y1>\d{4}|\d{2})(?!\d)`,
    String.raw`(?<!\d)(?<y2>\d{4})-(?<m2>\d{2})-(?<d2>\d{2})(?!\d)`,
    String.raw`(?<!\d)(?<d3>\d{1,2})\s+(?<m3>${MONTH_NAMES})\.?\s+(?<y3>\d{4})(?!\d)`,
  ].join('|'),
  'gi',
);

// Words that make what follows a birth date: "geboren 1-2-1940", "geb. 1940", "DOB: …".
const BIRTH_WORD = String.raw`(?:geboren|geb\.|geboortedatum|geboortejaar|born|date of birth|d\.o\.b\.?|dob)`;
const BIRTH_CONTEXT = new RegExp(
  String.raw`(?<![\p{L}])${BIRTH_WORD}[^\n\d]{0,20}(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\.?\s+\d{4}|(?:18|19|20)\d{2})(?!\d)`,
  'iu',
);

/**
 * A title and a name: "Mw. J. Jansen", "mevr. De Vries", "Dhr Bakker", "de heer Smit", "Mr. Visser".
 * The name must start with a capital (or be initials); "mr" and "ms" need their dot ("MS" is also
 * a word of its own).
 */
const TITLE = String.raw`(?:mw\.?|mevr\.?|mevrouw|mej\.?|dhr\.?|de heer|meneer|mr\.|mrs\.?|ms\.)`;
const PARTICLE = String.raw`(?:van|de|der|den|ter|ten|te|het|la|le|du)`;
const NAME = String.raw`(?:(?:\p{Lu}\.\s*){1,4}(?:(?:${PARTICLE}\s+)*\p{Lu}[\p{Ll}'’-]+)?|(?:${PARTICLE}\s+)*\p{Lu}[\p{Ll}'’-]+)`;

/** True where `title` (case-insensitive) is followed by a name (case-sensitive capital). */
function findTitledName(text: string): string | undefined {
  const titles = new RegExp(String.raw`(?<![\p{L}])${TITLE}(?=\s)`, 'giu');
  const name = new RegExp(String.raw`^\s+(?:${NAME})`, 'u');
  for (const m of text.matchAll(titles)) {
    const rest = text.slice(m.index + m[0].length);
    const found = name.exec(rest);
    if (found) {
      return `${m[0]}${found[0]}`;
    }
  }
  return undefined;
}

/** Years a day-precision date must lie back to read as someone's birth date, not an event. */
export const BIRTH_DATE_YEARS_BACK = 16;

function fullYear(year: string, today: Date): number | undefined {
  if (year.length === 4) {
    return Number(year);
  }
  // Two digits: 19yy when 20yy would be in the future (1/2/40 is 1940), otherwise 20yy, a recent
  // date (1/2/26), not a birth date.
  const yy = Number(year);
  return 2000 + yy > today.getUTCFullYear() ? 1900 + yy : undefined;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function findBirthDate(text: string, today: Date): string | undefined {
  const context = BIRTH_CONTEXT.exec(text);
  if (context) {
    return context[0];
  }
  const latest = today.getUTCFullYear() - BIRTH_DATE_YEARS_BACK;
  for (const m of text.matchAll(DATE)) {
    const g = m.groups!;
    const monthText = g['m3']?.toLowerCase();
    const month = monthText !== undefined ? MONTHS[monthText] : Number(g['m1'] ?? g['m2']);
    const day = Number(g['d1'] ?? g['d2'] ?? g['d3']);
    const year = fullYear(g['y1'] ?? g['y2'] ?? g['y3']!, today);
    if (
      year !== undefined &&
      month !== undefined &&
      year >= 1880 &&
      year <= latest &&
      isCalendarDate(year, month, day)
    ) {
      return m[0];
    }
  }
  return undefined;
}

/** The first thing in `text` that looks like personal data of a guest, or undefined. */
export function findPersonalData(
  text: string,
  today: Date = new Date(),
  kinds: readonly PersonalDataKind[] = ALL_KINDS,
): PersonalDataFinding | undefined {
  if (kinds.includes('bsn')) {
    for (const m of text.matchAll(BSN_CANDIDATE)) {
      if (passesElevenTest(m[0].replace(/\D/g, ''))) {
        return { kind: 'bsn', match: m[0] };
      }
    }
  }
  const birth = kinds.includes('birthDate') ? findBirthDate(text, today) : undefined;
  if (birth !== undefined) {
    return { kind: 'birthDate', match: birth };
  }
  const name = kinds.includes('personName') ? findTitledName(text) : undefined;
  return name === undefined ? undefined : { kind: 'personName', match: name };
}
const ALL_KINDS: readonly PersonalDataKind[] = ['bsn', 'birthDate', 'personName'];
/** For a field that holds a staff member's own name: a name is expected there, a BSN is not. */
export const NOT_A_NAME_FIELD: readonly PersonalDataKind[] = ['bsn', 'birthDate'];

const REASONS: Record<PersonalDataKind, string> = {
  bsn: 'looks like a BSN (citizen service number)',
  birthDate: 'looks like a date of birth',
  personName: 'looks like a title with a person’s name',
};

/**
 * The issues of the free-text fields given as [field, value] (strings only; others are skipped):
 * one per field that carries something personal, with a stable code and the field named.
 */
export function screenFreeText(
  fields: Iterable<readonly [string, unknown]>,
  today: Date = new Date(),
  kinds: readonly PersonalDataKind[] = ALL_KINDS,
): Issue[] {
  const issues: Issue[] = [];
  for (const [field, value] of fields) {
    if (typeof value !== 'string') {
      continue;
    }
    const finding = findPersonalData(value, today, kinds);
    if (finding) {
      issues.push({
        field,
        message: `${REASONS[finding.kind]}; no personal data of guests may be stored here`,
        code: `freeText.${finding.kind}`,
        params: { field },
      });
    }
  }
  return issues;
}

/** Every string in a JSON value with its path (`parameters.hospiceShare.note`), for screening. */
export function* stringsIn(value: unknown, path = ''): Generator<readonly [string, string]> {
  if (typeof value === 'string') {
    yield [path || 'body', value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      yield* stringsIn(item, path ? `${path}.${i}` : String(i));
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield* stringsIn(item, path ? `${path}.${key}` : key);
    }
  }
}

/** Refuses (422, nothing stored) when any of these free-text fields carries personal data. */
export function refusePersonalData(
  fields: Iterable<readonly [string, unknown]>,
  today: Date = new Date(),
  kinds: readonly PersonalDataKind[] = ALL_KINDS,
): void {
  const issues = screenFreeText(fields, today, kinds);
  if (issues.length > 0) {
    throw new AppError(
      'UNPROCESSABLE',
      'free text may not hold personal data of guests (BSN, date of birth, names)',
      issues,
    );
  }
}
