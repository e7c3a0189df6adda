import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  isMessageCode,
  messageText,
  type CodedMessage,
  type MessageCode,
} from '@palliamonitor/contracts';
import {
  AppError,
  conflictOfUniqueViolation,
  type ErrorCode,
  type Issue,
} from '@palliamonitor/data';

// One global mapping from errors to RFC 9457 problem+json. The `code` is stable (see
// packages/data/src/errors.ts) and its HTTP status is decided here, in the server only; messages
// come from the registry in contracts (messages.ts). `invalidParams` names every failing field, as the Dutch API Design
// Rules' problem extension does. A user never sees a stack trace: unexpected errors are logged and
// answered with a generic 500 problem.

export const PROBLEM_TYPE_BASE = 'https://palliamonitor.nl/problemen/';

/** The HTTP status of every error code; its title is the registry's message `problem.<CODE>`. */
export const PROBLEM_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNPROCESSABLE: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

/** The HTTP status an error code answers. */
export function statusOf(code: ErrorCode): number {
  return PROBLEM_STATUS[code];
}

/** VALIDATION_FAILED → validationFailed, as the registry names its codes. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}${Capitalize<CamelCase<Tail>>}`
  : Lowercase<S>;

function camelCase<S extends string>(code: S): CamelCase<S> {
  return code.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as CamelCase<S>;
}

/**
 * The problem title of an error code (`problem.<code in camelCase>` in the registry), in Dutch as
 * every answer's title is; the registry has English for the web app. The template type makes a
 * code without a title fail to compile.
 */
export function problemTitle(code: ErrorCode): string {
  const key: MessageCode = `problem.${camelCase(code)}`;
  return messageText(key);
}

interface AjvError {
  instancePath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldOf(error: AjvError, context: string | undefined): string {
  const path = (error.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const extra =
    (error.params['missingProperty'] as string | undefined) ??
    (error.params['additionalProperty'] as string | undefined);
  const field = [path, extra].filter(Boolean).join('.');
  return field || (context ?? 'body');
}

/** Keywords whose one parameter is all a translated message needs. */
const LIMIT_PARAMS: Record<string, string> = {
  minimum: 'limit',
  maximum: 'limit',
  exclusiveMinimum: 'limit',
  exclusiveMaximum: 'limit',
  minLength: 'limit',
  maxLength: 'limit',
  minItems: 'limit',
  maxItems: 'limit',
  format: 'format',
  type: 'type',
};

/** The English message of a schema error and its code (`schema.<keyword>`) for translation. */
function messageOf(error: AjvError): Omit<Issue, 'field'> {
  const code = `schema.${error.keyword}`;
  // A keyword the registry has no text for goes out with its English message only.
  const coded = (params?: Record<string, string | number>) =>
    isMessageCode(code)
      ? ({ code, ...(params === undefined ? {} : { params }) } as CodedMessage)
      : {};
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params['additionalProperty']);
      return { message: `unknown field ${name}`, ...coded({ name }) };
    }
    case 'required':
      return { message: 'is required', ...coded() };
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).join(', ');
      return { message: `must be one of ${allowed}`, ...coded({ allowed }) };
    }
    case 'anyOf':
      return { message: 'has the wrong type or value', ...coded() };
    default: {
      const param = LIMIT_PARAMS[error.keyword];
      const value = param === undefined ? undefined : error.params[param];
      return {
        message: error.message ?? error.keyword,
        ...coded(
          typeof value === 'string' || typeof value === 'number' ? { [param!]: value } : undefined,
        ),
      };
    }
  }
}

/** Issues from a schema validation failure, one per field, duplicates (from unions) removed. */
export function validationIssues(errors: AjvError[], context: string | undefined): Issue[] {
  const byField = new Map<string, Issue>();
  for (const error of errors) {
    const field = fieldOf(error, context);
    // In a union (value or null), ajv reports each branch; the first specific message wins.
    if (!byField.has(field) || byField.get(field)!.message === 'has the wrong type or value') {
      byField.set(field, { field, ...messageOf(error) } as Issue);
    }
  }
  return [...byField.values()];
}

/**
 * Problems listed in one answer. A file of 17,000 bad rows once gave a 2.8 MB answer; the first
 * hundred say what is wrong, and `issueCount` says how much.
 */
export const MAX_REPORTED_ISSUES = 100;

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  issues: Issue[] = [],
  detailCode?: CodedMessage,
): FastifyReply {
  const status = PROBLEM_STATUS[code];
  const title = problemTitle(code);
  const body = {
    type: `${PROBLEM_TYPE_BASE}${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    detail,
    code,
    instance: request.url,
    ...(detailCode === undefined
      ? {}
      : {
          detailCode: detailCode.code,
          ...(detailCode.params === undefined ? {} : { detailParams: detailCode.params }),
        }),
    ...(issues.length > MAX_REPORTED_ISSUES ? { issueCount: issues.length, truncated: true } : {}),
    ...(issues.length > 0
      ? {
          invalidParams: issues.slice(0, MAX_REPORTED_ISSUES).map((i) => ({
            ...(i.field === undefined ? {} : { name: i.field }),
            ...(i.line === undefined ? {} : { line: i.line }),
            reason: i.message,
            ...(i.severity === undefined ? {} : { severity: i.severity }),
            ...(i.code === undefined ? {} : { code: i.code }),
            ...(i.params === undefined ? {} : { params: i.params }),
          })),
        }
      : {}),
  };
  return reply.code(status).type('application/problem+json').send(body);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        request,
        error.code,
        error.message,
        error.issues,
        error.messageCode,
      );
    }
    const fastifyError = error as FastifyError & { validation?: AjvError[] };
    if (fastifyError.validation) {
      const context = fastifyError.validationContext;
      const issues = validationIssues(fastifyError.validation, context);
      return sendProblem(
        reply,
        request,
        'VALIDATION_FAILED',
        `the request ${context ?? 'body'} is invalid`,
        issues,
      );
    }
    const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (mapped) {
      const detail =
        fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'the body is not valid JSON'
          : fastifyError.message;
      return sendProblem(
        reply,
        request,
        mapped,
        detail,
        mapped === 'VALIDATION_FAILED' ? [{ field: 'body', message: detail }] : [],
      );
    }
    if (error instanceof SyntaxError) {
      return sendProblem(reply, request, 'VALIDATION_FAILED', 'the body is not valid JSON', [
        { field: 'body', message: 'the body is not valid JSON' },
      ]);
    }
    const status = fastifyError.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const code: ErrorCode =
        status === 404
          ? 'NOT_FOUND'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 429
                ? 'TOO_MANY_REQUESTS'
                : 'VALIDATION_FAILED';
      return sendProblem(reply, request, code, fastifyError.message);
    }
    const conflict = conflictOfUniqueViolation(error);
    if (conflict) {
      return sendProblem(reply, request, conflict.code, conflict.message, conflict.issues);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(
      reply,
      request,
      'INTERNAL',
      'an unexpected error occurred; it has been logged',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      'NOT_FOUND',
      `no resource at ${request.method} ${request.url.split('?')[0]}`,
    ),
  );
}
