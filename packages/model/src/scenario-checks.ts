// Checks and comparisons of scenarios received as JSON (e.g. saved by a user through the API).

import {
  FIRST_YEAR,
  LAST_YEAR,
  NUMERIC_PARAMETERS,
  POOLING_LEVELS,
  UNCERTAIN_PARAMETERS,
  point,
  poolingAt,
  valueAt,
  type Basis,
  type MultiplierDistribution,
  type NumericParameter,
  type ParameterPath,
  type PathPoint,
  type PoolingLevel,
  type Scenario,
  type ScenarioParameters,
  type UncertainParameter,
} from './scenarios';

// Validation returns issues, never throws.

export interface ScenarioIssue {
  /** JSON path of the offending value, e.g. "parameters.hospiceShare.points[1].value". */
  readonly path: string;
  readonly message: string;
}

export type ParseScenarioResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

interface Range {
  readonly min: number;
  readonly max: number;
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
  readonly label: string;
}

const SHARE: Range = { min: 0, max: 1, label: 'a share within [0, 1]' };
const RANGES: { readonly [key in NumericParameter]: Range } = {
  expectedShare: SHARE,
  hospiceShare: SHARE,
  aliveDischargeShare: SHARE,
  informalCareIndex: { min: 0, max: 2, label: 'an index within [0, 2]' },
  informalCareK: { min: 0, max: 5, label: 'a factor within [0, 5]' },
  losMean: { min: 0, max: 365, minOpen: true, label: 'days, > 0 and ≤ 365' },
  losMedian: { min: 0, max: 365, minOpen: true, label: 'days, > 0 and ≤ 365' },
  targetRefusal: { min: 0, max: 1, minOpen: true, maxOpen: true, label: 'a probability in (0, 1)' },
  occupancyNorm: { min: 0, max: 1, minOpen: true, label: 'an occupancy in (0, 1]' },
  mortalityImprovement: { min: -0.05, max: 0.05, label: 'a yearly rate within [-0.05, 0.05]' },
};

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inRange(value: number, r: Range): boolean {
  return (
    Number.isFinite(value) &&
    (r.minOpen === true ? value > r.min : value >= r.min) &&
    (r.maxOpen === true ? value < r.max : value <= r.max)
  );
}

function parsePath<T>(
  raw: unknown,
  path: string,
  issues: ScenarioIssue[],
  parseValue: (value: unknown, at: string) => T | undefined,
): ParameterPath<T> | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.points)) {
    issues.push({ path, message: 'must be an object with a "points" array' });
    return undefined;
  }
  const rawPoints: unknown[] = raw.points;
  if (rawPoints.length === 0) {
    issues.push({ path: `${path}.points`, message: 'must have at least one point' });
    return undefined;
  }
  const points: PathPoint<T>[] = [];
  let previousYear = -Infinity;
  let isValid = true;
  rawPoints.forEach((rawPoint, i) => {
    const at = `${path}.points[${i}]`;
    if (!isRecord(rawPoint)) {
      issues.push({ path: at, message: 'must be an object' });
      isValid = false;
      return;
    }
    const { year, value, basis, source, note } = rawPoint;
    if (
      typeof year !== 'number' ||
      !Number.isInteger(year) ||
      year < FIRST_YEAR ||
      year > LAST_YEAR
    ) {
      issues.push({
        path: `${at}.year`,
        message: `must be a whole year from ${FIRST_YEAR} to ${LAST_YEAR}`,
      });
      isValid = false;
    } else if (year <= previousYear) {
      issues.push({ path: `${at}.year`, message: 'years must increase' });
      isValid = false;
    } else {
      previousYear = year;
    }
    const parsed = parseValue(value, `${at}.value`);
    if (parsed === undefined) {
      isValid = false;
    }
    if (basis !== 'sourced' && basis !== 'assumption') {
      issues.push({ path: `${at}.basis`, message: 'must be "sourced" or "assumption"' });
      isValid = false;
    }
    if (basis === 'sourced' && (typeof source !== 'string' || source.trim() === '')) {
      issues.push({ path: `${at}.source`, message: 'a sourced value needs its source' });
      isValid = false;
    }
    if (source !== undefined && typeof source !== 'string') {
      issues.push({ path: `${at}.source`, message: 'must be text' });
      isValid = false;
    }
    if (note !== undefined && typeof note !== 'string') {
      issues.push({ path: `${at}.note`, message: 'must be text' });
      isValid = false;
    }
    if (isValid && parsed !== undefined && typeof year === 'number') {
      points.push(
        point(
          year,
          parsed,
          basis as Basis,
          typeof source === 'string' ? source : undefined,
          typeof note === 'string' ? note : undefined,
        ),
      );
    }
  });
  return isValid ? { points } : undefined;
}

