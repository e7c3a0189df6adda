// `npm run bench`: every benchmark of the project, one `name: value` line per figure. Figures, not
// pass/fail: goals are stated in the README next to the measured values.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Bench = () => Promise<Array<[string, number]>>;

const suites: Array<[string, string, string]> = [
  ['model', '../packages/model/bench/model-bench.ts', 'modelBenchmarks'],
  ['collection', '../packages/server/bench/collection-bench.ts', 'collectionBenchmarks'],
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
