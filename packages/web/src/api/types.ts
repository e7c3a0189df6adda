// Helpers for the API's answers as the web app reads them. The shapes themselves are the server's
// contracts (@palliamonitor/contracts), imported as types only, so the schemas stay out of the
// bundle; a test fails when web code declares a shape of its own under a contract's name.
import type { ForecastValue } from '@palliamonitor/contracts';

export function mid(value: ForecastValue | undefined): number | null {
  if (value === undefined) {
    return null;
  }
  return typeof value === 'number' ? value : value.p50;
}

export function band(value: ForecastValue | undefined): { p10: number; p90: number } | null {
  return value !== undefined && typeof value === 'object'
    ? { p10: value.p10, p90: value.p90 }
    : null;
}
