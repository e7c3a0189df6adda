import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { importBoundaries, importCbsTable, importHospiceCsv } from '@palliamonitor/data';
import { parseOptions, requireNumber, UsageError, type Io } from '../usage';
import { openStoreFromEnv } from '../store-from-env';
import { cliAudit } from '../cli-audit';
import { importPostcodesCommand } from './import-postcodes';

async function readInput(file: string | undefined, what: string): Promise<string>;
async function readInput(file: string | undefined, what: string, bytes: true): Promise<Buffer>;
async function readInput(
  file: string | undefined,
  what: string,
  bytes = false,
): Promise<string | Buffer> {
  if (!file) {
    throw new UsageError(`missing file: palliamonitor import ${what} <file>`);
  }
  try {
    return bytes ? await readFile(file) : await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UsageError(
    code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? 'error'}`,
  );
}

/** The file opened for reading as a stream, or the usage error readInput gives. */
async function openInput(file: string | undefined, what: string): Promise<FileHandle> {
  if (!file) {
    throw new UsageError(`missing file: palliamonitor import ${what} <file>`);
  }
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  // A folder opens but cannot be read: refused here, as reading it whole would.
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw unreadable(file, { code: 'EISDIR' });
  }
  return handle;
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  const [what, ...rest] = args;
  switch (what) {
    case 'boundaries': {
      const { values, positionals } = parseOptions(rest, { year: { type: 'string' } }, true);
      if (positionals.length > 1) {
        throw new UsageError('import boundaries takes one file');
      }
      const year =
        values.year === undefined
          ? undefined
          : requireNumber(
              values.year,
              'year',
              (n) => Number.isInteger(n) && n >= 1800 && n <= 2100,
              'a year',
            );
      const text = await readInput(positionals[0], 'boundaries');
      const { store } = await openStoreFromEnv(io);
      try {
        const result = await importBoundaries(store.db, text, {
          fileName: path.basename(positionals[0]!),
          year,
          audit: await cliAudit(store, 'import boundaries'),
        });
        for (const warning of result.warnings) {
          io.err(`warning: ${warning.message}`);
        }
        io.out(`imported ${result.regions} ${result.layer} boundaries for ${result.year}`);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'hospices': {
      const { positionals } = parseOptions(rest, {}, true);
      if (positionals.length > 1) {
        throw new UsageError('import hospices takes one file');
      }
      // Bytes: the importer refuses a file that is not UTF-8, naming the line.
      const text = await readInput(positionals[0], 'hospices', true);
      const { store } = await openStoreFromEnv(io);
      try {
        const summary = await importHospiceCsv(
          store.db,
          text,
          { actor: 'cli:import', now: new Date() },
          await cliAudit(store, 'import hospices'),
        );
        io.out(
          `imported hospices: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`,
        );
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'cbs': {
      const { values, positionals } = parseOptions(rest, { table: { type: 'string' } }, true);
      if (positionals.length > 1) {
        throw new UsageError('import cbs takes one file');
      }
      // Streamed: a CBS table can have millions of rows, and only its figures are kept.
      const file = await openInput(positionals[0], 'cbs');
      const { store } = await openStoreFromEnv(io);
      try {
        const result = await importCbsTable(store.db, file.createReadStream(), {
          fileName: path.basename(positionals[0]!),
          tableId: values.table,
          audit: await cliAudit(store, 'import cbs'),
        });
        for (const warning of result.warnings.slice(0, 10)) {
          io.err(`warning: ${warning.message}`);
        }
        const years =
          result.years.length > 1
            ? `${result.years[0]}–${result.years.at(-1)}`
            : String(result.years[0]);
        io.out(
          `imported ${result.records} figures from CBS ${result.tableId} for ${result.regions} regions, ${years}`,
        );
      } finally {
        await store.close();
        await file.close();
      }
      return 0;
    }
    case 'postcodes':
      return importPostcodesCommand(rest, io);
    case undefined:
    default:
      throw new UsageError(
        what === undefined
          ? 'say what to import: boundaries, hospices, cbs or postcodes'
          : `cannot import "${what}"; use boundaries, hospices, cbs or postcodes`,
      );
  }
}
