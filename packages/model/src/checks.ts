// Argument checks shared by the model. A failed check is a programming error: the caller passed a
// value the model cannot give meaning to, so we throw with an exact message (`invalid beds: -3`)
// instead of returning a number that looks valid.

/** The error for an argument the model cannot use: `invalid <name>: <value>`. */
export function invalid(name: string, value: unknown): Error {
  return new RangeError(`invalid ${name}: ${formatValue(value)}`);
}

function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) {
    return String(value);
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  try {
    return JSON.stringify(value);
  } catch {
    return typeof value;
  }
}

/** Throws `invalid <name>: <value>` unless the check on `value` held. */
function ensure(held: boolean, name: string, value: number): void {
  if (!held) {
    throw invalid(name, value);
  }
}

/** Finite and ≥ 0 (a load, a rate, a count of days). */
export function checkNonNegative(name: string, value: number): void {
  ensure(Number.isFinite(value) && value >= 0, name, value);
}

/** Finite and > 0 (a mean length of stay, a mean time). */
export function checkPositive(name: string, value: number): void {
  ensure(Number.isFinite(value) && value > 0, name, value);
}

/** A whole number ≥ 0 (beds, a seed). */
export function checkNonNegativeInteger(name: string, value: number): void {
  ensure(Number.isInteger(value) && value >= 0, name, value);
}

/** A whole number ≥ 1 (days to trace). */
export function checkPositiveInteger(name: string, value: number): void {
  ensure(Number.isInteger(value) && value > 0, name, value);
}

/** A probability strictly between 0 and 1, such as a target refusal probability. */
export function checkOpenUnit(name: string, value: number): void {
  ensure(Number.isFinite(value) && value > 0 && value < 1, name, value);
}
