// `npm run bench`: every benchmark of the project, one `name: value` line per figure, and for each
// figure its baseline measured in the same run (`name-baseline`) and their ratio (`name-ratio`,
// product ÷ baseline): absolute figures move with the machine, ratios much less. Figures, not
// pass/fail: goals are stated in the README next to the measured ratios. The PostgreSQL figures
// need BENCH_DATABASE_URL, a database the benchmark may write to (it makes and drops a schema).
// `npm run bench -- bed-status import` runs only the benchmarks whose figure names contain one of
// the words (a full run takes many minutes on a busy machine).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `wants(figure)` tells a suite whether a figure (by its name prefix) was asked for. */
type Bench = (wants: (figure: string) => boolean) => Promise<Array<[string, number]>>;
/** A suite's check of what it needs (a database it connects to), run before any suite measures. */
type Preflight = (wants: (figure: string) => boolean) => Promise<void>;

/** Name, file, the export that runs it, its figures, and the export that checks its set-up. */
const suites: Array<[string, string, string, string[], string?]> = [
  [
    'model',
    '../packages/model/bench/model-bench.ts',
    'modelBenchmarks',
    [
      'erlang-b-per-second',
      'min-beds-per-second',
      'simulation-events-per-second',
      'national-run-seconds',
    ],
  ],
  [
    'collection',
    '../packages/server/bench/collection-bench.ts',
    'collectionBenchmarks',
    [
      'bed-status-updates-per-second',
      'bed-status-updates-postgres-per-second',
      'sse-delivery-p99-ms',
    ],
    'collectionPreflight',
  ],
  [
    'read path',
    '../packages/server/bench/read-path-bench.ts',
    'readPathBenchmarks',
    ['bed-finder-requests-per-second', 'figures-10x-history-ratio'],
  ],
  [
    'import',
    '../packages/data/bench/import-bench.ts',
    'importBenchmarks',
    ['import-1m-rows-seconds'],
  ],
];

const words = process.argv.slice(2);
const wants = (figure: string) => words.length === 0 || words.some((w) => figure.includes(w));

/** A set-up the run cannot start with: one line and exit code 2, as for any bad input. */
function setUpFailed(error: unknown): never {
  if (error instanceof Error && error.name === 'BenchSetupError') {
    console.error(`bench: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const chosen: Bench[] = [];
for (const [name, file, exported, figures, preflight] of suites) {
  if (!figures.some(wants)) {
    continue;
  }
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
    console.error(`# ${name}: no benchmark file`);
    continue;
  }
  const module = (await import(file)) as Record<string, Bench | Preflight | undefined>;
  const run = module[exported] as Bench | undefined;
  if (!run) {
    throw new Error(`${file} does not export ${exported}`);
  }
  // Every suite's set-up is checked before the first one measures anything.
  if (preflight !== undefined) {
    await (module[preflight] as Preflight)(wants).catch(setUpFailed);
  }
  chosen.push(run);
}

for (const run of chosen) {
  const lines = await run(wants).catch(setUpFailed);
  for (const [figure, value] of lines) {
    console.log(`${figure}: ${Number.isInteger(value) ? value : Number(value.toPrecision(4))}`);
  }
}
