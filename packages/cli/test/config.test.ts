import { describe, expect, it } from 'vitest';
import { main } from '../src/main';
import type { Io } from '../src/usage';

function capture(env: Record<string, string>): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l), env }, out, err };
}

describe('palliamonitor with a bad environment variable', () => {
  it('exits with code 2 and one line naming the variable, before the command runs', async () => {
    const { io, out, err } = capture({ FRESHNESS_HOURS: 'een dag' });
    expect(await main(['erlang-b', '--load', '5', '--beds', '8'], io)).toBe(2);
    expect(err).toEqual([
      'palliamonitor: invalid FRESHNESS_HOURS: een dag (a number of hours above 0)',
    ]);
    expect(out).toEqual([]);
  });

  it('runs the command when every variable is valid', async () => {
    const { io, out, err } = capture({ FRESHNESS_HOURS: '12' });
    expect(await main(['erlang-b', '--load', '5', '--beds', '8'], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.length).toBeGreaterThan(0);
  });
});
