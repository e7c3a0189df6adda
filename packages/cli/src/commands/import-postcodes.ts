import { readFile } from 'node:fs/promises';
import { importPostcodes } from '@palliamonitor/data';
import { parseOptions, UsageError, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';
import { cliAudit } from '../cli-audit';

/**
 * `palliamonitor import postcodes <file>`: PC4 centroids (columns pc4,lat,lon,gemeente_code,
 * gemeente_naam) for the bed finder. All rows or none; a postcode already loaded is updated.
 */
export async function importPostcodesCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseOptions(args, {}, true);
  const [file, ...more] = positionals;
  if (!file) {
    throw new UsageError('missing file: palliamonitor import postcodes <file>');
  }
  if (more.length > 0) {
    throw new UsageError('import postcodes takes one file');
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? 'error'}`,
    );
  }
  const { store } = await openStoreFromEnv(io);
  try {
    const result = await importPostcodes(store.db, text, {
      audit: await cliAudit(store, 'import postcodes'),
    });
    for (const warning of result.warnings) {
      io.err(`warning: ${warning}`);
    }
    io.out(`imported ${result.imported} postcodes`);
  } finally {
    await store.close();
  }
  return 0;
}
