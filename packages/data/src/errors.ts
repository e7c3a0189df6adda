// The one error type of the application. Every code is listed here with its HTTP status, so the
// API's problem types stay stable and documented in one place. The server maps an AppError to
// problem+json (RFC 9457); the CLI maps it to exit code 2 and a one-line message.

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, title: 'De aanvraag is ongeldig' },
  UNPROCESSABLE: { status: 422, title: 'De gegevens zijn niet verwerkt' },
  NOT_FOUND: { status: 404, title: 'Niet gevonden' },
  CONFLICT: { status: 409, title: 'Conflict met de bestaande gegevens' },
  PRECONDITION_FAILED: { status: 412, title: 'De gegevens zijn intussen gewijzigd' },
  PRECONDITION_REQUIRED: { status: 428, title: 'If-Match ontbreekt' },
  UNAUTHORIZED: { status: 401, title: 'Aanmelden vereist' },
  FORBIDDEN: { status: 403, title: 'Geen toegang' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Te veel verzoeken' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Het verzoek is te groot' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Niet-ondersteund formaat' },
  INTERNAL: { status: 500, title: 'Interne fout' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A message in a form a client can put in its own language: a stable code (e.g.
 * 'bedStatus.occupiedAboveOpen') and the values its text needs. The English `message` beside it
 * stays for logs, the CLI and API clients that show text as it comes.
 */
export interface MessageCode {
  code: string;
  params?: Record<string, string | number>;
}

/** One problem with one field (JSON pointer-ish dotted path) or one row of a file. */
export interface Issue extends Partial<MessageCode> {
  /** Dotted field path, e.g. 'licensedBeds' or 'funding.1'; for file rows the column name. */
  field?: string;
  /** 1-based line number in an uploaded file. */
  line?: number;
  message: string;
  severity?: 'error' | 'warning';
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: Issue[];
  /** The message as a code, for clients that translate it. */
  readonly messageCode: MessageCode | undefined;

  constructor(code: ErrorCode, message: string, issues: Issue[] = [], messageCode?: MessageCode) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
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
