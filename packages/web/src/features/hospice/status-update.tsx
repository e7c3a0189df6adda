import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { formatAge, formatDateTime } from '../../lib/format';
import { Unavailable } from '../common/ui';
import { problemText } from '../common/problem';
import type { LiveState } from '../live/use-bed-status-stream';
import { dropPending, todayInNetherlands, type Change, type StatusBody } from './pending-change';
import { Steppers, StatusFigures, TapButtons } from './status-controls';
import { useStatusCard, type Message, type StatusCardStart } from './use-status-card';

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
  initial?: StatusCardStart;
}) {
  const { t } = useI18n();
  const { state, message, setMessage, isBusy, load, submit, live, pending } = useStatusCard(
    hospiceId,
    readOnly,
    initial,
  );
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
  // What every control needs: the figures it changes, whether a change is under way, and saving.
  const controls = { isLocked, open, occupied, admissionStop, save };

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
      <StatusFigures free={free} occupied={occupied} open={open} admissionStop={admissionStop} />
      <p className="status-confirmed">
        <ConfirmedAt confirmedAt={s.confirmedAt ?? null} isFresh={isFresh} />{' '}
        <LiveIndicator state={live} onRefresh={() => void load()} />
      </p>
      {readOnly ? null : (
        <>
          <div className="tap-buttons">
            <TapButtons
              {...controls}
              onConfirm={confirm}
              onRefusal={() =>
                void submit({
                  kind: 'refusal',
                  date: todayInNetherlands(),
                  done: 'hospice.savedRefusal',
                })
              }
            />
            <Steppers {...controls} {...{ hospiceId, licensedBeds, waitingList, setWaitingList }} />
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

/** When the status was last confirmed, as an age, and that free beds are unknown when stale. */
function ConfirmedAt({ confirmedAt, isFresh }: { confirmedAt: string | null; isFresh: boolean }) {
  const { t, locale } = useI18n();
  if (!confirmedAt) {
    return t('hospice.neverConfirmed');
  }
  return (
    <>
      {t('hospice.confirmed')}{' '}
      <time dateTime={confirmedAt} title={formatDateTime(confirmedAt, locale)}>
        {formatAge(confirmedAt, new Date(), locale)}
      </time>
      {isFresh ? null : ` — ${t('hospice.staleExplain')}`}
    </>
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
