import type { BedStatus, RegionCockpit, Statistics } from '@palliamonitor/contracts';
import { latestPeriod } from '../statistics/statistics';

/** What a regional cockpit shows of one hospice: its bed status and its monthly figures. */
export interface HospiceLive {
  status: BedStatus | null;
  stats: Pick<Statistics, 'items' | 'daily'> | null;
}

/** The bed status and monthly figures (with daily occupancy) of each hospice of a cockpit. */
export function cockpitLive(cockpit: Pick<RegionCockpit, 'bedStatus' | 'statistics'>) {
  const live = new Map<string, HospiceLive>();
  for (const status of cockpit.bedStatus) {
    if (status.hospiceId !== undefined) {
      live.set(status.hospiceId, { status, stats: null });
    }
  }
  for (const { hospiceId, items, daily } of cockpit.statistics.hospices ?? []) {
    const stats = daily === undefined ? { items } : { items, daily };
    live.set(hospiceId, { status: live.get(hospiceId)?.status ?? null, stats });
  }
  return live;
}

export function occupancyOf(live: HospiceLive | undefined): number | null {
  const stats = live?.stats;
  return stats === null || stats === undefined ? null : (latestPeriod(stats)?.occupancy ?? null);
}

export function refusalsOf(live: HospiceLive | undefined): number | null {
  const stats = live?.stats;
  return stats === null || stats === undefined ? null : (latestPeriod(stats)?.refusals ?? null);
}

/** Whether the latest month's `field` of a hospice is suppressed (a small count, for the public). */
export function isSuppressedIn(live: HospiceLive | undefined, field: string): boolean {
  const stats = live?.stats;
  return (
    stats !== null &&
    stats !== undefined &&
    latestPeriod(stats)?.suppressed.includes(field) === true
  );
}
