// Calibration of hospice demand to published counts (docs/facts.md; docs/method.md §4):
// - the hospice-share path over time, fitted to the guest counts of 2014, 2023 and 2024;
// - the level in 2024, from the guests of the member hospices scaled to all hospice beds;
// - uncensoring: demand = admissions + refusals × (1 − share of people registered at several
//   hospices), because a refused request is demand too, but one person may be refused twice.

import { invalid } from './checks';

export interface GuestCount {
  readonly year: number;
  /** People who stayed in an AHzN or VPTZ member hospice in the year. */
  readonly guests: number;
  /** CBS deaths in the year (deaths_nl_age_sex_1970_2000_2024.csv). */
  readonly deaths: number;
  readonly source: string;
}

/** Published guest counts [S] with the CBS deaths of the same year [S]. */
export const GUEST_COUNTS: readonly GuestCount[] = [
  {
    year: 2014,
    guests: 5_000,
    deaths: 139_223,
    source: 'rd.nl 2025 ("druk op hospicezorg groeit"): about 5,000 guests in 2014',
  },
  {
    year: 2023,
    guests: 11_000,
    deaths: 169_521,
    source: 'EenVandaag 2024, VPTZ director: almost 11,000 guests a year',
  },
  {
    year: 2024,
    guests: 12_000,
    deaths: 172_165,
    source: 'rd.nl 2025 ("hospices kunnen niet aan vraag voldoen"): 12,000 guests (AHzN + VPTZ)',
  },
];

/** Beds of the AHzN and VPTZ member hospices, 2025 [S: rd.nl 2025]. */
export const MEMBER_BEDS = 855;
/** Hospice beds in the Netherlands, all hospices, 2024–2025 [S: Omroep Brabant, VPTZ director]. */
export const ALL_HOSPICE_BEDS = 1_200;
/** People refused by the member hospices per year [S: AHzN/VPTZ via Trouw/nationalezorggids.nl]. */
export const REFUSALS_PER_YEAR = 7_500;
/**
 * Share of refused people who were registered at several hospices, so counted more than once
 * [assumption: no Dutch figure; adjustable, 0 = every refusal a different person].
 */
export const DEFAULT_MULTIPLE_REGISTRATION_SHARE = 0.5;

/** Year of the calibrated level: scenario paths start here, observed demand ends here. */
export const CALIBRATION_YEAR = 2024;

export interface ShareTrend {
  /** ln(guests per death) = intercept + slope × (year − CALIBRATION_YEAR), least squares. */
  readonly intercept: number;
  readonly slope: number;
  readonly firstYear: number;
}

/** Log-linear trend of guests per death through the published counts (least squares). */
export function fitShareTrend(counts: readonly GuestCount[] = GUEST_COUNTS): ShareTrend {
  if (counts.length < 2) {
    throw invalid('counts', counts.length);
  }
  const xs = counts.map((c) => c.year - CALIBRATION_YEAR);
  const ys = counts.map((c) => Math.log(c.guests / c.deaths));
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  const slope = sxy / sxx;
  return {
    slope,
    intercept: my - slope * mx,
    firstYear: Math.min(...counts.map((c) => c.year)),
  };
}

export const SHARE_TREND = fitShareTrend();

/**
 * Hospice share in a past year relative to CALIBRATION_YEAR, from the fitted trend: 1 in 2024,
 * e^(slope·(year − 2024)) back to the first count (2014), held at the 2014 value before it
 * [assumption: no count before 2014]; 1 after 2024 (scenarios take over).
 */
export function shareIndex(year: number, trend: ShareTrend = SHARE_TREND): number {
  const y = Math.min(CALIBRATION_YEAR, Math.max(trend.firstYear, year));
  return Math.exp(trend.slope * (y - CALIBRATION_YEAR));
}

/**
 * Hospice share of expected deaths in 2024 that reproduces the guests of all hospice beds:
 * guests 2024 × (all beds ÷ member beds) ÷ (deaths × expected share × (1 + alive-discharge share)).
 * Assumption: hospices outside the umbrella bodies admit as many guests per bed as members.
 */
export function calibratedShare2024({
  expectedShare,
  aliveDischargeShare,
}: {
  readonly expectedShare: number;
  readonly aliveDischargeShare: number;
}): number {
  const count = GUEST_COUNTS.find((c) => c.year === CALIBRATION_YEAR)!;
  const guests = (count.guests * ALL_HOSPICE_BEDS) / MEMBER_BEDS;
  return guests / (count.deaths * expectedShare * (1 + aliveDischargeShare));
}

/**
 * Uncensored demand per admission: 1 + refusals ÷ admissions × (1 − multiple-registration share).
 * With the defaults 1 + 7,500 ÷ 12,000 × 0.5 = 1.3125.
 */
export function uncensoringFactor(multipleRegistrationShare: number): number {
  if (!(multipleRegistrationShare >= 0 && multipleRegistrationShare <= 1)) {
    throw invalid('multipleRegistrationShare', multipleRegistrationShare);
  }
  const admissions = GUEST_COUNTS.find((c) => c.year === CALIBRATION_YEAR)!.guests;
  return 1 + (REFUSALS_PER_YEAR / admissions) * (1 - multipleRegistrationShare);
}
