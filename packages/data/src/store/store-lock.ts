import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The embedded store belongs to one process at a time: two PostgreSQL instances on one data folder
// would corrupt it. The owner writes its pid (and, once listening, its URL) to a lock file; another
// process that finds a live owner is refused with a clear message, and read-only commands can ask
// the owner's API instead. A lock left by a killed process (dead pid) is taken over.

export interface StoreLock {
  pid: number;
  url?: string;
  startedAt: string;
}

export class StoreBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: StoreLock,
  ) {
    super(
      `the embedded store in ${dataDir} is in use by another process (pid ${owner.pid}${owner.url ? `, ${owner.url}` : ''}); stop it first or use DATABASE_URL`,
    );
    this.name = 'StoreBusyError';
  }
}

const lockPath = (dataDir: string) => path.join(dataDir, 'palliamonitor.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readStoreLock(dataDir: string): StoreLock | undefined {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as StoreLock;
    return typeof lock.pid === 'number' && lock.pid !== process.pid && isAlive(lock.pid)
      ? lock
      : undefined;
  } catch {
    return undefined;
  }
}

export function acquireStoreLock(dataDir: string): void {
  const owner = readStoreLock(dataDir);
  if (owner) {
    throw new StoreBusyError(dataDir, owner);
  }
  const lock: StoreLock = { pid: process.pid, startedAt: new Date().toISOString() };
  writeFileSync(lockPath(dataDir), JSON.stringify(lock));
}

/** Records where the owning process serves its API, for read-only commands run beside it. */
export function announceStoreUrl(dataDir: string, url: string): void {
  const lock: StoreLock = { pid: process.pid, url, startedAt: new Date().toISOString() };
  writeFileSync(lockPath(dataDir), JSON.stringify(lock));
}

export function releaseStoreLock(dataDir: string): void {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as StoreLock;
    if (lock.pid === process.pid) {
      rmSync(lockPath(dataDir), { force: true });
    }
  } catch {
    // no lock: nothing to release
  }
}
