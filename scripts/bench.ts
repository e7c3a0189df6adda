// `npm run bench`: every benchmark of the project, one `name: value` line per figure, and for each
// figure its baseline measured in the same run (`name-baseline`) and their ratio (`name-ratio`,
// product ÷ baseline): absolute figures move with the machine, ratios much less. Figures, not
// pass/fail: goals are stated in the README next to the measured ratios. The PostgreSQL figures
// need BENCH_DATABASE_URL, a database the benchmark may write to (it makes and drops a schema).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Bench = () => Promise<Array<[string, number]>>;

const suites: Array<[string, string, string]> = [
  ['model', '../packages/model/bench/model-bench.ts', 'modelBenchmarks'],
  ['collection', '../packages/server/bench/collection-bench.ts', 'collectionBenchmarks'],
  ['read path', '../packages/server/bench/read-path-bench.ts', 'readPathBenchmarks'],
  ['import', '../packages/data/bench/import-bench.ts', 'importBenchmarks'],
];

for (const [name, file, exported] of suites) {
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
    console.error(`# ${name}: no benchmark file`);
    continue;
  }
  const module = (await import(file)) as Record<string, Bench>;
  const run = module[exported];
  if (!run) {
    throw new Error(`${file} does not export ${exported}`);
  }
  for (const [figure, value] of await run()) {
    console.log(`${figure}: ${Number.isInteger(value) ? value : Number(value.toPrecision(4))}`);
  }
}
