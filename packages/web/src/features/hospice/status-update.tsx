import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, getJson, getWithEtag } from '../../api/client';
import type { BedStatus, WaitingList } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { formatAge, formatDateTime, formatNumber } from '../../lib/format';
import { Unavailable } from '../common/ui';
import { problemText } from '../common/problem';
import { useBedStatusStream, type LiveState } from '../live/use-bed-status-stream';
import {
  dropPending,
  isNetworkFailure,
  keepPending,
  readPending,
  sendChange,
  todayInNetherlands,
  type Change,
  type StatusBody,
} from './pending-change';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ok'; status: BedStatus; etag: string | null; waitingList: number | null };

type Message =
  | { kind: 'none' }
  | { kind: 'done'; text: string }
  /** A refused or failed write; `change` when sending it again may help (server trouble). */
  | { kind: 'error'; text: string; change: Change | null }
  | { kind: 'pending'; change: Change };

/**
 * The status card for the hospice's own staff, phone first: "still correct" in one tap, an
 * admission or a departure, the admission stop, a refusal and the waiting list. Each tap is one
 * request; status writes are conditional (If-Match), so two volunteers updating at once never
 * overwrite each other silently. The card follows the live feed, and a change made without a
 * connection is kept and sent when the connection returns.
 */
export function StatusUpdate({
  hospiceId,
  licensedBeds,
  readOnly = false,
  initial,
}: {
  hospiceId: string;
  licensedBeds: number;
  /** Only the figures, no buttons: for people who may not write for this hospice. */
  readOnly?: boolean;
  /** The status and waiting list as the page's own answer gave them, so the card starts there. */
  initial?: { status: BedStatus; waitingList: WaitingList };
}) {
  const { t, locale } = useI18n();
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

  if (state.kind === 'loading') {
    return <p role="status">{t('common.loading')}</p>;
  }
  if (state.kind === 'unavailable') {
    return <Unavailable what={t('hospice.statusWhat')} />;
  }
  if (state.kind === 'error') {
    return (
      <div className="notice notice--error" role="alert" data-testid="status-load-error">
        <p>{problemText(state.error, t)}</p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const s = state.status;
  const open = s.bedsOpen ?? licensedBeds;
  const occupied = s.bedsOccupied ?? 0;
  const isFresh = s['freshness'] === 'fresh';
  const admissionStop = s.admissionStop === true;
  const free = isFresh ? Math.max(0, open - occupied) : null;
  const waitingList = state.waitingList ?? 0;
  const isLocked = isBusy || pending !== null;

  const save = (next: Omit<StatusBody, 'bedsClosed'>, done: MessageKey) =>
    void submit({
      kind: 'status',
      body: {
        ...next,
        ...(typeof s['bedsClosed'] === 'number' ? { bedsClosed: s['bedsClosed'] } : {}),
      },
      etag: state.etag,
      done,
    });
  // "Still correct" only refreshes the confirmation time; with no status yet it records one.
  const confirm = () =>
    s.eventId === null || s.eventId === undefined
      ? save({ bedsOpen: open, bedsOccupied: occupied, admissionStop }, 'hospice.savedConfirm')
      : void submit({ kind: 'confirm', etag: state.etag, done: 'hospice.savedConfirm' });
  const setWaitingList = (size: number) =>
    void submit({
      kind: 'waiting-list',
      size,
      date: todayInNetherlands(),
      done: 'hospice.savedWaitingList',
    });

  return (
    <div
      className={admissionStop ? 'status-update status-update--stop' : 'status-update'}
      data-testid="status-update"
    >
      {admissionStop ? (
        <p className="stop-banner" data-testid="stop-banner">
          <strong>{t('hospice.admissionStop')}</strong> {t('hospice.stopExplain')}
        </p>
      ) : null}
      <dl className="status-figures">
        <div
          className={
            free === null
              ? 'status-figure status-figure--unknown'
              : admissionStop
                ? 'status-figure status-figure--stopped'
                : 'status-figure status-figure--free'
          }
        >
          <dt>{t('hospice.free')}</dt>
          <dd data-testid="beds-free">
            {free === null ? t('status.unknown') : formatNumber(free, locale)}
          </dd>
        </div>
        <div className="status-figure">
          <dt>{t('hospice.occupied')}</dt>
          <dd data-testid="beds-occupied">{formatNumber(occupied, locale)}</dd>
        </div>
        <div className="status-figure">
          <dt>{t('hospice.openShort')}</dt>
          <dd>{formatNumber(open, locale)}</dd>
        </div>
      </dl>
      <p className="status-confirmed">
        {s.confirmedAt ? (
          <>
            {t('hospice.confirmed')}{' '}
            <time dateTime={s.confirmedAt} title={formatDateTime(s.confirmedAt, locale)}>
              {formatAge(s.confirmedAt, new Date(), locale)}
            </time>
            {isFresh ? null : ` — ${t('hospice.staleExplain')}`}
          </>
        ) : (
          t('hospice.neverConfirmed')
        )}{' '}
        <LiveIndicator state={live} onRefresh={() => void load()} />
      </p>
      {readOnly ? null : (
        <>
          <div className="tap-buttons">
            <button
              type="button"
              className="button button--primary tap-buttons__wide"
              disabled={isLocked}
              onClick={confirm}
            >
              {t('hospice.stillCorrect')}
            </button>
            <button
              type="button"
              className="button"
              disabled={isLocked || occupied >= open}
              onClick={() =>
                save(
                  { bedsOpen: open, bedsOccupied: occupied + 1, admissionStop },
                  'hospice.savedAdmission',
                )
              }
            >
              {t('hospice.admission')}
            </button>
            <button
              type="button"
              className="button"
              disabled={isLocked || occupied <= 0}
              onClick={() =>
                save(
                  { bedsOpen: open, bedsOccupied: occupied - 1, admissionStop },
                  'hospice.savedDeparture',
                )
              }
            >
              {t('hospice.departure')}
            </button>
            <button
              type="button"
              className={admissionStop ? 'button button--stop-on' : 'button button--stop'}
              disabled={isLocked}
              onClick={() =>
                save(
                  { bedsOpen: open, bedsOccupied: occupied, admissionStop: !admissionStop },
                  admissionStop ? 'hospice.savedStopOff' : 'hospice.savedStopOn',
                )
              }
            >
              {admissionStop ? t('hospice.stopOff') : t('hospice.stopOn')}
            </button>
            <button
              type="button"
              className="button"
              disabled={isLocked}
              onClick={() =>
                void submit({
                  kind: 'refusal',
                  date: todayInNetherlands(),
                  done: 'hospice.savedRefusal',
                })
              }
            >
              {t('hospice.refusal')}
            </button>
            <div className="stepper" role="group" aria-labelledby={`${hospiceId}-waiting`}>
              <button
                type="button"
                className="button button--small"
                disabled={isLocked || waitingList <= 0}
                onClick={() => setWaitingList(waitingList - 1)}
                aria-label={t('hospice.waitingLess')}
              >
                −
              </button>
              <span id={`${hospiceId}-waiting`} data-testid="waiting-list">
                {t('hospice.waitingList', { count: formatNumber(waitingList, locale) })}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={isLocked}
                onClick={() => setWaitingList(waitingList + 1)}
                aria-label={t('hospice.waitingMore')}
              >
                +
              </button>
            </div>
            <div className="stepper" role="group" aria-label={t('hospice.open')}>
              <button
                type="button"
                className="button button--small"
                disabled={isLocked || open <= 0 || open <= occupied}
                onClick={() =>
                  save(
                    { bedsOpen: open - 1, bedsOccupied: occupied, admissionStop },
                    'hospice.savedOpen',
                  )
                }
                aria-label={t('hospice.openLess')}
              >
                −
              </button>
              <span>{t('hospice.openBeds', { count: open })}</span>
              <button
                type="button"
                className="button button--small"
                disabled={isLocked || open >= licensedBeds}
                onClick={() =>
                  save(
                    { bedsOpen: open + 1, bedsOccupied: occupied, admissionStop },
                    'hospice.savedOpen',
                  )
                }
                aria-label={t('hospice.openMore')}
              >
                +
              </button>
            </div>
          </div>
          <StatusMessage
            message={message}
            isBusy={isBusy}
            onRetry={(change) => void submit(change)}
            onDiscard={() => {
              dropPending(hospiceId);
              setMessage({ kind: 'none' });
            }}
            onReload={() => void load()}
          />
        </>
      )}
    </div>
  );
}

function LiveIndicator({ state, onRefresh }: { state: LiveState; onRefresh: () => void }) {
  const { t } = useI18n();
  return (
    <span className="live-line live-line--inline" data-testid="live-state" data-state={state}>
      <span className={`live-dot live-dot--${state}`} aria-hidden="true" />
      {state === 'live' ? t('live.on') : state === 'offline' ? t('live.off') : t('live.connecting')}
      {state === 'offline' ? (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onRefresh}>
            {t('live.refresh')}
          </button>
        </>
      ) : null}
    </span>
  );
}

function StatusMessage({
  message,
  isBusy,
  onRetry,
  onDiscard,
  onReload,
}: {
  message: Message;
  isBusy: boolean;
  onRetry: (change: Change) => void;
  onDiscard: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const isError = message.kind === 'error' || message.kind === 'pending';
  return (
    <div className="status-message-box">
      <p
        className={isError ? 'status-message status-message--error' : 'status-message'}
        role="status"
        aria-live="polite"
        data-testid="status-message"
      >
        {message.kind === 'done' || message.kind === 'error'
          ? message.text
          : message.kind === 'pending'
            ? t('hospice.pending')
            : ''}
      </p>
      {message.kind === 'pending' ? (
        <p className="status-message__actions">
          <button
            type="button"
            className="button button--small-text"
            disabled={isBusy}
            onClick={() => onRetry(message.change)}
          >
            {t('common.retry')}
          </button>{' '}
          <button type="button" className="button button--small-text" onClick={onDiscard}>
            {t('hospice.pendingDiscard')}
          </button>
        </p>
      ) : message.kind === 'error' ? (
        <p className="status-message__actions">
          {message.change === null ? (
            <button type="button" className="button button--small-text" onClick={onReload}>
              {t('hospice.reloadStatus')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small-text"
              disabled={isBusy}
              onClick={() => onRetry(message.change!)}
            >
              {t('common.retry')}
            </button>
          )}
        </p>
      ) : null}
    </div>
  );
}
