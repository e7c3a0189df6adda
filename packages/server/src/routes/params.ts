import { Type } from '@sinclair/typebox';
import { AppError } from '@palliamonitor/data';
import { isValidDate } from '@palliamonitor/contracts';

/** The pattern check lets 2025-02-30 through; this catches impossible dates with a field name. */
export function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isValidDate(value)) {
    throw new AppError('VALIDATION_FAILED', `${field} is not a valid date`, [
      { field, message: `not a valid calendar date: ${value}` },
    ]);
  }
}

export const ProblemResponses = {
  400: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
};
