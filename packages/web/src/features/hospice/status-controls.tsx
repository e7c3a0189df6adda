import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { formatNumber } from '../../lib/format';
import type { StatusBody } from './pending-change';

// The parts of the status card: its figures and its tap buttons (one request per tap).

type Save = (next: Omit<StatusBody, 'bedsClosed'>, done: MessageKey) => void;

/** Free, occupied and open beds; free is unknown when the status is not freshly confirmed. */
export function StatusFigures({
  free,
  occupied,
  open,
  admissionStop,
}: {
  free: number | null;
  occupied: number;
  open: number;
  admissionStop: boolean;
}) {
  const { t, locale } = useI18n();
  return (
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
  );
}

/** Still correct, an admission, a departure, the admission stop and a refusal. */
export function TapButtons({
  isLocked,
  open,
  occupied,
  admissionStop,
  save,
  onConfirm,
  onRefusal,
}: {
  isLocked: boolean;
  open: number;
  occupied: number;
  admissionStop: boolean;
  save: Save;
  onConfirm: () => void;
  onRefusal: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className="button button--primary tap-buttons__wide"
        disabled={isLocked}
        onClick={onConfirm}
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
      <button type="button" className="button" disabled={isLocked} onClick={onRefusal}>
        {t('hospice.refusal')}
      </button>
    </>
  );
}

/** The waiting list and the open beds, one step at a time. */
export function Steppers({
  hospiceId,
  isLocked,
  open,
  occupied,
  licensedBeds,
  admissionStop,
  waitingList,
  save,
  setWaitingList,
}: {
  hospiceId: string;
  isLocked: boolean;
  open: number;
  occupied: number;
  licensedBeds: number;
  admissionStop: boolean;
  waitingList: number;
  save: Save;
  setWaitingList: (size: number) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <>
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
            save({ bedsOpen: open - 1, bedsOccupied: occupied, admissionStop }, 'hospice.savedOpen')
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
            save({ bedsOpen: open + 1, bedsOccupied: occupied, admissionStop }, 'hospice.savedOpen')
          }
          aria-label={t('hospice.openMore')}
        >
          +
        </button>
      </div>
    </>
  );
}
