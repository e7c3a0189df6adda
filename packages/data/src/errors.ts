import type { CodedMessage } from '@palliamonitor/contracts';

// The one error type of the store and its callers. It carries a stable code for the kind of
// problem and, where a person reads it, a coded message from the registry in contracts; which
// HTTP status a code answers is the server's decision (server/src/errors.ts), not the store's. The
// CLI maps an AppError to exit code 2 and a one-line message.

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNPROCESSABLE',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PRECONDITION_REQUIRED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One problem with one field (JSON pointer-ish dotted path) or one row of a file. Its message is a
 * code of the registry in contracts with the values its text needs, so a client words it in its own
 * language; the English `message` beside it stays for logs, the CLI and API clients that show text
 * as it comes.
 */
export type Issue = IssueWhere & (CodedMessage | { code?: undefined; params?: undefined });

interface IssueWhere {
  /** Dotted field path, e.g. 'licensedBeds' or 'funding.1'; for file rows the column name. */
  field?: string;
  /** 1-based line number in an uploaded file. */
  line?: number;
  message: string;
  severity?: 'error' | 'warning';
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];
  /** The message as a code, for clients that translate it. */
  readonly messageCode: CodedMessage | undefined;

  constructor(code: ErrorCode, message: string, issues: Issue[] = [], messageCode?: CodedMessage) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.messageCode = messageCode;
  }
}

/** One-line summary of issues for a terminal: `line 3 field beds: must be …; line 9 …`. */
export function formatIssues(issues: readonly Issue[], max = 20): string {
  const shown = issues.slice(0, max).map((issue) => {
    const where = [
      issue.line === undefined ? '' : `line ${issue.line}`,
      issue.field === undefined ? '' : `field ${issue.field}`,
    ]
      .filter(Boolean)
      .join(' ');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = issues.length > max ? `; and ${issues.length - max} more` : '';
  return shown.join('; ') + more;
}
