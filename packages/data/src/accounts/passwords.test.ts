import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as dataPackage from '../index';
import { dummyHash } from './accounts.repository';
import { hashPassword, PASSWORD_COST, usePasswordCostForTests, verifyPassword } from './passwords';

// Tests that send thousands of sign-ins may lower the scrypt work factor; the product never may.
// These tests hold that: what hashes by default, and that nothing outside tests can lower it.

const packages = fileURLToPath(new URL('../../../', import.meta.url));

/** Every source file the product runs: packages/*\/src and bin, tests left out. */
function productFiles(): string[] {
  return readdirSync(packages).flatMap((name) =>
    ['src', 'bin'].flatMap((folder) => {
      const dir = path.join(packages, name, folder);
      if (!existsSync(dir)) {
        return [];
      }
      const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
        entry.isFile(),
      );
      return entries
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => /\.(ts|tsx|js)$/.test(file) && !/\.test\.tsx?$/.test(file));
    }),
  );
}

describe('password hashes', () => {
  it('are made at the full cost, scrypt N = 16384, r = 8, p = 1', async () => {
    expect(PASSWORD_COST).toEqual({ N: 16_384, r: 8, p: 1 });
    const stored = await hashPassword('een-lang-wachtwoord');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('een-lang-wachtwoord', stored)).toBe(true);
    expect(await verifyPassword('een-ander-wachtwoord', stored)).toBe(false);
    // An unknown address is checked against a hash of the same cost, so it takes as long.
    expect(dummyHash()).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('een-lang-wachtwoord', dummyHash())).toBe(false);
  });

  it('cannot be made cheaper by the product: the lowering is neither exported nor called', () => {
    expect(Object.keys(dataPackage)).not.toContain('usePasswordCostForTests');
    const callers = productFiles().filter(
      (file) =>
        !file.endsWith(path.join('accounts', 'passwords.ts')) &&
        readFileSync(file, 'utf8').includes('usePasswordCostForTests'),
    );
    expect(productFiles().length).toBeGreaterThan(100);
    expect(callers).toEqual([]);
  });

  it('keep their own cost: a full-cost hash still verifies after a test lowered it', async () => {
    const full = await hashPassword('een-lang-wachtwoord');
    usePasswordCostForTests({ N: 16, r: 1, p: 1 });
    try {
      const cheap = await hashPassword('een-lang-wachtwoord');
      expect(cheap).toMatch(/^scrypt\$16\$1\$1\$/);
      expect(await verifyPassword('een-lang-wachtwoord', full)).toBe(true);
      expect(await verifyPassword('een-lang-wachtwoord', cheap)).toBe(true);
    } finally {
      usePasswordCostForTests(PASSWORD_COST);
    }
  });
});
