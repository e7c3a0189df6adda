import { dutchDate, exportHospices, toHospiceCsv } from '@palliamonitor/data';
import { isValidDate } from '@palliamonitor/contracts';
import { parseOptions, UsageError, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'hospices') {
    throw new UsageError(
      what === undefined ? 'say what to export: hospices' : `cannot export "${what}"; use hospices`,
    );
  }
  const { values } = parseOptions(rest, {
    format: { type: 'string' },
    'as-of': { type: 'string' },
  });
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    throw new UsageError(`--format must be csv or json, got "${format}"`);
  }
  const asOf = values['as-of'] ?? dutchDate(new Date());
  if (!isValidDate(asOf)) {
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  }
  const { store } = await openStoreFromEnv(io);
  try {
    const rows = await exportHospices(store.db, asOf);
    io.out(format === 'csv' ? toHospiceCsv(rows).trimEnd() : JSON.stringify(rows, null, 2));
  } finally {
    await store.close();
  }
  return 0;
}
