// Loads the Erlang reference vectors (test/fixtures/erlang_vectors.json, computed by
// an independent exact-rational script). Tests import this; the model itself never reads files.
// A missing file makes the test fail: readFileSync throws, nothing is skipped.
import { readFileSync } from 'node:fs';

export interface ErlangBRow {
  a: number;
  c: number;
  B: string;
  carried_load: string;
  occupancy: string;
}
export interface InverseRow {
  a: number;
  target: number;
  c_min: number;
  B_at_c_min: string;
  B_at_c_min_minus_1: string;
  occupancy_at_c_min: string;
}
export interface MaxLoadRow {
  c: number;
  target: number;
  max_a: string;
}
export interface ErlangCRow {
  a: number;
  c: number;
  P_wait_C: string;
  Wq_over_ES: string;
  Wq_given_wait_over_ES: string;
  Lq: string;
  utilization: string;
}
export interface SqrtRow {
  a: number;
  beta: number;
  c: number;
  beta_eff: number;
  B_exact: number;
  B_sqrt_approx: number;
}
export interface PublishedRow {
  id: string;
  query: string;
  published_value: number;
  our_value: number;
  agrees: boolean;
  published_precision?: string;
}
export interface SimulationCheck {
  case: string;
  inputs: {
    lambda_per_day: number;
    LOS_mean_days: number;
    LOS_median_days: number;
    c: number;
    offered_load_a: number;
  };
  sim_blocking_mean: number;
  sim_blocking_ci95: [number, number];
  erlang_b: number;
  'occupancy_theory_a(1-B)/c': number;
}
export interface WaitingListCheck {
  case: string;
  inputs: {
    lambda_per_day: number;
    c: number;
    LOS_mean_days: number;
    LOS_median_days: number | null;
    LOS_dist: 'exponential' | 'lognormal';
  };
  sim_mean_wait_days: number;
  sim_mean_wait_ci95: [number, number];
  sim_P_wait: number;
  sim_P_wait_ci95: [number, number];
  erlang_c_P_wait: number;
  mmc_mean_wait_days: number;
}
export interface ErlangVectors {
  erlang_b: ErlangBRow[];
  inverse_min_beds: InverseRow[];
  max_offered_load: MaxLoadRow[];
  erlang_c: ErlangCRow[];
  erlang_c_worked_example: {
    lambda_per_day: number;
    mean_LOS_days: number;
    c: number;
    a: number;
    P_wait_C: string;
    Wq_days: string;
  };
  sqrt_staffing: SqrtRow[];
  published: PublishedRow[];
  simulation_checks: SimulationCheck[];
  simulation_waiting_list_checks: { cases: WaitingListCheck[] };
}

export const vectorsUrl = new URL('./fixtures/erlang_vectors.json', import.meta.url);

export function loadErlangVectors(): ErlangVectors {
  return JSON.parse(readFileSync(vectorsUrl, 'utf8')) as ErlangVectors;
}

/** |actual − expected| ≤ tolerance · |expected| (relative error), with a readable failure. */
export function relativeError(actual: number, expected: number): number {
  if (expected === 0) {
    return Math.abs(actual);
  }
  return Math.abs(actual - expected) / Math.abs(expected);
}
