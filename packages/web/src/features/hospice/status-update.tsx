import { useCallback, useEffect, useState } from 'react';
import { ApiError, getWithEtag, sendJson } from '../../api/client';
import type { BedStatus } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatAge, formatDateTime, formatNumber } from '../../lib/format';
import { Unavailable } from '../common/ui';
import { problemText } from '../common/problem';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; status: BedStatus; etag: string | null };

/**
 * The one-tap bed-status update for the hospice's own staff: big buttons for an admission, a
 * departure, "still correct" and the admission stop. Each tap is one conditional PUT (If-Match), so
 * two volunteers updating at once never overwrite each other silently.
 */
export function StatusUpdate({
  hospiceId,
  licensedBeds,
  readOnly = false,
}: {
  hospiceId: string;
  licensedBeds: number;
  /** Only the figures, no buttons: for people who may not write for this hospice. */
  readOnly?: boolean;
}) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [message, setMessage] = useState('');
  const [isError, setError] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const path = `/hospices/${hospiceId}/bed-status`;

  const load = useCallback(async () => {
    try {
      const { data, etag } = await getWithEtag<BedStatus>(path);
      setState({ kind: 'ok', status: data, etag });
    } catch (error) {
      if (error instanceof ApiError && error.isMissingEndpoint) {
        setState({ kind: 'unavailable' });
      } else {
        setState({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }, [path]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') {
    return <p role="status">{t('common.loading')}</p>;
  }
  if (state.kind === 'unavailable') {
    return <Unavailable what={t('hospice.statusWhat')} />;
  }
  if (state.kind === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {state.message}
      </p>
    );
  }
  const s = state.status;
  const open = s.bedsOpen ?? licensedBeds;
  const occupied = s.bedsOccupied ?? 0;
  const isFresh = s['freshness'] === 'fresh';
  const admissionStop = s.admissionStop === true;
  const free = isFresh ? Math.max(0, open - occupied) : null;

  const write = async (
    request: () => Promise<{ data: BedStatus; etag: string | null }>,
    done: string,
  ) => {
    setBusy(true);
    setMessage('');
    setError(false);
    try {
      const { data, etag } = await request();
      if (data !== null && typeof data === 'object' && 'bedsOpen' in data) {
        setState({ kind: 'ok', status: data, etag });
      } else {
        await load();
      }
      setMessage(done);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await load();
        setError(true);
        setMessage(t('hospice.conflict'));
      } else {
        setError(true);
        setMessage(problemText(error, t));
      }
    } finally {
      setBusy(false);
    }
  };
  const save = (
    next: { bedsOpen: number; bedsOccupied: number; admissionStop: boolean },
    done: string,
  ) =>
    write(
      () =>
        sendJson<BedStatus>(
          'PUT',
          path,
          {
            bedsOpen: next.bedsOpen,
            bedsOccupied: next.bedsOccupied,
            admissionStop: next.admissionStop,
            ...(typeof s['bedsClosed'] === 'number' ? { bedsClosed: s['bedsClosed'] } : {}),
          },
          { etag: state.etag },
        ),
      done,
    );
  // "Still correct" only refreshes the confirmation time; with no status yet it records one.
  const confirm = () =>
    s.eventId === null || s.eventId === undefined
      ? save({ bedsOpen: open, bedsOccupied: occupied, admissionStop }, t('hospice.savedConfirm'))
      : write(
          () => sendJson<BedStatus>('POST', `${path}/confirm`, {}, { etag: state.etag }),
          t('hospice.savedConfirm'),
        );

  return (
    <div className="status-update" data-testid="status-update">
      <dl className="status-figures">
        <div
          className={
            free === null
              ? 'status-figure status-figure--unknown'
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
          <dd>{formatNumber(occupied, locale)}</dd>
        </div>
        <div className="status-figure">
          <dt>{t('hospice.open')}</dt>
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
        )}
        {admissionStop ? (
          <strong className="badge badge--stop">{t('hospice.admissionStop')}</strong>
        ) : null}
      </p>
      {readOnly ? null : (
        <>
          <div className="tap-buttons">
            <button
              type="button"
              className="button button--primary"
              disabled={isBusy}
              onClick={() => void confirm()}
            >
              {t('hospice.stillCorrect')}
            </button>
            <button
              type="button"
              className="button"
              disabled={isBusy || occupied >= open}
              onClick={() =>
                void save(
                  { bedsOpen: open, bedsOccupied: occupied + 1, admissionStop },
                  t('hospice.savedAdmission'),
                )
              }
            >
              {t('hospice.admission')}
            </button>
            <button
              type="button"
              className="button"
              disabled={isBusy || occupied <= 0}
              onClick={() =>
                void save(
                  { bedsOpen: open, bedsOccupied: occupied - 1, admissionStop },
                  t('hospice.savedDeparture'),
                )
              }
            >
              {t('hospice.departure')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={admissionStop}
              disabled={isBusy}
              onClick={() =>
                void save(
                  { bedsOpen: open, bedsOccupied: occupied, admissionStop: !admissionStop },
                  admissionStop ? t('hospice.savedStopOff') : t('hospice.savedStopOn'),
                )
              }
            >
              {t('hospice.admissionStop')}
            </button>
            <div className="stepper" role="group" aria-label={t('hospice.open')}>
              <button
                type="button"
                className="button button--small"
                disabled={isBusy || open <= 0 || open <= occupied}
                onClick={() =>
                  void save(
                    { bedsOpen: open - 1, bedsOccupied: occupied, admissionStop },
                    t('hospice.savedOpen'),
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
                disabled={isBusy || open >= licensedBeds}
                onClick={() =>
                  void save(
                    { bedsOpen: open + 1, bedsOccupied: occupied, admissionStop },
                    t('hospice.savedOpen'),
                  )
                }
                aria-label={t('hospice.openMore')}
              >
                +
              </button>
            </div>
          </div>
          <p
            className={isError ? 'status-message status-message--error' : 'status-message'}
            role="status"
            aria-live="polite"
            data-testid="status-message"
          >
            {message}
          </p>
        </>
      )}
    </div>
  );
}
