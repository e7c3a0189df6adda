import type { AgeBand } from './tables';

// CBS age categories, and how they add up to the bands the monitor uses.

/** Age category: `total`, or the half-open interval [from, to) in years (to = Infinity: "or older"). */
export type AgeCategory = { kind: 'total' } | { kind: 'range'; from: number; to: number };

const FIXED_CODES: Readonly<Record<string, AgeCategory>> = {
  '10000': { kind: 'total' },
  '10010': { kind: 'range', from: 0, to: 1 },
  '22300': { kind: 'range', from: 105, to: Infinity },
  '22000': { kind: 'range', from: 95, to: Infinity },
  '51300': { kind: 'range', from: 1, to: 5 },
  '21700': { kind: 'range', from: 0, to: 65 },
  '41700': { kind: 'range', from: 65, to: 80 },
  '53950': { kind: 'range', from: 80, to: Infinity },
};

/**
 * CBS Leeftijd codes whose meaning is confirmed from table metadata: 03759ned single years
 * (10010 = 0 jaar, 10100 + 100·n = n jaar, 19901–19905 = 100–104 jaar, 22300 = 105 jaar of
 * ouder), 5-year groups used in 03747/80202ned (51300 = 1 tot 5, 70200 + 100·k = 5(k+1) tot
 * 5(k+2) jaar, 22000 = 95 jaar of ouder) and the broad groups of 70895ned (21700 = 0 tot 65,
 * 41700 = 65 tot 80, 53950 = 80 jaar of ouder).
 */
export function ageFromCode(code: string): AgeCategory | null {
  const known = FIXED_CODES[code];
  if (known !== undefined) {
    return known;
  }
  if (!/^\d{5}$/.test(code)) {
    return null;
  }
  const n = Number(code);
  if (n >= 10100 && n <= 19900 && n % 100 === 0) {
    const age = (n - 10000) / 100;
    return { kind: 'range', from: age, to: age + 1 };
  }
  if (n >= 19901 && n <= 19905) {
    const age = 100 + (n - 19901);
    return { kind: 'range', from: age, to: age + 1 };
  }
  if (n >= 70200 && n <= 71900 && n % 100 === 0) {
    const from = ((n - 70100) / 100) * 5;
    return { kind: 'range', from, to: from + 5 };
  }
  return null;
}

/** Dutch (and English) StatLine age labels: "Totaal", "65 jaar", "65 tot 70 jaar", "95 jaar of ouder". */
export function ageFromLabel(label: string): AgeCategory | null {
  const text = label.trim().toLowerCase();
  if (/^(totaal|total)( (leeftijd|alle leeftijden|all ages))?$/.test(text)) {
    return { kind: 'total' };
  }
  let m = /^(\d+) (jaar|years?)$/.exec(text);
  if (m) {
    return { kind: 'range', from: Number(m[1]), to: Number(m[1]) + 1 };
  }
  m = /^(\d+) (tot|to) (\d+) (jaar|years)$/.exec(text);
  if (m) {
    return { kind: 'range', from: Number(m[1]), to: Number(m[3]) };
  }
  m = /^(\d+) (jaar of ouder|years or older|years and over)$/.exec(text);
  if (m) {
    return { kind: 'range', from: Number(m[1]), to: Infinity };
  }
  m = /^(jonger dan|younger than) (\d+) (jaar|years)$/.exec(text);
  if (m) {
    return { kind: 'range', from: 0, to: Number(m[2]) };
  }
  return null;
}

export const BANDS: readonly (readonly [Exclude<AgeBand, 'total'>, number, number])[] = [
  ['0-64', 0, 65],
  ['65-79', 65, 80],
  ['80+', 80, Infinity],
];

/**
 * Sum over a set of age intervals that exactly tiles [from, to), using as few intervals as
 * possible (breadth-first over interval end points). null when no exact tiling exists.
 */
export function coverSum(
  intervals: readonly { from: number; to: number; value: number }[],
  from: number,
  to: number,
): number | null {
  const best = new Map<number, number>([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const start of frontier) {
      const sofar = best.get(start) ?? 0;
      for (const iv of intervals) {
        if (iv.from === start && !best.has(iv.to)) {
          best.set(iv.to, sofar + iv.value);
          next.push(iv.to);
        }
      }
    }
    frontier = next;
  }
  return best.get(to) ?? null;
}
