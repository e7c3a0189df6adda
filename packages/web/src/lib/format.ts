// Number and date formatting for the two interface languages. Dutch is the default (nl-NL: 1.234,5
// and "22 november 2026"); English uses en-GB so dates stay day-first. Formatters are cached because
// Intl constructors are slow and tables format hundreds of cells.

export type Locale = 'nl' | 'en';

export const LOCALE_TAGS: { readonly [key in Locale]: string } = { nl: 'nl-NL', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE_TAGS[locale], options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      timeZone: 'Europe/Amsterdam',
      ...options,
    });
    cache.set(key, format);
  }
  return format;
}

/** A number with a fixed count of decimals; '–' for null, undefined or non-finite values. */
export function formatNumber(
  value: number | null | undefined,
  locale: Locale,
  decimals = 0,
  signDisplay: Intl.NumberFormatOptions['signDisplay'] = 'auto',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  return numberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay,
  }).format(value);
}

/** A signed number (+12, −3), for gaps and changes. Uses the true minus sign. */
export function formatSigned(
  value: number | null | undefined,
  locale: Locale,
  decimals = 0,
): string {
  return formatNumber(value, locale, decimals, 'exceptZero').replace('-', '−');
}

/** A share in [0, 1] as a percentage: 0.052 → "5,2%" (nl) or "5.2%" (en). */
export function formatPercent(
  share: number | null | undefined,
  locale: Locale,
  decimals = 0,
): string {
  if (share === null || share === undefined || !Number.isFinite(share)) {
    return '–';
  }
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(share);
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) {
    return value;
  }
  // A bare ISO date is a calendar day, not midnight UTC: read it as noon so no timezone moves it.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** The date a value names, or null when there is none or it is no date. */
function validDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) {
    return null;
  }
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date: "22 november 2026". */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  const date = validDate(value);
  if (date === null) {
    return '–';
  }
  return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A month: "november 2026", from "2026-11" or a date. */
export function formatMonth(value: string, locale: Locale): string {
  const date = toDate(/^\d{4}-\d{2}$/.test(value) ? `${value}-15` : value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return dateFormat(locale, { month: 'long', year: 'numeric' }).format(date);
}

/** Date and time in Dutch time: "22 nov 2026 14:05". */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  const date = validDate(value);
  if (date === null) {
    return '–';
  }
  return dateFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** How long ago, in the largest whole unit: "5 minuten geleden", "2 days ago". */
export function formatAge(value: string | Date, now: Date, locale: Locale): string {
  const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
  const key = `r|${locale}`;
  let format = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(LOCALE_TAGS[locale], { numeric: 'auto' });
    cache.set(key, format);
  }
  const abs = Math.abs(seconds);
  if (abs < 60) {
    return format.format(0, 'minute');
  }
  if (abs < 3600) {
    return format.format(Math.round(seconds / 60), 'minute');
  }
  if (abs < 86_400) {
    return format.format(Math.round(seconds / 3600), 'hour');
  }
  return format.format(Math.round(seconds / 86_400), 'day');
}
