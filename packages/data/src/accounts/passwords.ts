import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

// Passwords are stored as scrypt hashes with a random per-user salt, in a self-describing string
// `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.

/** The work factor of every stored password: scrypt N = 2^14, r = 8, p = 1 (16 MiB, ~50 ms). */
export const PASSWORD_COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

let cost: { N: number; r: number; p: number } = PASSWORD_COST;

/**
 * For tests whose subject is not the hashing itself (fuzzing thousands of requests): hashes made
 * after this call use a trivial work factor. Not exported from the package, and no source file
 * calls it (a test holds both), so the product always hashes at PASSWORD_COST; a hash stays
 * verifiable at whatever cost it names.
 */
export function usePasswordCostForTests(testCost: { N: number; r: number; p: number }): void {
  cost = testCost;
}

/** The cost new hashes are made with: PASSWORD_COST, unless a test lowered it. */
export function passwordCost(): { N: number; r: number; p: number } {
  return cost;
}

function scrypt(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export const MIN_PASSWORD_LENGTH = 12;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = cost;
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) {
    return false;
  }
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
