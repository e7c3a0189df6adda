import { AppError, cachedModelInputs, findScenario } from '@palliamonitor/data';
import type { RegionInput } from '@palliamonitor/model';
import { today, type AppContext } from '../context';

// What the routes that run the model read first: the scenario a request names and today's model
// inputs of every region.

/** Model inputs for today; an unknown region is answered 404 by the model run that asks for it. */
export function inputsFor(ctx: AppContext): Promise<RegionInput[]> {
  return cachedModelInputs(ctx.store.db, today(ctx));
}

/** The scenario a request names in its `scenario` field; an unknown one is that field's error. */
export async function scenarioFor(ctx: AppContext, id: string) {
  const scenario = await findScenario(ctx.store.db, id);
  if (!scenario) {
    throw new AppError('VALIDATION_FAILED', `unknown scenario ${id}`, [
      {
        field: 'scenario',
        message: `unknown scenario ${id}; see /api/v1/scenarios`,
        code: 'scenario.unknown',
        params: { id },
      },
    ]);
  }
  return scenario;
}
