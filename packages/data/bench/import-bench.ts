import { fork } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { importCbsTable } from '../src/demography/demographics.repository';
import { openStore } from '../src/store/open-store';
import { ensureReferenceData } from '../src/registry/reference-data';
import { readSeedCsv } from '../src/seed-files';

// import-1m-rows: a generated 1,000,000-row CBS StatLine CSV (03759ned, population on 1 January by
// sex, age in years, gemeente and year, in the TypedDataSet download's format) through the real CBS
// importer into an embedded store in a folder, streamed from the file as the CLI does, beside
// parsing the same file with the CSV library alone (csv-parse's stream API with the options the
// importer uses, every record taken through on_record as the parser finds it, as the importer
// takes them). Each runs in a process of its own, so its peak memory (maximum resident set) is
// its own: import-1m-rows-peak-mb is the importer's.

const SEXES = ['T001038', '3000', '4000'];
/**
 * As 03759ned has them: the total (10000), 0 years (10010), 1–99 years (10100 + 100·n), 100–104
 * years (19901–19905) and 105 or older (22300).
 */
const AGES = [
  '10000',
  '10010',
  ...Array.from({ length: 99 }, (_, n) => String(10100 + 100 * n)),
  ...['19901', '19902', '19903', '19904', '19905', '22300'],
];

/** Writes the file and returns its row count. */
export async function writeCbsFile(file: string, rows = 1_000_000): Promise<number> {
  const gemeenten = readSeedCsv('gemeente_provincie_2025.csv').map((r) => r['gemeente_code']!);
  const perYear = SEXES.length * AGES.length * gemeenten.length;
  const years = Math.ceil(rows / perYear);
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    '"ID";"Geslacht";"Leeftijd";"BurgerlijkeStaat";"RegioS";"Perioden";"BevolkingOp1Januari_1";"GemiddeldeBevolking_2"\n',
  );
  let id = 0;
  let chunk = '';
  for (let y = 0; y < years; y++) {
    for (const region of gemeenten) {
      for (const sex of SEXES) {
        // The total (first in AGES) is the sum of the single years, as in the real table.
        const values = AGES.slice(1).map((_, n) => 50 + (((id + n + 1) * 7919) % 900));
        const total = values.reduce((a, b) => a + b, 0);
        for (const [n, age] of AGES.entries()) {
          const value = n === 0 ? total : values[n - 1]!;
          chunk += `"${id}";"${sex}";"${age}";"T001019";"${region.padEnd(8)}";"${2024 - y}JJ00";"${value}";"."\n`;
          id += 1;
          if (chunk.length > 1 << 20) {
            await write(chunk);
            chunk = '';
          }
        }
      }
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return id;
}

interface Run {
  seconds: number;
  peakMb: number;
  records: number;
}

function runChild(mode: 'setup' | 'import' | 'parse', file: string, dir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [mode, file, dir], {
      execArgv: ['--import', 'tsx'],
    });
    child.once('message', (message) => resolve(message as Run));
    child.once('exit', (code) => code !== 0 && reject(new Error(`${mode} exited with ${code}`)));
  });
}

async function child(mode: string, file: string, dir: string): Promise<void> {
  const started = performance.now();
  let records: number;
  if (mode === 'parse') {
    let taken = -1; // the header
    const parser = parse({
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[]) => {
        taken += record.length > 0 ? 1 : 0;
        return null;
      },
    });
    await pipeline(createReadStream(file), parser, async (rest: AsyncIterable<unknown>) => {
      for await (const _ of rest) {
        // on_record keeps none
      }
    });
    records = taken;
  } else if (mode === 'setup') {
    // The store the import goes into exists already, as it does for `palliamonitor import cbs`:
    // creating a store is not part of importing (and its own peak is the embedded engine's).
    const store = await openStore({ dataDir: dir });
    await ensureReferenceData(store.db);
    await store.close();
    records = 0;
  } else {
    const store = await openStore({ dataDir: dir });
    const importStarted = performance.now();
    const result = await importCbsTable(store.db, createReadStream(file), {
      fileName: path.basename(file),
    });
    records = result.records;
    const seconds = (performance.now() - importStarted) / 1000;
    await store.close();
    process.send!({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, records });
    return;
  }
  const seconds = (performance.now() - started) / 1000;
  process.send!({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, records });
}

export async function importBenchmarks(): Promise<Array<[string, number]>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'palliamonitor-cbs-'));
  const file = path.join(dir, '03759ned_TypedDataSet_bench.csv');
  try {
    await writeCbsFile(file);
    const storeDir = path.join(dir, 'store');
    await runChild('setup', file, storeDir);
    const baseline = await runChild('parse', file, storeDir);
    const product = await runChild('import', file, storeDir);
    return [
      ['import-1m-rows-seconds', Number(product.seconds.toFixed(2))],
      ['import-1m-rows-baseline', Number(baseline.seconds.toFixed(2))],
      ['import-1m-rows-ratio', Number((product.seconds / baseline.seconds).toFixed(3))],
      ['import-1m-rows-peak-mb', Math.round(product.peakMb)],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, file, storeDir] = process.argv.slice(2);
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (mode && file && storeDir) {
    await child(mode, file, storeDir);
    process.exit(0);
  }
  for (const [name, value] of await importBenchmarks()) {
    console.log(`${name}: ${value}`);
  }
}
