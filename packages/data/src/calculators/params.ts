import type { CodedMessage } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';

// The calculators of the CLI and the API: one description of every parameter (name, type, range,
// default), one parser that checks raw values against it (strings from a command line or a query
// string, numbers and lists from a JSON body), and the rules between parameters. Both front ends
// call the same functions, so a bad value gets the same code and field from either.

export interface NumberParam {
  readonly kind: 'number' | 'integer';
  /** Dutch, for the OpenAPI document. */
  readonly description: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly required?: boolean;
  readonly default?: number;
}
export interface ChoiceParam {
  readonly kind: 'choice';
  readonly description: string;
  readonly values: readonly string[];
  readonly default: string;
}
/** A list of numbers > 0 (stays) or ≥ 0 (weights); comma separated in a query or on a command line. */
export interface ListParam {
  readonly kind: 'list';
  readonly description: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maxItems: number;
}
export type ParamSpec = NumberParam | ChoiceParam | ListParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<S extends ParamSpec> = S extends ChoiceParam
  ? string
  : S extends ListParam
    ? number[]
    : number;
export type Parsed<T extends ParamSpecs> = {
  [K in keyof T]: T[K] extends { required: true } | { default: unknown }
    ? ValueOf<T[K]>
    : ValueOf<T[K]> | undefined;
};

/** The rule a number must follow, in words: "a whole number ≥ 1", "a number > 0 and ≤ 1". */
function ruleOf(spec: NumberParam | ListParam): string {
  const parts: string[] = [];
  if (spec.exclusiveMinimum !== undefined) {
    parts.push(`> ${spec.exclusiveMinimum}`);
  } else if (spec.minimum !== undefined) {
    parts.push(`≥ ${spec.minimum}`);
  }
  if (spec.kind !== 'list' && spec.maximum !== undefined) {
    parts.push(`≤ ${spec.maximum}`);
  }
  const noun =
    spec.kind === 'integer' ? 'a whole number' : spec.kind === 'list' ? 'numbers' : 'a number';
  return [noun, parts.join(' and ')].filter(Boolean).join(' ');
}

/** One number against its spec; an issue with the schema code a client already translates. */
function checkNumber(
  field: string,
  raw: unknown,
  spec: NumberParam | ListParam,
): { value: number } | { issue: Issue } {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const value =
    typeof raw === 'number' ? raw : text === undefined || text === '' ? NaN : Number(text);
  const got = typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw);
  const fail = (coded: CodedMessage) => ({
    issue: { field, message: `must be ${ruleOf(spec)}, got ${got}`, ...coded },
  });
  if (!Number.isFinite(value)) {
    return fail({
      code: 'schema.type',
      params: { type: spec.kind === 'integer' ? 'integer' : 'number' },
    });
  }
  if (spec.kind === 'integer' && !Number.isInteger(value)) {
    return fail({ code: 'schema.type', params: { type: 'integer' } });
  }
  if (spec.exclusiveMinimum !== undefined && !(value > spec.exclusiveMinimum)) {
    return fail({ code: 'schema.exclusiveMinimum', params: { limit: spec.exclusiveMinimum } });
  }
  if (spec.minimum !== undefined && value < spec.minimum) {
    return fail({ code: 'schema.minimum', params: { limit: spec.minimum } });
  }
  if (spec.kind !== 'list' && spec.maximum !== undefined && value > spec.maximum) {
    return fail({ code: 'schema.maximum', params: { limit: spec.maximum } });
  }
  return { value };
}

/** Parameter values as a request or a command line gives them, not yet checked. */
export type RawParams = Readonly<Record<string, unknown>>;

/** Names a parameter in messages the way the caller spells it (`--open-days`). */
export type ParamLabel = (name: string) => string;

/** The label of a caller that spells parameters as the specs do. */
export const specName: ParamLabel = (name) => name;

/**
 * Checks raw values against the specs: unknown names, missing required values, non-numbers, values
 * out of range, choices not on the list. Throws one VALIDATION_FAILED with every failing field;
 * `label` turns a parameter name into what the caller typed (`--open-days` on a command line).
 */
