import { describe, expect, it } from 'vitest';
import { erlangB } from '@palliamonitor/model';
import { main } from '../src/main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('palliamonitor calculators', () => {
  it('norm --admissions 7500 --los 22 --occupancy 0.8 prints exactly {"beds": 566, "exact": …}', async () => {
    const result = await run('norm', '--admissions', '7500', '--los', '22', '--occupancy', '0.8');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const body = JSON.parse(result.out);
    expect(Object.keys(body)).toEqual(['beds', 'exact']);
    expect(body.beds).toBe(566);
    expect(body.exact).toBeCloseTo(565.0685, 4);
  });

  it('occupancy from guests, stay, beds and open days', async () => {
    const result = await run('occupancy', '--guests', '100', '--los', '22', '--beds', '18');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      occupancy: 2200 / 6570,
      bedDaysUsed: 2200,
      bedDaysAvailable: 6570,
    });
    const part = await run('occupancy', '--guests=100', '--los=22', '--beds=18', '--open-days=182');
    expect(JSON.parse(part.out).bedDaysAvailable).toBe(3276);
  });

  it('erlang-curve marks today’s beds and the target', async () => {
    const result = await run(
      'erlang-curve',
      '--admissions',
      '365',
      '--los',
      '16',
      '--beds',
      '18',
      '--target',
      '0.05',
      '--from-beds',
      '15',
      '--to-beds',
      '20',
    );
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out);
    expect(body.points.map((p: { beds: number }) => p.beds)).toEqual([15, 16, 17, 18, 19, 20]);
    expect(body.currentBeds.blocking).toBeCloseTo(erlangB({ offeredLoad: 16, beds: 18 }), 14);
    // B(16, 20) = 0.0644 > 5% ≥ B(16, 21) = 0.0468.
    expect(body.target.beds).toBe(21);
  });

  it('simulate is seeded: the same command gives the same answer', async () => {
    const argv = [
      'simulate',
      '--beds',
      '8',
      '--load',
      '6',
      '--stay',
      'lognormal',
      '--los',
      '22',
      '--cv',
      '1.2',
      '--seasonality',
      'deaths',
      '--days',
      '3650',
      '--seed',
      '3',
    ];
    const a = await run(...argv);
    expect(a.code).toBe(0);
    expect((await run(...argv)).out).toBe(a.out);
    const body = JSON.parse(a.out);
    expect(body.inputs.seasonality.kind).toBe('deaths');
    expect(body.blocking.mean).toBeGreaterThan(0);
    expect(body.blocking.mean).toBeLessThan(1);
  });

  it.each([
    [
      ['norm', '--admissions', '7500', '--los', '22', '--occupancy', '1.2'],
      /^palliamonitor norm: --occupancy must be a number > 0 and ≤ 1, got "1.2"$/,
    ],
    [
      ['norm', '--admissions', '7500', '--los', '22', '--occupancy', '0'],
      /--occupancy must be a number > 0/,
    ],
    [
      ['norm', '--admissions', 'abc', '--los', '22', '--occupancy', '0.8'],
      /--admissions must be a number ≥ 0, got "abc"/,
    ],
    [
      ['norm', '--admissions', '-1', '--los', '22', '--occupancy', '0.8'],
      /--admissions must be a number ≥ 0, got "-1"/,
    ],
    [['norm', '--admissions', '7500', '--occupancy', '0.8'], /--los is required/],
    [
      ['norm', '--admissions', '7500', '--los', '22', '--occupancy', '0.8', '--beds', '4'],
      /Unknown option '--beds'/,
    ],
    [['norm', '--admissions', '7500', '--los'], /--los/],
    [
      ['occupancy', '--guests', '2120', '--los', '22', '--beds', '18'],
      /--guests × --los is 46640 bed-days, more than the 6570/,
    ],
    [
      ['occupancy', '--guests', '1', '--los', '22', '--beds', '2.5'],
      /--beds must be a whole number ≥ 1/,
    ],
    [
      ['erlang-curve', '--load', '5', '--admissions', '100'],
      /--load cannot be given together with --admissions/,
    ],
    [['erlang-curve'], /--load is required, or --admissions instead/],
    [['erlang-curve', '--admissions', '100'], /--los is required with --admissions/],
    [
      ['simulate', '--beds', '8', '--load', '6', '--stay', 'lognormal', '--los', '22'],
      /--cv is required with --stay=lognormal/,
    ],
    [
      ['simulate', '--beds', '8', '--load', '6', '--los', '22', '--stay', 'gamma'],
      /--stay must be one of exponential, lognormal, empirical/,
    ],
    [
      ['simulate', '--beds', '8', '--load', '6', '--stay', 'empirical', '--stays', '5,0'],
      /--stays must be numbers > 0, got "0"/,
    ],
    [
      ['simulate', '--beds', '5000', '--load', '6', '--los', '22', '--days', '36500'],
      /--days makes the simulation too large/,
    ],
  ])('%j → exit 2 and one line', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
  });
});
