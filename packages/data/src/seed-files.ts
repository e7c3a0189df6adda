import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** Seed data shipped with the project (see packages/data/seed/SOURCES.md). */
export function seedPath(name: string): string {
  return fileURLToPath(new URL(`../seed/${name}`, import.meta.url));
}

export function readSeedCsv(name: string): Array<Record<string, string>> {
  return parse(readFileSync(seedPath(name), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Array<Record<string, string>>;
}
