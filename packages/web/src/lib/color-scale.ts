// Colour scales for the maps. Sequential: one blue hue from light to dark (readable for every kind of
// colour blindness because only lightness changes). Diverging (for gaps: shortage vs surplus): orange
// to purple (ColorBrewer PuOr), which stays distinct under deuteranopia, protanopia and tritanopia.
// Every class is also named in the legend and the table, so colour is never the only carrier.

export const SEQUENTIAL = ['#e6f1f8', '#b3d4ea', '#6fabd6', '#2f7fbd', '#01578c'] as const;
export const DIVERGING = ['#b35806', '#f1a340', '#f2f2f2', '#998ec3', '#542788'] as const;
export const NO_DATA = '#ffffff';

export interface ColorClass {
  /** Inclusive lower bound. */
  readonly from: number;
  /** Exclusive upper bound (inclusive for the last class). */
  readonly to: number;
  readonly color: string;
}

export interface ColorScale {
  readonly kind: 'sequential' | 'diverging';
  readonly classes: readonly ColorClass[];
  colorOf(value: number | null | undefined): string;
}

/** Rounds to two significant digits, so legend bounds read as 3,4 rather than 3,4170. */
export function niceRound(value: number): number {
  if (value === 0 || !Number.isFinite(value)) {
    return value;
  }
  const exponent = Math.floor(Math.log10(Math.abs(value))) - 1;
  // Divide by a negative power of ten rather than multiply, so 3.417 gives 3.4, not 3.4000000000000004.
  return exponent < 0
    ? Math.round(value * 10 ** -exponent) / 10 ** -exponent
    : Math.round(value / 10 ** exponent) * 10 ** exponent;
}

function classify(classes: readonly ColorClass[], value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value) || classes.length === 0) {
    return NO_DATA;
  }
  for (const c of classes) {
    if (value < c.to) {
      return c.color;
    }
  }
  return classes.at(-1)!.color;
}

/**
 * Sequential scale with up to five classes at the quintiles of the values (rounded to two
 * significant digits; equal bounds merged), so each colour covers about as many regions.
 */
export function sequentialScale(values: readonly (number | null | undefined)[]): ColorScale {
  const finite = values
    .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (finite.length === 0) {
    return { kind: 'sequential', classes: [], colorOf: () => NO_DATA };
  }
  const min = finite[0]!;
  const max = finite.at(-1)!;
  const bounds = [min];
  for (let k = 1; k < SEQUENTIAL.length; k++) {
    const q = niceRound(finite[Math.floor((k * finite.length) / SEQUENTIAL.length)]!);
    if (q > bounds.at(-1)! && q < max) {
      bounds.push(q);
    }
  }
  bounds.push(max);
  const count = Math.max(1, bounds.length - 1);
  // Spread the used colours over the whole ramp so two classes are light and dark, not two lights.
  const classes: ColorClass[] = [];
  for (let i = 0; i < count; i++) {
    const colorIndex =
      count === 1 ? SEQUENTIAL.length - 1 : Math.round((i * (SEQUENTIAL.length - 1)) / (count - 1));
    classes.push({ from: bounds[i]!, to: bounds[i + 1] ?? max, color: SEQUENTIAL[colorIndex]! });
  }
  return { kind: 'sequential', classes, colorOf: (v) => classify(classes, v) };
}

/**
 * Diverging scale symmetric around zero: strong and mild shortage (negative), about zero, mild and
 * strong surplus (positive). `step` is the half-width of the middle class.
 */
export function divergingScale(values: readonly (number | null | undefined)[]): ColorScale {
  const finite = values.filter(
    (v): v is number => v !== null && v !== undefined && Number.isFinite(v),
  );
  if (finite.length === 0) {
    return { kind: 'diverging', classes: [], colorOf: () => NO_DATA };
  }
  const extent = Math.max(1, ...finite.map((v) => Math.abs(v)));
  const step = Math.max(0.5, niceRound(extent / 5));
  const edge = Math.max(step * 3, extent);
  const classes: ColorClass[] = [
    { from: -edge, to: -step * 3, color: DIVERGING[0] },
    { from: -step * 3, to: -step, color: DIVERGING[1] },
    { from: -step, to: step, color: DIVERGING[2] },
    { from: step, to: step * 3, color: DIVERGING[3] },
    { from: step * 3, to: edge, color: DIVERGING[4] },
  ];
  return { kind: 'diverging', classes, colorOf: (v) => classify(classes, v) };
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white text, whichever contrasts more with the background. */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}
