import type { Feature } from 'geojson';
import type { BoundaryLayer } from './boundary-types';

// How a feature's properties name its region: code, name and year, in the spellings CBS, PDOK
// and other sources use.

const LAYER_PATTERNS: readonly (readonly [BoundaryLayer, RegExp])[] = [
  ['gemeente', /^GM\d{4}$/],
  ['provincie', /^PV\d{2}$/],
  ['zorgkantoorregio', /^ZK\d{2}$/],
];

/** Property names that carry the region code, in order of preference (CBS/PDOK, then others). */
export const CODE_PROPERTIES = [
  'statcode',
  'identificatie',
  'gemeentecode',
  'provinciecode',
  'zorgkantoorregiocode',
  'GM_CODE',
  'PV_CODE',
  'code',
] as const;
export const NAME_PROPERTIES = [
  'statnaam',
  'gemeentenaam',
  'provincienaam',
  'zorgkantoorregionaam',
  'naam',
  'GM_NAAM',
  'PV_NAAM',
  'name',
] as const;

/** Prefix used when a code property holds only digits (e.g. gemeentecode "0014"). */
const NUMERIC_CODE_PREFIX: Readonly<Record<string, { prefix: string; width: number }>> = {
  gemeentecode: { prefix: 'GM', width: 4 },
  provinciecode: { prefix: 'PV', width: 2 },
  zorgkantoorregiocode: { prefix: 'ZK', width: 2 },
};

const YEAR_IN_NAME = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/;

export function layerOf(code: string): BoundaryLayer | null {
  return LAYER_PATTERNS.find(([, pattern]) => pattern.test(code))?.[0] ?? null;
}

export function findCode(
  properties: Record<string, unknown>,
  id: Feature['id'],
): { code: string; property: string } | null {
  for (const property of CODE_PROPERTIES) {
    const value = properties[property];
    if (typeof value !== 'string' && typeof value !== 'number') {
      continue;
    }
    let code = String(value).trim();
    if (code === '') {
      continue;
    }
    const numeric = NUMERIC_CODE_PREFIX[property];
    if (numeric !== undefined && /^\d+$/.test(code)) {
      code = numeric.prefix + code.padStart(numeric.width, '0');
    }
    // PDOK "code" without prefix (bestuurlijke gebieden) is only usable next to identificatie.
    if (property === 'code' && /^\d+$/.test(code)) {
      continue;
    }
    return { code: code.toUpperCase(), property };
  }
  if (typeof id === 'string' && layerOf(id.trim()) !== null) {
    return { code: id.trim(), property: 'id' };
  }
  return null;
}

export function findString(
  properties: Record<string, unknown>,
  names: readonly string[],
): string | null {
  for (const name of names) {
    const value = properties[name];
    if (typeof value === 'string' && value.trim() !== '') {
      return value.trim();
    }
  }
  return null;
}

export function yearFromProperties(properties: Record<string, unknown>): number | null {
  const jr = properties['jrstatcode'];
  if (typeof jr === 'string') {
    const match = /^((?:19|20)\d{2})[A-Z]{2}/.exec(jr.trim());
    if (match?.[1] !== undefined) {
      return Number(match[1]);
    }
  }
  const jaar = properties['jaarcode'] ?? properties['jaar'];
  if (
    (typeof jaar === 'string' || typeof jaar === 'number') &&
    /^(19|20)\d{2}$/.test(String(jaar))
  ) {
    return Number(jaar);
  }
  return null;
}

export function yearInName(name: string): number | null {
  const match = YEAR_IN_NAME.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}
