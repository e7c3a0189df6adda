import { Type } from '@sinclair/typebox';
import { AppError, IsoDate, isValidDate } from '@palliamonitor/data';

/** `asOf` query parameter: the date a question is about (default today, Europe/Amsterdam). */
export const AsOfQuery = Type.Optional(
  Type.String({ ...IsoDate, description: 'Peildatum (JJJJ-MM-DD); standaard vandaag' }),
);

/** The pattern check lets 2025-02-30 through; this catches impossible dates with a field name. */
export function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isValidDate(value)) {
    throw new AppError('VALIDATION_FAILED', `${field} is not a valid date`, [
      { field, message: `not a valid calendar date: ${value}` },
    ]);
  }
}

/** A region by code: a gemeente, provincie or zorgkantoorregio, or the whole country ('NL'). */
export const RegionCodeParams = Type.Object({
  code: Type.String({ pattern: '^(NL|GM\\d{4}|PV\\d{2}|ZK\\d{2})$' }),
});

export const ProblemResponses = {
  400: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
};
