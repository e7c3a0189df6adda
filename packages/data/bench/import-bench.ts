import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { importCbsTable } from '../src/demography/demographics.repository';
import { openStore } from '../src/store/open-store';
import { ensureReferenceData } from '../src/registry/reference-data';
import { readSeedCsv } from '../src/seed-files';

// import-1m-rows: a generated 1,000,000-row CBS StatLine CSV (03759ned, population on 1 January by
// sex, age in years, gemeente and year, in the TypedDataSet download's format) through the real CBS
// importer into an embedded store in a folder, beside parsing the same file with the CSV library
// alone (csv-parse, as the importer reads it). Each runs in a process of its own, so its peak memory
// (maximum resident set) is its own: import-1m-rows-peak-mb is the importer's.

const SEXES = ['T001038', '3000', '4000'];
/** 0 years (10010) and 1–98 years (10100 + 100·n). */
const AGES = ['10010', ...Array.from({ length: 98 }, (_, n) => String(10100 + 100 * (n + 1)))];

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
        for (const age of AGES) {
          const value = 50 + ((id * 7919) % 900);
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

function runChild(mode: 'import' | 'parse', file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [mode, file], {
      execArgv: ['--import', 'tsx'],
    });
    child.once('message', (message) => resolve(message as Run));
    child.once('exit', (code) => code !== 0 && reject(new Error(`${mode} exited with ${code}`)));
  });
}

async function child(mode: string, file: string): Promise<void> {
  const started = performance.now();
  let records: number;
  if (mode === 'parse') {
    const text = readFileSync(file, 'utf8');
    records =
      (
        parse(text, {
          delimiter: ';',
          bom: true,
          info: true,
          relax_column_count: true,
          skip_empty_lines: true,
        }) as unknown[]
      ).length - 1;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'palliamonitor-import-'));
    const store = await openStore({ dataDir: dir });
    await ensureReferenceData(store.db);
    const setUp = performance.now() - started;
    const importStarted = performance.now();
    const result = await importCbsTable(store.db, readFileSync(file, 'utf8'), {
      fileName: path.basename(file),
    });
    records = result.records;
    const seconds = (performance.now() - importStarted) / 1000;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    void setUp;
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
    const baseline = await runChild('parse', file);
    const product = await runChild('import', file);
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

const [mode, file] = process.argv.slice(2);
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (mode && file) {
    await child(mode, file);
    process.exit(0);
  }
  for (const [name, value] of await importBenchmarks()) {
    console.log(`${name}: ${value}`);
  }
}
