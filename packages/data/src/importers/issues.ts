/**
 * A data-quality problem found while parsing an import file. Parsers return these instead of
 * throwing, so the caller can show every problem at once (row, field, message).
 */
export interface ImportIssue {
  /** 1-based line in the source text (CSV: the header is line 1), when the problem has one. */
  line?: number;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParseResult<R> {
  records: R[];
  issues: ImportIssue[];
}

/** Builds an issue whose message starts with "line N: field F:" when those are known. */
export function issue(
  severity: ImportIssue['severity'],
  message: string,
  where: { line?: number | undefined; field?: string | undefined } = {},
): ImportIssue {
  const prefix =
    (where.line === undefined ? '' : `line ${String(where.line)}: `) +
    (where.field === undefined ? '' : `field ${where.field}: `);
  const result: ImportIssue = { message: prefix + message, severity };
  if (where.line !== undefined) {
    result.line = where.line;
  }
  if (where.field !== undefined) {
    result.field = where.field;
  }
  return result;
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** The JSON value of `text`; null, with the problem in `issues`, when the text is not JSON. */
export function parseJsonText(text: string, issues: ImportIssue[]): { json: unknown } | null {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    issues.push(issue('error', `not JSON: ${(error as Error).message}`));
    return null;
  }
}
