import { isRegionCode } from '@palliamonitor/contracts';
import {
  answerForecast,
  dutchDate,
  factsFor,
  findScenario,
  forecastToCsv,
  modelInputs,
  registryFacts,
  StoreBusyError,
  openStore,
  ensureReferenceData,
  type ForecastAnswer,
} from '@palliamonitor/data';
import { HISTORY_FIRST_YEAR, LAST_YEAR, type ForecastOptions } from '@palliamonitor/model';
import { readConfig } from '@palliamonitor/server';
import { parseOptions, requireNumber, UsageError, type Io } from '../usage';

/**
 * `palliamonitor forecast --region <ZKxx|NL> --scenario <id> --from <year> --to <year>
 *  [--format json|csv] [--uncertainty [--draws N] [--seed S]] [--target B] [--pooling level]
 *  [--multiple-registration-share S]`
 * JSON: `{ region, scenario, rows, inputs, registry }`, one row per year (observed years marked);
 * CSV: the rows. Reads the store; when a running server owns the embedded store, the same answer
 * comes from that server's API.
 */
export async function forecastCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, {
    region: { type: 'string' },
    scenario: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    uncertainty: { type: 'boolean' },
    draws: { type: 'string' },
    seed: { type: 'string' },
    target: { type: 'string' },
    pooling: { type: 'string' },
    'multiple-registration-share': { type: 'string' },
  });
  const region = values.region;
  if (!region) {
    throw new UsageError('missing option --region (ZKxx or NL)');
  }
  if (!isRegionCode('zorgkantoorregioOrNation', region)) {
    throw new UsageError(`--region must be a zorgkantoorregio code ZKxx or NL, got "${region}"`);
  }
  if (!values.scenario) {
    throw new UsageError('missing option --scenario (e.g. baseline)');
  }
  const year = (n: number) => Number.isInteger(n) && n >= HISTORY_FIRST_YEAR && n <= LAST_YEAR;
  const from = requireNumber(
    values.from,
    'from',
    year,
    `a year ${HISTORY_FIRST_YEAR}–${LAST_YEAR}`,
  );
  const to = requireNumber(
    values.to,
    'to',
    (n) => year(n) && n >= from,
    `a year from --from to ${LAST_YEAR}`,
  );
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw new UsageError(`--format must be json or csv, got "${format}"`);
  }
  const target =
    values.target === undefined
      ? undefined
      : requireNumber(
          values.target,
          'target',
          (n) => n > 0 && n < 1,
          'a probability strictly between 0 and 1',
        );
  const pooling = values.pooling;
  if (
    pooling !== undefined &&
    pooling !== 'hospice' &&
    pooling !== 'cluster' &&
    pooling !== 'region'
  ) {
    throw new UsageError(`--pooling must be hospice, cluster or region, got "${pooling}"`);
  }
  const uncertainty = values.uncertainty
    ? {
        draws:
          values.draws === undefined
            ? 1000
            : requireNumber(
                values.draws,
                'draws',
                (n) => Number.isInteger(n) && n >= 2 && n <= 100_000,
                'a whole number 2–100000',
              ),
        seed:
          values.seed === undefined
            ? 1
            : requireNumber(
                values.seed,
                'seed',
                (n) => Number.isSafeInteger(n) && n >= 0,
                'a whole number ≥ 0',
              ),
      }
    : undefined;

  const share = values['multiple-registration-share'];
  const multipleRegistrationShare =
    share === undefined
      ? undefined
      : requireNumber(share, 'multiple-registration-share', (n) => n >= 0 && n <= 1, 'a share 0–1');
  const options: ForecastOptions = {
    from,
    to,
    ...(target === undefined ? {} : { target }),
    ...(pooling === undefined ? {} : { pooling }),
    ...(uncertainty ? { uncertainty } : {}),
    ...(multipleRegistrationShare === undefined ? {} : { multipleRegistrationShare }),
  };
  const answer = await forecastAnswer(io, region, values.scenario, options);
  io.out(format === 'csv' ? forecastToCsv(answer.rows).trimEnd() : JSON.stringify(answer, null, 2));
  return 0;
}

type Answer = ForecastAnswer & { region: string; scenario: { id: string; name: string } };

async function forecastAnswer(
  io: Io,
  region: string,
  scenarioId: string,
  options: ForecastOptions,
): Promise<Answer> {
  const config = readConfig(io.env).store;
  try {
    const store = await openStore(config);
    try {
      await ensureReferenceData(store.db);
      const scenario = await findScenario(store.db, scenarioId);
      if (!scenario) {
        throw new UsageError(`unknown scenario ${scenarioId}`);
      }
      const asOf = dutchDate(new Date());
      const inputs = await modelInputs(store.db, asOf);
      if (region !== 'NL' && !inputs.some((r) => r.code === region)) {
        throw new UsageError(`unknown region ${region}`);
      }
      const facts = factsFor(await registryFacts(store.db, asOf), region);
      return {
        region,
        scenario: { id: scenario.id, name: scenario.name },
        ...answerForecast(inputs, region, scenario, options, { facts, asOf }),
      };
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!(error instanceof StoreBusyError) || !error.owner.url) {
      throw error;
    }
    // The server owns the embedded store: ask it, it answers from the same data and model.
    const query = new URLSearchParams({
      scenario: scenarioId,
      from: String(options.from),
      to: String(options.to),
    });
    for (const key of ['target', 'pooling', 'multipleRegistrationShare'] as const) {
      if (options[key] !== undefined) {
        query.set(key, String(options[key]));
      }
    }
    if (options.uncertainty) {
      query.set('uncertainty', 'true');
      query.set('draws', String(options.uncertainty.draws));
      query.set('seed', String(options.uncertainty.seed));
    }
    const url = `${error.owner.url}/api/v1/regions/${region}/forecast?${query.toString()}`;
    const response = await fetch(url);
    if (response.status === 404 || response.status === 400) {
      throw new UsageError(`unknown region or scenario (${region}, ${scenarioId})`);
    }
    return (await response.json()) as Answer;
  }
}