export function parseParams<T extends ParamSpecs>(
  specs: T,
  raw: RawParams,
  label: ParamLabel = specName,
): Parsed<T> {
  const issues: Issue[] = [];
  const result: Record<string, unknown> = {};
  for (const name of Object.keys(raw)) {
    if (!Object.hasOwn(specs, name)) {
      issues.push({
        field: label(name),
        message: `unknown parameter ${label(name)}`,
        code: 'schema.additionalProperties',
        params: { name: label(name) },
      });
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    const field = label(name);
    if (value === undefined) {
      if (spec.kind !== 'list' && spec.default !== undefined) {
        result[name] = spec.default;
      } else if (spec.kind !== 'choice' && spec.kind !== 'list' && spec.required) {
        issues.push({ field, message: 'is required', code: 'schema.required' });
      }
      continue;
    }
    if (spec.kind === 'choice') {
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        const allowed = spec.values.join(', ');
        issues.push({
          field,
          message: `must be one of ${allowed}, got ${JSON.stringify(value)}`,
          code: 'schema.enum',
          params: { allowed },
        });
      } else {
        result[name] = value;
      }
      continue;
    }
    if (spec.kind === 'list') {
      const items = Array.isArray(value)
        ? (value as unknown[])
        : typeof value === 'string'
          ? value.split(',')
          : [value];
      if (items.length > spec.maxItems) {
        issues.push({
          field,
          message: `may hold at most ${spec.maxItems} values`,
          code: 'schema.maxItems',
          params: { limit: spec.maxItems },
        });
        continue;
      }
      const numbers: number[] = [];
      for (const item of items) {
        const checked = checkNumber(field, item, spec);
        if ('issue' in checked) {
          issues.push(checked.issue);
          break;
        }
        numbers.push(checked.value);
      }
      if (numbers.length === items.length) {
        result[name] = numbers;
      }
      continue;
    }
    const checked = checkNumber(field, value, spec);
    if ('issue' in checked) {
      issues.push(checked.issue);
    } else {
      result[name] = checked.value;
    }
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'the calculator input is invalid', issues);
  }
  return result as Parsed<T>;
}

export function invalidInput(issues: Issue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'the calculator input is invalid', issues);
}

/** The rule "give this field with that choice" or "not with it", as an issue. */
export function presence(
  field: string,
  given: boolean,
  wanted: boolean,
  condition: string,
  label: (name: string) => string,
): Issue[] {
  if (given === wanted) {
    return [];
  }
  return wanted
    ? [
        {
          field: label(field),
          message: `is required with ${condition}`,
          code: 'calculator.requiredWith',
          params: { condition },
        },
      ]
    : [
        {
          field: label(field),
          message: `does not go with ${condition}`,
          code: 'calculator.notWith',
          params: { condition },
        },
      ];
}

/** Exactly one of two ways to give the demand: an offered load, or admission requests per year. */
export function oneOf(
  a: string,
  b: string,
  hasA: boolean,
  hasB: boolean,
  label: (n: string) => string,
): Issue[] {
  if (hasA !== hasB) {
    return [];
  }
  const fields = `${label(a)}, ${label(b)}`;
  return [
    {
      field: label(a),
      message: hasA
        ? `cannot be given together with ${label(b)}`
        : `is required, or ${label(b)} instead`,
      code: hasA ? 'calculator.notBoth' : 'calculator.oneOf',
      params: { fields },
    },
  ];
}

// --- demand: an offered load, or admissions and a stay ------------------------------------------

export const LOAD = {
  kind: 'number',
  minimum: 0,
  maximum: 100_000,
  description:
    'Aangeboden belasting in erlang (bedden die bezet zouden zijn als niemand werd geweigerd)',
} as const;
export const REQUESTS = {
  kind: 'number',
  minimum: 0,
  maximum: 10_000_000,
  description: 'Opnameverzoeken per jaar (in plaats van load)',
} as const;

/** The offered load from `load`, or from `admissions` × `los` ÷ 365; one of the two, not both. */
export function demandOf(
  p: { load?: number | undefined; admissions?: number | undefined; los?: number | undefined },
  label: (n: string) => string,
  losIsStay: boolean,
): Issue[] {
  const issues = oneOf(
    'load',
    'admissions',
    p.load !== undefined,
    p.admissions !== undefined,
    label,
  );
  if (!losIsStay && issues.length === 0) {
    issues.push(
      ...presence(
        'los',
        p.los !== undefined,
        p.admissions !== undefined,
        label('admissions'),
        label,
      ),
    );
  }
  return issues;
}

/** Admissions × stay ÷ 365 above the largest load a calculator takes (what `load` may be). */
export function loadTooLarge(offeredLoad: number, label: (n: string) => string): Issue {
  const load = Math.round(offeredLoad);
  return {
    field: label('admissions'),
    message: `× ${label('los')} ÷ 365 is ${load} erlangs, more than ${LOAD.maximum}`,
    code: 'calculator.loadTooLarge',
    params: { load, limit: LOAD.maximum },
  };
}
