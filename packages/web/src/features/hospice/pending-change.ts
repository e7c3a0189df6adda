// A bed-status change made without a connection is kept in the browser (localStorage, so it also
// survives closing the tab) and sent when the connection returns. Each change is one request that
// is safe to send late: status writes carry the ETag they were based on, so a change overtaken by
// someone else's is refused (412) rather than overwriting it; refusals and the waiting list are
// dated the day they were entered.
import type { BedStatusPut } from '@palliamonitor/contracts';
import { sendJson } from '../../api/client';
import type { MessageKey } from '../../i18n/nl';

/** A status write as the card sends it: always with the admission stop stated. */
export type StatusBody = Pick<BedStatusPut, 'bedsOpen' | 'bedsOccupied' | 'bedsClosed'> &
  Required<Pick<BedStatusPut, 'admissionStop'>>;

export type Change =
  | { kind: 'status'; body: StatusBody; etag: string | null; done: MessageKey }
  | { kind: 'confirm'; etag: string | null; done: MessageKey }
  | { kind: 'refusal'; date: string; done: MessageKey }
  | { kind: 'waiting-list'; size: number; date: string; done: MessageKey };

const KEY_PREFIX = 'palliamonitor.wijziging.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isChange(value: unknown): value is Change {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const v = value as Record<string, unknown>;
  switch (v['kind']) {
    case 'status':
      return typeof v['body'] === 'object' && v['body'] !== null && typeof v['done'] === 'string';
    case 'confirm':
      return typeof v['done'] === 'string';
    case 'refusal':
      return typeof v['date'] === 'string' && typeof v['done'] === 'string';
    case 'waiting-list':
      return (
        typeof v['size'] === 'number' &&
        typeof v['date'] === 'string' &&
        typeof v['done'] === 'string'
      );
    default:
      return false;
  }
}

/** The change waiting to be sent for this hospice, if any (a damaged entry counts as none). */
export function readPending(hospiceId: string): Change | null {
  const raw = storage()?.getItem(KEY_PREFIX + hospiceId) ?? null;
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    return isChange(value) ? value : null;
  } catch {
    return null;
  }
}

export function keepPending(hospiceId: string, change: Change): void {
  storage()?.setItem(KEY_PREFIX + hospiceId, JSON.stringify(change));
}

export function dropPending(hospiceId: string): void {
  storage()?.removeItem(KEY_PREFIX + hospiceId);
}

/** The request of a change; answers the new status for status writes, null for the others. */
export async function sendChange(
  hospiceId: string,
  change: Change,
): Promise<{ data: unknown; etag: string | null }> {
  const base = `/hospices/${encodeURIComponent(hospiceId)}`;
  switch (change.kind) {
    case 'status':
      return sendJson('PUT', `${base}/bed-status`, change.body, { etag: change.etag });
    case 'confirm':
      return sendJson('POST', `${base}/bed-status/confirm`, {}, { etag: change.etag });
    case 'refusal':
      return sendJson('POST', `${base}/refusals`, { date: change.date, count: 1 });
    case 'waiting-list':
      return sendJson('PUT', `${base}/waiting-list`, { size: change.size, date: change.date });
  }
}

/** A failed fetch (no connection, server unreachable), as opposed to an answer with an error. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError;
}

/** Today in the Netherlands, YYYY-MM-DD (refusals and the waiting list are per day there). */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
