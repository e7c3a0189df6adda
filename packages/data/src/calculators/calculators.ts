import {
  CURVE_PARAMS,
  NORM_PARAMS,
  OCCUPANCY_PARAMS,
  runErlangCurve,
  runNorm,
  runOccupancy,
} from './calculators.service';
import type { ParamSpecs } from './params';
import { SIMULATION_PARAMS, runSimulation } from './simulation.service';

/** A calculator: the parameters it takes and the function that checks them and answers. */
export interface Calculator<T> {
  readonly params: ParamSpecs;
  /** `label` names a parameter in messages the way the caller spells it (`--open-days`). */
  readonly run: (raw: Readonly<Record<string, unknown>>, label?: (name: string) => string) => T;
}

// The calculators the API (/api/v1/calculators/*) and the command line both offer. Each pairs its
// parameter description with its function in this one place, so the request schemas, the CLI
// options and the checks are built from the same pairs.
export const CALCULATORS = {
  norm: { params: NORM_PARAMS, run: runNorm },
  occupancy: { params: OCCUPANCY_PARAMS, run: runOccupancy },
  erlangCurve: { params: CURVE_PARAMS, run: runErlangCurve },
  simulation: { params: SIMULATION_PARAMS, run: runSimulation },
} as const satisfies Record<string, Calculator<unknown>>;
