import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nl } from './nl';

// The server sends every validation and access message with a stable code; the interface words it
// in Dutch (and English) from `problem.<code>`. This reads the server's sources for the codes it
// can send, so a new message without a Dutch text is noticed here, not by a volunteer.

const packages = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The namespaces of the codes the interface knows ('bedStatus', 'return', …). */
const namespaces = [
  ...new Set(
    Object.keys(nl)
      .filter((key) => key.startsWith('problem.'))
      .map((key) => key.split('.')[1]!),
  ),
];

function serverCodes(): Set<string> {
  const codes = new Set<string>();
  // Any string literal '<namespace>.<name>' in the server's sources is a message code.
  const literal = new RegExp(`'((?:${namespaces.join('|')})\\.[A-Za-z]+)'`, 'g');
  for (const file of [...sources(`${packages}data/src`), ...sources(`${packages}server/src`)]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(literal)) {
      codes.add(match[1]!);
    }
    // deny('English reason', 'code'): access codes in the authorization rules.
    for (const match of text.matchAll(/deny\(\s*(?:'[^']*'|`[^`]*`),\s*'([A-Za-z]+)'/g)) {
      codes.add(`access.${match[1]}`);
    }
  }
  return codes;
}

describe('server message codes', () => {
  it('finds the codes of the bed-status, movement and access messages', () => {
    const codes = serverCodes();
    expect(codes).toContain('bedStatus.occupiedAboveOpen');
    expect(codes).toContain('stay.departureBeforeAdmission');
    expect(codes).toContain('access.notThisHospice');
    expect(codes).toContain('access.csrf');
    expect(codes).toContain('return.flowUnbalanced');
    expect(codes).toContain('csv.columnMissing');
  });

  it('has a Dutch text for every code the server sends', () => {
    const missing = [...serverCodes()].filter((code) => !Object.hasOwn(nl, `problem.${code}`));
    expect(missing).toEqual([]);
  });
});
