import { afterEach, describe, expect, it } from 'vitest';
import { dropPending, keepPending, readPending, todayInNetherlands } from './pending-change';

// A minimal localStorage for the test environment (node), with the browser's semantics.
const memory = new Map<string, string>();
(globalThis as { window?: unknown }).window = {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
};

describe('a change kept while offline', () => {
  afterEach(() => memory.clear());

  it('is kept per hospice until dropped', () => {
    keepPending('h-1', { kind: 'confirm', etag: '"e12"', done: 'hospice.savedConfirm' });
    expect(readPending('h-1')).toEqual({
      kind: 'confirm',
      etag: '"e12"',
      done: 'hospice.savedConfirm',
    });
    expect(readPending('h-2')).toBeNull();
    dropPending('h-1');
    expect(readPending('h-1')).toBeNull();
  });

  it('ignores a damaged or unknown entry rather than sending it', () => {
    memory.set('palliamonitor.wijziging.h-1', '{not json');
    expect(readPending('h-1')).toBeNull();
    memory.set('palliamonitor.wijziging.h-1', JSON.stringify({ kind: 'delete-all' }));
    expect(readPending('h-1')).toBeNull();
    memory.set('palliamonitor.wijziging.h-1', JSON.stringify({ kind: 'waiting-list', size: '3' }));
    expect(readPending('h-1')).toBeNull();
  });

  it('dates refusals and the waiting list by the day in the Netherlands', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(todayInNetherlands(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
