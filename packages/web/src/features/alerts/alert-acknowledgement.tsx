import type { AlertAcknowledgement } from '@palliamonitor/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { sendJson } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { FormFeedback, useSubmission } from '../common/submission';
import { todayInNetherlands } from '../hospice/pending-change';

/** The stable key of an alert: its kind and the hospice it is about. */
export function alertKey(alert: { kind: string; hospiceId: string }): string {
  return `${alert.kind}:${alert.hospiceId}`;
}

/** Who acknowledged an alert, when, with what note and follow-up date. */
function AcknowledgedText({ current }: { current: AlertAcknowledgement }) {
  const { t, locale } = useI18n();
  return (
    <p className="alert__ack-text" data-testid="alert-ack-text">
      {t('ack.done', {
        who: current.acknowledgedBy,
        date: formatDateTime(current.acknowledgedAt, locale),
        note: current.note,
      })}
      {current.followUpOn === null
        ? null
        : ` ${t('ack.followUpOn', { date: formatDate(current.followUpOn, locale) })}`}
    </p>
  );
}

/**
 * Under an alert: who acknowledged it, when, with what note and follow-up date; and for the
 * regisseur a form to acknowledge it (again).
 */
export function AlertAcknowledgementView({
  regionCode,
  alert,
  what,
  current,
  mayAcknowledge,
  onSaved,
}: {
  regionCode: string;
  alert: { kind: string; hospiceId: string };
  /** The alert in words, for the button's accessible name. */
  what: string;
  current: AlertAcknowledgement | undefined;
  mayAcknowledge: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState('');
  const { isBusy, error, run } = useSubmission();
  const [saved, setSaved] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await sendJson('POST', `/regions/${regionCode}/alert-acknowledgements`, {
        alertKey: alertKey(alert),
        hospiceId: alert.hospiceId,
        note,
        followUpOn: followUp === '' ? null : followUp,
      });
      setOpen(false);
      setNote('');
      setFollowUp('');
      setSaved(true);
      onSaved();
    });
  };

  return (
    <div className="alert__ack" data-testid="alert-ack">
      {current === undefined ? null : <AcknowledgedText current={current} />}
      {saved ? (
        <p className="visually-hidden" role="status">
          {t('ack.saved')}
        </p>
      ) : null}
      {!mayAcknowledge ? null : isOpen ? (
        <form className="stack-form alert__ack-form" onSubmit={(e) => void submit(e)} noValidate>
          <FormFeedback error={error} />
          <label className="field">
            <span className="field__label">{t('ack.note')}</span>
            <textarea
              value={note}
              maxLength={500}
              rows={2}
              required
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('ack.followUp')}</span>
            <input
              type="date"
              value={followUp}
              min={todayInNetherlands()}
              onChange={(e) => setFollowUp(e.target.value)}
            />
          </label>
          <div>
            <button
              type="submit"
              className="button button--primary button--small-text"
              disabled={isBusy}
            >
              {t('ack.save')}
            </button>{' '}
            <button
              type="button"
              className="button button--small-text"
              onClick={() => setOpen(false)}
            >
              {t('ack.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--small-text" onClick={() => setOpen(true)}>
          {t('ack.button')}
          <span id={`${id}-what`} className="visually-hidden">
            {what}
          </span>
        </button>
      )}
    </div>
  );
}
