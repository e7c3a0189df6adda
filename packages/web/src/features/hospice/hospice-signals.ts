import { useEffect, useState } from 'react';
import { ApiError, getJson, type Loadable } from '../../api/client';
import type { BedStatus } from '@palliamonitor/contracts';
import type { Statistics } from '@palliamonitor/contracts';

/** What a regional cockpit shows of one hospice: its bed status and its monthly figures. */
export interface HospiceLive {
  status: BedStatus | null;
  stats: Pick<Statistics, 'items' | 'daily'> | null;
}

type StatisticsByHospice = Statistics & { hospices: NonNullable<Statistics['hospices']> };

/**
 * Bed status and monthly statistics (with daily occupancy) of every hospice of a region, in two
 * requests whatever the region's size. "unavailable" when the data-collection endpoints do not
 * exist yet.
 */
export function useRegionLive(regionCode: string, refresh = 0): Loadable<Map<string, HospiceLive>> {
  const [result, setResult] = useState<Loadable<Map<string, HospiceLive>>>({ state: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    const code = encodeURIComponent(regionCode);
    Promise.all([
      getJson<{ items: BedStatus[] }>(`/regions/${code}/bed-status`),
      getJson<StatisticsByHospice>(
        `/regions/${code}/statistics?period=month&daily=true&byHospice=true`,
      ),
    ]).then(
      ([statuses, figures]) => {
        if (!isCurrent) {
          return;
        }
        const live = new Map<string, HospiceLive>();
        for (const status of statuses.items) {
          if (status.hospiceId !== undefined) {
            live.set(status.hospiceId, { status, stats: null });
          }
        }
        for (const { hospiceId, items, daily } of figures.hospices) {
          const stats = daily === undefined ? { items } : { items, daily };
          live.set(hospiceId, { status: live.get(hospiceId)?.status ?? null, stats });
        }
        setResult({ state: 'ok', data: live });
      },
      (error: unknown) => {
        if (!isCurrent) {
          return;
        }
        setResult(
          error instanceof ApiError && error.isMissingEndpoint
            ? { state: 'unavailable' }
            : { state: 'error', error: error instanceof Error ? error : new Error(String(error)) },
        );
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [regionCode, refresh]);
  return result;
}
