import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AppError, type Issue } from '@palliamonitor/data';
import { isValidDate, type WarningList } from '@palliamonitor/contracts';

/** The pattern check lets 2025-02-30 through; this catches impossible dates with a field name. */
export function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isValidDate(value)) {
    throw new AppError('VALIDATION_FAILED', `${field} is not a valid date`, [
      { field, message: `not a valid calendar date: ${value}` },
    ]);
  }
}

/**
 * The groups of the ETag an If-Match header names, by the resource's ETag pattern; undefined when
 * there is no header or it is '*' (any state). A header of another form is refused: `detail` says
 * what was expected, `reason` heads the field's message.
 */
export function ifMatchGroups(
  header: string | undefined,
  etag: RegExp,
  refusal: { detail: string; reason: string },
): string[] | undefined {
  if (header === undefined || header.trim() === '*') {
    return undefined;
  }
  const match = etag.exec(header.trim());
  if (!match) {
    throw new AppError('VALIDATION_FAILED', refusal.detail, [
      { field: 'If-Match', message: `${refusal.reason}: ${header}` },
    ]);
  }
  return match.slice(1);
}

/** Error answers of a route, each the problem+json document registered as 'Problem'. */
export function problems<S extends number>(...statuses: S[]): Record<S, TSchema> {
  const answers = {} as Record<S, TSchema>;
  for (const status of statuses) {
    answers[status] = Type.Ref('Problem');
  }
  return answers;
}

export const ProblemResponses = problems(400, 404);
/** What a write may answer beside its success: a conflict, a stale If-Match, a rule broken. */
export const WriteProblems = problems(400, 404, 409, 412, 422);

/** Warnings as the API shows them (field, message and its code; the severity is implied). */
export function toWarnings(issues: Issue[]): Static<typeof WarningList> {
  return issues.map((i) => ({
    ...(i.field === undefined ? {} : { field: i.field }),
    message: i.message,
    ...(i.code === undefined ? {} : { code: i.code }),
    ...(i.params === undefined ? {} : { params: i.params }),
  }));
}
