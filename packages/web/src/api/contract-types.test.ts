import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No API shape is written twice: the web app takes its types from the contracts and declares none
// under a name the contracts export. Names are read with the TypeScript compiler, not by pattern.

const webSrc = fileURLToPath(new URL('../', import.meta.url));
const contractsIndex = fileURLToPath(new URL('../../../contracts/src/index.ts', import.meta.url));

let compiled: { checker: ts.TypeChecker; symbols: ts.Symbol[] } | undefined;

/** The contracts' exports, compiled once for every test here (compiling is the slow part). */
function contractExports() {
  if (compiled !== undefined) {
    return compiled;
  }
  const program = ts.createProgram([contractsIndex], { noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(contractsIndex)!;
  const module = checker.getSymbolAtLocation(source)!;
  compiled = { checker, symbols: checker.getExportsOfModule(module) };
  return compiled;
}

function contractNames(): Set<string> {
  return new Set(contractExports().symbols.map((symbol) => symbol.getName()));
}

/** The field names of every object type the contracts export, by the type's name. */
let shapesOfContracts: Map<string, Set<string>> | undefined;
function contractShapes(): Map<string, Set<string>> {
  if (shapesOfContracts !== undefined) {
    return shapesOfContracts;
  }
  const { checker, symbols } = contractExports();
  const shapes = new Map<string, Set<string>>();
  for (const symbol of symbols) {
    if ((symbol.flags & ts.SymbolFlags.Type) === 0) {
      continue;
    }
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const fields = checker.getPropertiesOfType(type).map((p) => p.getName());
    if (fields.length > 0) {
      shapes.set(symbol.getName(), new Set(fields));
    }
  }
  shapesOfContracts = shapes;
  return shapes;
}

// A web shape of this many fields or more that all belong to one contract type is a copy of it,
// whatever its name; fewer fields match too many unrelated types to say so.
const MIN_COPIED_FIELDS = 3;

/** Object shapes (interfaces, type literals) declared in a file, with their field names. */
function declaredShapes(file: string, text: string): { fields: string[]; at: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { fields: string[]; at: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) {
      const fields = node.members.flatMap((m) =>
        m.name !== undefined && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))
          ? [m.name.text]
          : [],
      );
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ fields, at: `${file.slice(webSrc.length)}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The contract types whose fields include every field of each web shape big enough to tell. */
function copiedShapes(shapes: Map<string, Set<string>>, file: string, text: string): string[] {
  return declaredShapes(file, text).flatMap(({ fields, at }) => {
    if (fields.length < MIN_COPIED_FIELDS) {
      return [];
    }
    const copied = [...shapes].filter(([, contract]) => fields.every((f) => contract.has(f)));
    return copied.length === 0 ? [] : [`${at} copies ${copied.map(([name]) => name).join('/')}`];
  });
}

/** Interfaces and type aliases declared anywhere in a file, with where. */
function declaredTypes(file: string): { name: string; at: string }[] {
  const text = ts.sys.readFile(file) ?? '';
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; at: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ name: node.name.text, at: `${file.slice(webSrc.length)}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('web types and the contracts', () => {
  it('the web app declares no type under a name the contracts export', () => {
    const names = contractNames();
    expect(names.has('Hospice') && names.has('BedStatus') && names.has('AuditEntry')).toBe(true);
    const files = ts.sys.readDirectory(webSrc, ['.ts', '.tsx']);
    expect(files.length).toBeGreaterThan(50);
    const copies = files.flatMap(declaredTypes).filter((d) => names.has(d.name));
    expect(copies).toEqual([]);
  });

  it('the web app declares no object shape whose fields all belong to one contract type', () => {
    const shapes = contractShapes();
    const files = ts.sys
      .readDirectory(webSrc, ['.ts', '.tsx'])
      .filter((f) => !f.endsWith('.test.ts'));
    const copies = files.flatMap((file) => copiedShapes(shapes, file, ts.sys.readFile(file) ?? ''));
    expect(copies).toEqual([]);
  });

  it('the shape check sees a copy under another name, and no shape of its own', () => {
    const shapes = contractShapes();
    const copy = `interface Finder { id: string; name: string; distanceKm: number; bedsFree: number }`;
    expect(copiedShapes(shapes, `${webSrc}copy.ts`, copy)).toEqual([
      'copy.ts:1 copies BedFinderHospice',
    ]);
    const own = `interface Tile { column: number; row: number; code: string }`;
    expect(copiedShapes(shapes, `${webSrc}own.ts`, own)).toEqual([]);
  });

  it('the check sees a copy when there is one', () => {
    const names = contractNames();
    const source = ts.createSourceFile(
      'copy.ts',
      'export interface TokenSummary { id: string }',
      ts.ScriptTarget.Latest,
    );
    const declared = source.statements.filter(ts.isInterfaceDeclaration).map((s) => s.name.text);
    expect(declared.filter((name) => names.has(name))).toEqual(['TokenSummary']);
  });
});
