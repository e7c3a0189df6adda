// Writes packages/model/src/national-bands.ts from the demography pipeline on the CBS series:
// npx tsx packages/data/src/demography/write-national-bands.ts. The test in reference-demography.test.ts
// checks that the file matches the pipeline.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nationalBandsSource } from './reference-demography';

const target = fileURLToPath(new URL('../../../model/src/national-bands.ts', import.meta.url));
writeFileSync(target, nationalBandsSource());
console.log(`wrote ${target}`);
