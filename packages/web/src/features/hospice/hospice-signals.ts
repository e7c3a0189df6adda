import { useEffect, useState } from 'react';
import { ApiError, getJson, type Loadable } from '../../api/client';
import type { BedStatus } from '../../api/types';
import type { StatisticsResponse } from '../statistics/statistics';

export interface HospiceLive {
  status: BedStatus | null;
  stats: StatisticsResponse | null;
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && !error.isMissingEndpoint) {
      return null;
    }
    throw error;
  }
}

/**
 * Bed status and monthly statistics (with daily occupancy) of each hospice. "unavailable" when the
 * data-collection endpoints do not exist yet.
 */
export function useHospiceLive(
  ids: readonly string[],
  refresh = 0,
): Loadable<Map<string, HospiceLive>> {
  const [result, setResult] = useState<Loadable<Map<string, HospiceLive>>>({ state: 'loading' });
  const key = ids.join(',');
  useEffect(() => {
    const list = key === '' ? [] : key.split(',');
    let isCurrent = true;
    Promise.all(
      list.map(async (id) => {
        const [status, stats] = await Promise.all([
          orNull(getJson<BedStatus>(`/hospices/${id}/bed-status`)),
          orNull(getJson<StatisticsResponse>(`/hospices/${id}/statistics?period=month&daily=true`)),
        ]);
        return [id, { status, stats }] as const;
      }),
    ).then(
      (entries) => {
        if (isCurrent) {
          setResult({ state: 'ok', data: new Map(entries) });
        }
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
  }, [key, refresh]);
  return result;
}
