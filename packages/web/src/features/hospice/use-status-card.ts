import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, getJson, getWithEtag } from '../../api/client';
import type { BedStatus, WaitingList } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { problemText } from '../common/problem';
import { useBedStatusStream } from '../live/use-bed-status-stream';
import {
  dropPending,
  isNetworkFailure,
  keepPending,
  readPending,
  sendChange,
  type Change,
} from './pending-change';

// The status card's state: the bed status with its ETag and the waiting list, following the live
// feed; a change is sent, or kept while there is no connection and sent when it returns.

export type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ok'; status: BedStatus; etag: string | null; waitingList: number | null };

export type Message =
  | { kind: 'none' }
  | { kind: 'done'; text: string }
  /** A refused or failed write; `change` when sending it again may help (server trouble). */
  | { kind: 'error'; text: string; change: Change | null }
  | { kind: 'pending'; change: Change };

export interface StatusCardStart {
  status: BedStatus;
  waitingList: WaitingList;
}

/** The status card's data and its one way to send a change. */
export function useStatusCard(
  hospiceId: string,
  readOnly: boolean,
  initial: StatusCardStart | undefined,
) {
  const { t } = useI18n();
  const [state, setState] = useState<State>(() =>
    initial === undefined
      ? { kind: 'loading' }
      : {
          kind: 'ok',
          status: initial.status,
          // The bed status's ETag is its event id (as GET …/bed-status sends it).
          etag: initial.status.eventId === null ? null : `"e${initial.status.eventId}"`,
          waitingList: readOnly ? null : initial.waitingList.size,
        },
  );
  const hasInitial = useRef(initial !== undefined);
  const [message, setMessage] = useState<Message>(() => {
    const pending = readOnly ? null : readPending(hospiceId);
    return pending === null ? { kind: 'none' } : { kind: 'pending', change: pending };
  });
  const [isBusy, setBusy] = useState(false);
  const path = `/hospices/${encodeURIComponent(hospiceId)}/bed-status`;

  const load = useCallback(async () => {
    try {
      const [{ data, etag }, waiting] = await Promise.all([
        getWithEtag<BedStatus>(path),
        readOnly
          ? Promise.resolve(null)
          : getJson<WaitingList>(`/hospices/${encodeURIComponent(hospiceId)}/waiting-list`),
      ]);
      setState({ kind: 'ok', status: data, etag, waitingList: waiting?.size ?? null });
    } catch (error) {
      if (error instanceof ApiError && error.isMissingEndpoint) {
        setState({ kind: 'unavailable' });
      } else {
        setState((previous) => (previous.kind === 'ok' ? previous : { kind: 'error', error }));
      }
    }
  }, [path, hospiceId, readOnly]);

  useEffect(() => {
    // Given a first state, the card loads again only when the live feed says something changed.
    if (hasInitial.current) {
      hasInitial.current = false;
      return;
    }
    void load();
  }, [load]);
  const live = useBedStatusStream(state.kind === 'ok', () => void load(), hospiceId);

  /** Sends a change; without a connection it is kept for later. */
  const submit = useCallback(
    async (change: Change) => {
      setBusy(true);
      try {
        const { data, etag } = await sendChange(hospiceId, change);
        dropPending(hospiceId);
        if (data !== null && typeof data === 'object' && 'bedsOpen' in data) {
          setState((previous) =>
            previous.kind === 'ok'
              ? { ...previous, status: data as BedStatus, etag }
              : { kind: 'ok', status: data as BedStatus, etag, waitingList: null },
          );
        } else {
          await load();
        }
        setMessage({ kind: 'done', text: t(change.done) });
      } catch (error) {
        if (isNetworkFailure(error)) {
          keepPending(hospiceId, change);
          setMessage({ kind: 'pending', change });
          return;
        }
        dropPending(hospiceId);
        if (error instanceof ApiError && error.status === 412) {
          await load();
          setMessage({ kind: 'error', text: t('hospice.conflict'), change: null });
        } else {
          const mayHelp =
            !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
          setMessage({
            kind: 'error',
            text: problemText(error, t),
            change: mayHelp ? change : null,
          });
        }
      } finally {
        setBusy(false);
      }
    },
    [hospiceId, load, t],
  );

  // A kept change goes out as soon as the browser is back online (and on opening the page).
  const pending = message.kind === 'pending' ? message.change : null;
  const keptAtOpening = useRef(pending);
  useEffect(() => {
    const kept = keptAtOpening.current;
    keptAtOpening.current = null;
    if (kept !== null && navigator.onLine) {
      void submit(kept);
    }
  }, [submit]);
  useEffect(() => {
    if (pending === null) {
      return undefined;
    }
    const retry = () => void submit(pending);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [pending, submit]);
  return { state, message, setMessage, isBusy, load, submit, live, pending };
}
