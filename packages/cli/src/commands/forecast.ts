import {
  dutchDate,
  findScenario,
  forecastToCsv,
  modelInputs,
  runForecast,
  StoreBusyError,
  storeConfigFromEnv,
  openStore,
  ensureReferenceData,
} from '@palliamonitor/data';
import { FIRST_YEAR, LAST_YEAR, type RegionInput, type Scenario } from '@palliamonitor/model';
import { parseOptions, requireNumber, UsageError, type Io } from '../usage';

/**
 * `palliamonitor forecast --region <ZKxx|NL> --scenario <id> --from <year> --to <year>
 *  [--format json|csv] [--uncertainty [--draws N] [--seed S]] [--target B] [--pooling level]`
 * One row per year. Reads the registry from the store; when a running server owns the embedded
 * store, its inputs are fetched from that server's API instead.
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
  });
  const region = values.region;
  if (!region) {
    throw new UsageError('missing option --region (ZKxx or NL)');
  }
  if (!/^(ZK\d{2}|NL)$/.test(region)) {
    throw new UsageError(`--region must be a zorgkantoorregio code ZKxx or NL, got "${region}"`);
  }
  if (!values.scenario) {
    throw new UsageError('missing option --scenario (e.g. baseline)');
  }
  const year = (n: number) => Number.isInteger(n) && n >= FIRST_YEAR && n <= LAST_YEAR;
  const from = requireNumber(values.from, 'from', year, `a year ${FIRST_YEAR}–${LAST_YEAR}`);
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

  const { inputs, scenario } = await loadInputs(io, values.scenario);
  if (region !== 'NL' && !inputs.some((r) => r.code === region)) {
    throw new UsageError(`unknown region ${region}`);
  }
  const rows = runForecast(inputs, region, scenario, {
    from,
    to,
    ...(target === undefined ? {} : { target }),
    ...(pooling === undefined ? {} : { pooling }),
    ...(uncertainty ? { uncertainty } : {}),
  });
  io.out(format === 'csv' ? forecastToCsv(rows).trimEnd() : JSON.stringify(rows, null, 2));
  return 0;
}

async function loadInputs(
  io: Io,
  scenarioId: string,
): Promise<{ inputs: RegionInput[]; scenario: Scenario }> {
  const config = storeConfigFromEnv(io.env);
  try {
    const store = await openStore(config);
    try {
      await ensureReferenceData(store.db);
      const scenario = await findScenario(store.db, scenarioId);
      if (!scenario) {
        throw new UsageError(`unknown scenario ${scenarioId}`);
      }
      return { inputs: await modelInputs(store.db, dutchDate(new Date())), scenario };
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!(error instanceof StoreBusyError) || !error.owner.url) {
      throw error;
    }
    // The server owns the embedded store: ask it, it answers from the same data.
    const base = `${error.owner.url}/api/v1`;
    const [inputs, scenario] = await Promise.all([
      fetch(`${base}/model-inputs`).then((r) => r.json() as Promise<{ regions: RegionInput[] }>),
      fetch(`${base}/scenarios/${encodeURIComponent(scenarioId)}`).then(async (r) => {
        if (r.status === 404 || r.status === 400) {
          throw new UsageError(`unknown scenario ${scenarioId}`);
        }
        return r.json() as Promise<Scenario>;
      }),
    ]);
    return { inputs: inputs.regions, scenario };
  }
}
