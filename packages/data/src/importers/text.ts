import type { Issue } from '../errors';

// PostgreSQL cannot store a NUL character in text (nor \u0000 in jsonb), and a lone UTF-16
// surrogate is not a character at all: it has no UTF-8 form. Both are refused wherever text comes
// in (JSON bodies in the server, cells of CSV files here), naming the field.

/** With the u flag a surrogate pair is one code point; only a lone half is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The problem with a text that cannot be stored, or undefined when it can. */
export function textIssue(value: string, field: string, line?: number): Issue | undefined {
  const where = { field, ...(line === undefined ? {} : { line }) };
  if (value.includes('\u0000')) {
    return {
      ...where,
      message: 'must not contain a NUL character (\\u0000)',
      code: 'text.nulCharacter',
    };
  }
  if (LONE_SURROGATE.test(value)) {
    return {
      ...where,
      message: 'holds half of a UTF-16 surrogate pair, which is not a character',
      code: 'text.loneSurrogate',
    };
  }
  return undefined;
}
