// Prints the model benchmarks as "name: value" lines: npx tsx packages/model/bench/run.ts
import { modelBenchmarks } from './model-bench';

for (const [name, value] of await modelBenchmarks()) {
  console.log(`${name}: ${value}`);
}
