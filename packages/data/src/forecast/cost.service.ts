import {
  defaultCostInputs,
  yearCost,
  type CostFigures,
  type CostInput,
  type RegionInput,
  type Scenario,
} from '@palliamonitor/model';
import { runForecast, type ForecastValue } from './forecast.service';
import { markObserved, type AnsweredRow } from './forecast-provenance';

// Cost per region, year and scenario: the forecast rows as the forecast gives them, each with the
// bed-days the demand asks for and the bed-days today's beds carry, at a cost per bed-day.

export interface CostAnswer {
  inputs: CostInput[];
  rows: Array<AnsweredRow<ForecastValue> & CostFigures>;
}

/** A number from a point forecast (a band only comes with uncertainty, which cost does not ask). */
function pointValue(value: ForecastValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function runCost(
  inputs: readonly RegionInput[],
  code: string,
  scenario: Scenario,
  options: { from: number; to: number; costPerBedDay?: number | undefined },
): CostAnswer {
  const costInputs = defaultCostInputs().map((input) =>
    input.name === 'costPerBedDay' && options.costPerBedDay !== undefined
      ? {
          ...input,
          value: options.costPerBedDay,
          source: 'given with the request (costPerBedDay)',
        }
      : input,
  );
  const perBedDay = costInputs.find((i) => i.name === 'costPerBedDay')!.value;
  // The same rows as the forecast answers them, observed years marked.
  const rows = markObserved(
    runForecast(inputs, code, scenario, { from: options.from, to: options.to }),
    code,
  );
  return {
    inputs: costInputs,
    rows: rows.map((row) => {
      const refused = pointValue(row.refusalShareCurrentBeds);
      return {
        ...row,
        ...yearCost(
          {
            year: row.year,
            offeredLoad: pointValue(row.offeredLoad) ?? 0,
            ...(refused === undefined ? {} : { refusalShareCurrentBeds: refused }),
          },
          perBedDay,
        ),
      };
    }),
  };
}
