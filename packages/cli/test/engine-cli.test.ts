import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

const vectors = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../model/test/fixtures/erlang_vectors.json', import.meta.url)),
    'utf8',
  ),
) as {
  erlang_b: Array<{ a: number; c: number; B: string }>;
  inverse_min_beds: Array<{ a: number; target: number; c_min: number }>;
};

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('palliamonitor erlang-b and beds', () => {
  it('erlang-b prints exactly {"blocking", "occupancy"} matching the reference vectors', async () => {
    for (const v of vectors.erlang_b.slice(0, 20)) {
      const result = await run('erlang-b', '--load', String(v.a), '--beds', String(v.c));
      expect(result.code).toBe(0);
      const body = JSON.parse(result.out);
      expect(Object.keys(body)).toEqual(['blocking', 'occupancy']);
      expect(Math.abs(body.blocking - Number(v.B)) / Number(v.B)).toBeLessThan(1e-10);
    }
  });

  it('beds prints exactly {"beds", "blocking", "occupancy"} with the minimal bed count', async () => {
    for (const v of vectors.inverse_min_beds.slice(0, 20)) {
      const result = await run('beds', '--load', String(v.a), '--target', String(v.target));
      const body = JSON.parse(result.out);
      expect(Object.keys(body)).toEqual(['beds', 'blocking', 'occupancy']);
      expect(body.beds).toBe(v.c_min);
      expect(body.blocking).toBeLessThanOrEqual(v.target);
    }
  });

  it.each([
    [['erlang-b', '--load', '-1', '--beds', '5'], /--load must be a number ≥ 0/],
    [['erlang-b', '--load', '5'], /missing option --beds/],
    [['erlang-b', '--load', 'abc', '--beds', '5'], /--load must be a number/],
    [
      ['beds', '--load', '5', '--target', '0'],
      /--target must be a probability strictly between 0 and 1/,
    ],
    [['beds', '--load', '5', '--target', '1.2'], /--target must be a probability/],
    [
      ['forecast', '--scenario', 'baseline', '--from', '2024', '--to', '2030'],
      /missing option --region/,
    ],
    [
      ['forecast', '--region', 'XX1', '--scenario', 'baseline', '--from', '2024', '--to', '2030'],
      /--region must be/,
    ],
    [
      ['forecast', '--region', 'NL', '--scenario', 'baseline', '--from', '1999', '--to', '2030'],
      /--from must be a year 2000–2050/,
    ],
    [
      ['forecast', '--region', 'NL', '--scenario', 'baseline', '--from', '2030', '--to', '2025'],
      /--to must be a year/,
    ],
  ])('%j → exit 2 and one line', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
  });
});
