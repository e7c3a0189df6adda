import { describe, expect, it } from 'vitest';
import { functionSizes, importCycles, importGraph, lineCount, sourceFiles } from './source-tree';

const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 120;

// Files and functions still over the limits. This list only shrinks: each entry goes when its file
// is split by concept, and nothing is added to it.
const LONG_FILES: readonly string[] = [];
const LONG_FUNCTIONS: readonly string[] = [];

const sources = sourceFiles().filter((f) => !f.isGenerated);
const functions = sources.flatMap(functionSizes);

describe('the sources in packages/*/src', () => {
  it(`have no file over ${MAX_FILE_LINES} lines`, () => {
    const long = sources
      .filter((f) => lineCount(f.text) > MAX_FILE_LINES && !LONG_FILES.includes(f.path))
      .map((f) => `${f.path}: ${lineCount(f.text)} lines`);
    expect(long).toEqual([]);
  });

  it(`have no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = functions
      .filter((s) => s.lines > MAX_FUNCTION_LINES)
      .filter((s) => !LONG_FUNCTIONS.includes(`${s.path} ${s.name}`))
      .map((s) => `${s.path}:${s.line} ${s.name}: ${s.lines} lines`);
    expect(long).toEqual([]);
  });

  it('keep no stale entry in the list of files and functions over the limits', () => {
    const stale = [
      ...LONG_FILES.filter((path) => {
        const file = sources.find((f) => f.path === path);
        return file === undefined || lineCount(file.text) <= MAX_FILE_LINES;
      }),
      ...LONG_FUNCTIONS.filter(
        (entry) =>
          !functions.some((s) => `${s.path} ${s.name}` === entry && s.lines > MAX_FUNCTION_LINES),
      ),
    ];
    expect(stale).toEqual([]);
  });

  it('import no file that imports them back, directly or around a loop', () => {
    expect(importCycles(importGraph(sourceFiles()))).toEqual([]);
  });
});

describe('the structural checks', () => {
  const file = (path: string, text: string) => ({ path, text, isGenerated: false });

  it('measure a function from its first to its last line', () => {
    const body = Array.from({ length: 130 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    const sizes = functionSizes(file('x.ts', `export function long() {\n${body}\n}\n`));
    expect(sizes).toEqual([{ path: 'x.ts', name: 'long', line: 1, lines: 132 }]);
  });

  it('find a cycle through type-only imports and index files', () => {
    const graph = importGraph([
      file('p/src/store.ts', "import { open } from './impl';\nexport interface Store {}\n"),
      file(
        'p/src/impl/index.ts',
        "import type { Store } from '../store';\nexport const open = 1;\n",
      ),
      file('p/src/other.ts', "import { open } from './impl/index';\n"),
    ]);
    expect(importCycles(graph)).toEqual([
      ['p/src/store.ts', 'p/src/impl/index.ts', 'p/src/store.ts'],
    ]);
  });

  it('find no cycle in a tree', () => {
    const graph = importGraph([
      file('p/src/a.ts', "import './b';\nimport './c';\n"),
      file('p/src/b.ts', "import './c';\n"),
      file('p/src/c.ts', ''),
    ]);
    expect(importCycles(graph)).toEqual([]);
  });
});
