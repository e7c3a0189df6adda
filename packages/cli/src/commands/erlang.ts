import { erlangB, minBedsForTarget, occupancy } from '@palliamonitor/model';
import { parseOptions, requireNumber, type Io } from '../usage';

// Output contracts that scripts depend on: keep the keys exactly.

/** `palliamonitor erlang-b --load <a> --beds <c>` → {"blocking": B, "occupancy": ρ} */
export async function erlangBCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { load: { type: 'string' }, beds: { type: 'string' } });
  const offeredLoad = requireNumber(values.load, 'load', (n) => n >= 0, 'a number ≥ 0 (erlangs)');
  const beds = requireNumber(
    values.beds,
    'beds',
    (n) => Number.isInteger(n) && n >= 0 && n <= 100_000,
    'a whole number ≥ 0',
  );
  io.out(
    JSON.stringify({
      blocking: erlangB({ offeredLoad, beds }),
      occupancy: occupancy({ offeredLoad, beds }),
    }),
  );
  return 0;
}

/** `palliamonitor beds --load <a> --target <B>` → {"beds": c, "blocking": B, "occupancy": ρ} */
export async function bedsCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { load: { type: 'string' }, target: { type: 'string' } });
  const offeredLoad = requireNumber(
    values.load,
    'load',
    (n) => n >= 0 && n <= 1e6,
    'a number ≥ 0 (erlangs)',
  );
  const target = requireNumber(
    values.target,
    'target',
    (n) => n > 0 && n < 1,
    'a probability strictly between 0 and 1',
  );
  const beds = minBedsForTarget({ offeredLoad, target });
  io.out(
    JSON.stringify({
      beds,
      blocking: erlangB({ offeredLoad, beds }),
      occupancy: occupancy({ offeredLoad, beds }),
    }),
  );
  return 0;
}
