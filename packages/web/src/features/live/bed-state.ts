import type { BedStatus } from '@palliamonitor/contracts';
import type { MessageKey } from '../../i18n/nl';

/** What a hospice's bed status means now, for map symbols, table cells and the finder's list. */
export type BedState = 'free' | 'full' | 'stop' | 'unknown';

/** Colours of the states (colour-blind-safe blue and red, grey for unknown; shapes differ too). */
export const BED_STATE_COLOUR: Readonly<Record<BedState, string>> = {
  free: '#01578c',
  full: '#b3261e',
  stop: '#b3261e',
  unknown: '#8a8a8a',
};

/** The state of a status as the API gives it: unknown unless confirmed within the freshness window. */
export function bedStateOf(status: BedStatus | null | undefined): {
  state: BedState;
  free: number | null;
} {
  if (status === null || status === undefined || status['freshness'] !== 'fresh') {
    return { state: 'unknown', free: null };
  }
  const free = Math.max(0, (status.bedsOpen ?? 0) - (status.bedsOccupied ?? 0));
  return {
    state: status.admissionStop === true ? 'stop' : free > 0 ? 'free' : 'full',
    free,
  };
}

/** The state in words: full, admission stop, unknown (free beds are shown as their count). */
export const BED_STATE_LABEL: Readonly<Record<Exclude<BedState, 'free'>, MessageKey>> = {
  full: 'beds.statusFull',
  stop: 'beds.statusStop',
  unknown: 'beds.statusUnknown',
};