function parseDistribution(
  raw: unknown,
  path: string,
  issues: ScenarioIssue[],
): MultiplierDistribution | undefined {
  if (!isRecord(raw)) {
    issues.push({ path, message: 'must be an object' });
    return undefined;
  }
  const { basis, source, note } = raw;
  const count = issues.length;
  if (basis !== 'sourced' && basis !== 'assumption') {
    issues.push({ path: `${path}.basis`, message: 'must be "sourced" or "assumption"' });
  }
  const meta = {
    basis: basis as Basis,
    ...(typeof source === 'string' ? { source } : {}),
    ...(typeof note === 'string' ? { note } : {}),
  };
  if (raw.distribution === 'triangular') {
    const { min, mode, max } = raw;
    if (
      typeof min !== 'number' ||
      typeof mode !== 'number' ||
      typeof max !== 'number' ||
      !(min > 0 && min <= mode && mode <= max && min < max && max <= 10)
    ) {
      issues.push({ path, message: 'triangular needs 0 < min ≤ mode ≤ max ≤ 10 and min < max' });
      return undefined;
    }
    return issues.length === count
      ? { distribution: 'triangular', min, mode, max, ...meta }
      : undefined;
  }
  if (raw.distribution === 'normal') {
    const { mean, sd } = raw;
    if (
      typeof mean !== 'number' ||
      typeof sd !== 'number' ||
      !(mean > 0 && mean <= 10 && sd >= 0 && sd <= mean)
    ) {
      issues.push({ path, message: 'normal needs 0 < mean ≤ 10 and 0 ≤ sd ≤ mean' });
      return undefined;
    }
    return issues.length === count ? { distribution: 'normal', mean, sd, ...meta } : undefined;
  }
  issues.push({ path: `${path}.distribution`, message: 'must be "triangular" or "normal"' });
  return undefined;
}

/**
 * Validates a scenario received as JSON (e.g. saved by a user through the API). Returns the scenario,
 * or every issue found as { path, message }; never throws. Rules: id kebab-case; version 1; years
 * 2024–2050 and increasing; shares within [0, 1]; LOS > 0 and median ≤ mean; target refusal in
 * (0, 1); occupancy norm in (0, 1]; pooling one of hospice, cluster, region; sourced values name
 * their source.
 */
