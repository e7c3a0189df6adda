import { describe, expect, it } from 'vitest';
import { LOAD, SLOTS } from './forecast-slots';
import { sizePools } from './pools';
import { prepareRegion } from './prepare';
import { createRng } from './random';
import { POOLING_LEVELS } from './scenarios';

const region = prepareRegion({
  code: 'ZK98',
  basePopulation: { '0-64': 450_000, '65-79': 90_000, '80+': 30_000 },
  hospiceBeds: [4, 6, 8, 5, 7, 6, 4, 30],
});

/** Loads of `draws` draws (one of them zero, as a draw without demand has), SLOTS apart. */
function loads(draws: number): Float64Array {
  const rng = createRng({ seed: 5 });
  const out = new Float64Array(draws * SLOTS);
  for (let d = 0; d < draws; d++) {
    out[d * SLOTS + LOAD] = d === 6 ? 0 : 5 + rng.next() * 60;
  }
  return out;
}

describe('pool sizing in a given order of the draws', () => {
  // 13 draws: three groups of four and one alone, the zero load inside a group.
  const draws = 13;
  const reversed = Int32Array.from({ length: draws }, (_, d) => draws - 1 - d);
  const byLoad = (out: Float64Array) =>
    Int32Array.from({ length: draws }, (_, d) => d).sort(
      (a, b) => out[a * SLOTS + LOAD]! - out[b * SLOTS + LOAD]!,
    );

  it.each(POOLING_LEVELS)('gives every draw the same numbers in any order (%s)', (level) => {
    const plain = loads(draws);
    sizePools(region.pools, level, 0.05, { out: plain, offset: 0, draws, order: null });
    const sorted = loads(draws);
    sizePools(region.pools, level, 0.05, { out: sorted, offset: 0, draws, order: byLoad(sorted) });
    const backwards = loads(draws);
    sizePools(region.pools, level, 0.05, { out: backwards, offset: 0, draws, order: reversed });
    expect(Array.from(sorted)).toEqual(Array.from(plain));
    expect(Array.from(backwards)).toEqual(Array.from(plain));
    expect(plain.some((v, i) => i % SLOTS !== LOAD && v > 0)).toBe(true);
  });
});
