// Cost of hospice care from the forecast: bed-days × cost per bed-day. The cost per bed-day is
// derived from the one national figure there is (Gupta Strategists 2025: about €240 million for the
// care hospices delivered in 2024, to about 12,000 guests) and the mean stay of 22 days; a planner
// may put in another value. Prices of 2024, not indexed. Method: docs/method.md, "Cost".

import { checkNonNegative, checkPositive } from './checks';

/** Where an input comes from: measured by the monitor, imported from a table, or assumed. */
export type Provenance = 'measured' | 'imported' | 'assumed';

export interface CostInput {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly provenance: Provenance;
  /** The source, or "assumption"; a derived value says what it is derived from. */
  readonly source: string;
}

const GUPTA_URL =
  'https://www.skipr.nl/nieuws/gupta-nederlandse-hospicezorg-heeft-dringend-nieuwe-bekostiging-nodig/';
const GUESTS_URL =
  'https://www.rd.nl/artikel/1107439-hospices-kunnen-niet-aan-sterk-groeiende-vraag-voldoen';

/** Cost of the care hospices delivered in 2024, euros (Gupta Strategists 2025, "about"). */
export const HOSPICE_COST_2024_EUR = 240_000_000;
/** People who stayed in a hospice in 2024 (AHzN + VPTZ, "about"). */
export const HOSPICE_GUESTS_2024 = 12_000;
/** Mean stay, days: the model's baseline (AHzN/VPTZ member hospices, 22 days). */
export const MEAN_STAY_DAYS = 22;

/** €/guest = total cost ÷ guests. */
export function costPerGuest(totalCost: number, guests: number): number {
  checkNonNegative('totalCost', totalCost);
  checkPositive('guests', guests);
  return totalCost / guests;
}

/** €/bed-day = €/guest ÷ mean stay (days): a guest uses mean-stay bed-days. */
export function costPerBedDay(perGuest: number, meanStayDays: number): number {
  checkNonNegative('perGuest', perGuest);
  checkPositive('meanStayDays', meanStayDays);
  return perGuest / meanStayDays;
}

/** The national figures and what follows from them: €20,000 per guest, €909.09 per bed-day. */
export function defaultCostInputs(): CostInput[] {
  const perGuest = costPerGuest(HOSPICE_COST_2024_EUR, HOSPICE_GUESTS_2024);
  return [
    {
      name: 'hospiceCost2024',
      value: HOSPICE_COST_2024_EUR,
      unit: 'EUR',
      provenance: 'assumed',
      source: `Gupta Strategists 2025, about €240 million in 2024 (${GUPTA_URL})`,
    },
    {
      name: 'hospiceGuests2024',
      value: HOSPICE_GUESTS_2024,
      unit: 'guests',
      provenance: 'assumed',
      source: `AHzN + VPTZ, about 12,000 guests in 2024 (${GUESTS_URL})`,
    },
    {
      name: 'meanStayDays',
      value: MEAN_STAY_DAYS,
      unit: 'days',
      provenance: 'assumed',
      source: 'AHzN/VPTZ member hospices, mean stay 22 days (the baseline scenario)',
    },
    {
      name: 'costPerGuest',
      value: perGuest,
      unit: 'EUR/guest',
      provenance: 'assumed',
      source: 'derived: hospiceCost2024 ÷ hospiceGuests2024',
    },
    {
      name: 'costPerBedDay',
      value: costPerBedDay(perGuest, MEAN_STAY_DAYS),
      unit: 'EUR/bed-day',
      provenance: 'assumed',
      source: 'derived: costPerGuest ÷ meanStayDays',
    },
  ];
}

/** What a cost row needs from a forecast row. */
export interface CostBasis {
  readonly year: number;
  /** Offered load, erlangs: the beds occupied if every request were admitted. */
  readonly offeredLoad: number;
  /** Share of requests refused with today's beds, when the forecast gives it. */
  readonly refusalShareCurrentBeds?: number;
}

export interface CostFigures {
  /** Bed-days if every request is admitted: requests × stay = offered load × 365 (the model's year). */
  readonly bedDays: number;
  /** bedDays × cost per bed-day, euros. */
  readonly cost: number;
  /** Bed-days today's beds carry: bedDays × (1 − refusal share with today's beds). */
  readonly bedDaysCurrentBeds: number | null;
  readonly costCurrentBeds: number | null;
}

/**
 * Cost in one year: the bed-days the demand asks for and the bed-days today's beds carry, each at
 * the cost per bed-day. Units: euros of 2024 and bed-days.
 */
export function yearCost(row: CostBasis, perBedDay: number): CostFigures {
  checkNonNegative('offeredLoad', row.offeredLoad);
  checkNonNegative('costPerBedDay', perBedDay);
  const bedDays = row.offeredLoad * 365;
  const refused = row.refusalShareCurrentBeds;
  const carried = refused === undefined ? null : bedDays * (1 - refused);
  return {
    bedDays,
    cost: bedDays * perBedDay,
    bedDaysCurrentBeds: carried,
    costCurrentBeds: carried === null ? null : carried * perBedDay,
  };
}
