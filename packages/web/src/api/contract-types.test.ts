import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No API shape is written twice: the web app takes its types from the contracts and declares none
// under a name the contracts export. Names are read with the TypeScript compiler, not by pattern.

const webSrc = fileURLToPath(new URL('../', import.meta.url));
const contractsIndex = fileURLToPath(new URL('../../../contracts/src/index.ts', import.meta.url));

function contractNames(): Set<string> {
  const program = ts.createProgram([contractsIndex], { noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(contractsIndex)!;
  const module = checker.getSymbolAtLocation(source)!;
  return new Set(checker.getExportsOfModule(module).map((symbol) => symbol.getName()));
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
