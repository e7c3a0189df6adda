// Pure helpers of the audit-log view: what an entry did, and which fields it changed.
import type { AuditEntry } from '@palliamonitor/contracts';
import type { MessageKey } from '../../i18n/nl';

const ACTIONS: ReadonlyArray<[RegExp, MessageKey]> = [
  [/^PUT \/api\/v1\/hospices\/[^/]+\/bed-status$/, 'action.PUT bed-status'],
  [/^POST \/api\/v1\/hospices\/[^/]+\/bed-status\/confirm$/, 'action.POST confirm'],
  [/^POST \/api\/v1\/hospices\/[^/]+\/stays$/, 'action.POST stays'],
  [/^POST \/api\/v1\/hospices\/[^/]+\/stays\/[^/]+\/departure$/, 'action.POST departure'],
  [/^POST \/api\/v1\/hospices\/[^/]+\/refusals$/, 'action.POST refusals'],
  [/^PUT \/api\/v1\/hospices\/[^/]+\/waiting-list$/, 'action.PUT waiting-list'],
  [/^PUT \/api\/v1\/hospices\/[^/]+\/returns\/[^/]+$/, 'action.PUT returns'],
  [/^POST \/api\/v1\/returns$/, 'action.POST returns'],
  [/^PATCH \/api\/v1\/hospices\/[^/]+$/, 'action.PATCH hospice'],
  [/^POST \/api\/v1\/hospices$/, 'action.POST hospices'],
  [/^POST \/api\/v1\/scenarios$/, 'action.POST scenarios'],
  [/^POST \/api\/v1\/users$/, 'action.POST users'],
  [/^POST \/api\/v1\/hospices\/[^/]+\/tokens$/, 'action.POST tokens'],
  [/^DELETE \/api\/v1\/hospices\/[^/]+\/tokens\/[^/]+$/, 'action.DELETE tokens'],
];

/** The message key describing the entry ("Beddenstatus bijgewerkt"), or null for an unknown route. */
export function actionKey(entry: Pick<AuditEntry, 'method' | 'path'>): MessageKey | null {
  const line = `${entry.method} ${entry.path}`;
  return ACTIONS.find(([pattern]) => pattern.test(line))?.[1] ?? null;
}

/** Fields that change with every write and say nothing about what the person changed. */
const NOISE = new Set([
  'eventId',
  'kind',
  'warnings',
  'recordedAt',
  'recordedBy',
  'freshness',
  'isStale',
  'ageMinutes',
  'validFrom',
  'validTo',
  'version',
  'etag',
  'changedAt',
  'freshUntil',
  'hospiceId',
  'isSynthetic',
  'createdAt',
  'createdBy',
]);

/** Fields whose values are secrets: named in the diff, never shown. */
const SECRET = new Set(['token', 'password', 'passwordHash', 'secret']);

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
  isSecret?: boolean;
}

function parsed(value: unknown): unknown {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string') {
    return value;
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * The top-level fields that differ between before and after (a new resource: every field of
 * after). Unchanged fields and noise (event ids, freshness) are left out; secrets are masked.
 */
export function changedFields(before: unknown, after: unknown, max = 8): FieldChange[] {
  const b = parsed(before);
  const a = parsed(after);
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const from = isObject(b) ? b : {};
  const to = isObject(a) ? a : {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    if (NOISE.has(key)) {
      continue;
    }
    const x = from[key];
    const y = to[key];
    if (JSON.stringify(x) === JSON.stringify(y) || ((x ?? null) === null && (y ?? null) === null)) {
      continue;
    }
    if (SECRET.has(key)) {
      changes.push({ field: key, from: null, to: null, isSecret: true });
    } else {
      changes.push({ field: key, from: show(x), to: show(y) });
    }
  }
  return changes.slice(0, max);
}