export function parseScenario(input: unknown): ParseScenarioResult {
  const issues: ScenarioIssue[] = [];
  if (!isRecord(input)) {
    return { ok: false, issues: [{ path: '', message: 'must be an object' }] };
  }
  const { id, name, version, description, parameters, uncertainty } = input;
  if (typeof id !== 'string' || !KEBAB.test(id) || id.length > 64) {
    issues.push({
      path: 'id',
      message: 'must be kebab-case (a-z, 0-9 and single hyphens), at most 64 characters',
    });
  }
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    issues.push({ path: 'name', message: 'must be a non-empty text of at most 200 characters' });
  }
  if (version !== 1) {
    issues.push({ path: 'version', message: 'must be 1' });
  }
  if (description !== undefined && typeof description !== 'string') {
    issues.push({ path: 'description', message: 'must be text' });
  }
  const parsedParameters: Partial<Record<NumericParameter | 'pooling', ParameterPath<unknown>>> =
    {};
  if (!isRecord(parameters)) {
    issues.push({ path: 'parameters', message: 'must be an object' });
  } else {
    for (const key of NUMERIC_PARAMETERS) {
      const range = RANGES[key];
      const parsed = parsePath<number>(
        parameters[key],
        `parameters.${key}`,
        issues,
        (value, at) => {
          if (typeof value !== 'number' || !inRange(value, range)) {
            issues.push({ path: at, message: `must be ${range.label}` });
            return undefined;
          }
          return value;
        },
      );
      if (parsed !== undefined) {
        parsedParameters[key] = parsed;
      }
    }
    const pooling = parsePath<PoolingLevel>(
      parameters.pooling,
      'parameters.pooling',
      issues,
      (value, at) => {
        if (typeof value !== 'string' || !(POOLING_LEVELS as readonly string[]).includes(value)) {
          issues.push({ path: at, message: 'must be "hospice", "cluster" or "region"' });
          return undefined;
        }
        return value as PoolingLevel;
      },
    );
    if (pooling !== undefined) {
      parsedParameters.pooling = pooling;
    }
    for (const key of Object.keys(parameters)) {
      if (!(NUMERIC_PARAMETERS as readonly string[]).includes(key) && key !== 'pooling') {
        issues.push({ path: `parameters.${key}`, message: 'unknown parameter' });
      }
    }
    const mean = parsedParameters.losMean as ParameterPath<number> | undefined;
    const median = parsedParameters.losMedian as ParameterPath<number> | undefined;
    if (mean !== undefined && median !== undefined) {
      // Both are linear between their points, so checking every point year covers all years.
      const years = new Set([...mean.points, ...median.points].map((p) => p.year));
      for (const year of [...years].sort((a, b) => a - b)) {
        if (valueAt({ path: median, year }) > valueAt({ path: mean, year })) {
          issues.push({
            path: 'parameters.losMedian',
            message: `median length of stay exceeds the mean in ${year} (a lognormal needs median ≤ mean)`,
          });
          break;
        }
      }
    }
  }
  const parsedUncertainty: Partial<Record<UncertainParameter, MultiplierDistribution>> = {};
  if (!isRecord(uncertainty)) {
    issues.push({ path: 'uncertainty', message: 'must be an object' });
  } else {
    for (const key of UNCERTAIN_PARAMETERS) {
      const parsed = parseDistribution(uncertainty[key], `uncertainty.${key}`, issues);
      if (parsed !== undefined) {
        parsedUncertainty[key] = parsed;
      }
    }
  }
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    scenario: {
      id: id as string,
      name: name as string,
      version: 1,
      description: typeof description === 'string' ? description : '',
      parameters: parsedParameters as unknown as ScenarioParameters,
      uncertainty: parsedUncertainty as Scenario['uncertainty'],
    },
  };
}

// ---------------------------------------------------------------------------------------------

export interface ScenarioDifference {
  /** "id", "name", a parameter key, or "uncertainty.<key>". */
  readonly parameter: string;
  /** The year compared, for parameter paths; null otherwise. */
  readonly year: number | null;
  readonly a: number | string;
  readonly b: number | string;
}

function describeDistribution(d: MultiplierDistribution): string {
  return d.distribution === 'triangular'
    ? `triangular(${d.min}, ${d.mode}, ${d.max})`
    : `normal(${d.mean}, ${d.sd})`;
}

/**
 * Lists how scenario b differs from a: identity, every parameter at each year where either scenario
 * has a point (values compared after interpolation, so equal paths with different points are equal),
 * and the uncertainty distributions. Provenance (basis, source, note) is not compared.
 */
export function compareScenarios(a: Scenario, b: Scenario): ScenarioDifference[] {
  const differences: ScenarioDifference[] = [];
  for (const key of ['id', 'name', 'version'] as const) {
    if (a[key] !== b[key]) {
      differences.push({ parameter: key, year: null, a: a[key], b: b[key] });
    }
  }
  for (const key of NUMERIC_PARAMETERS) {
    const pa = a.parameters[key];
    const pb = b.parameters[key];
    const years = [...new Set([...pa.points, ...pb.points].map((p) => p.year))].sort(
      (x, y) => x - y,
    );
    for (const year of years) {
      const va = valueAt({ path: pa, year });
      const vb = valueAt({ path: pb, year });
      if (Math.abs(va - vb) > 1e-12 * Math.max(1, Math.abs(va))) {
        differences.push({ parameter: key, year, a: va, b: vb });
      }
    }
  }
  const pa = a.parameters.pooling;
  const pb = b.parameters.pooling;
  const years = [...new Set([...pa.points, ...pb.points].map((p) => p.year))].sort((x, y) => x - y);
  for (const year of years) {
    const va = poolingAt({ path: pa, year });
    const vb = poolingAt({ path: pb, year });
    if (va !== vb) {
      differences.push({ parameter: 'pooling', year, a: va, b: vb });
    }
  }
  for (const key of UNCERTAIN_PARAMETERS) {
    const da = describeDistribution(a.uncertainty[key]);
    const db = describeDistribution(b.uncertainty[key]);
    if (da !== db) {
      differences.push({ parameter: `uncertainty.${key}`, year: null, a: da, b: db });
    }
  }
  return differences;
}
