import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie, token or link: 32 bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256; a leaked table gives no usable session or token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
