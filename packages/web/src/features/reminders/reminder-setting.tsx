import { useState } from 'react';
import type { ReminderSettings } from '@palliamonitor/contracts';
import { sendJson, useApi } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';

// On an editor's hospice card: a notice when the status is older than the freshness limit (the
// same thing the reminder mail says), and the switch for reminder mails, kept on the server.

export function ReminderSetting({ hospiceId }: { hospiceId: string }) {
  const { t, locale } = useI18n();
  const settings = useApi<ReminderSettings>('/account/reminders');
  const [saved, setSaved] = useState<ReminderSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // What the switch shows while its change is on the way (it follows the click at once).
  const [wanted, setWanted] = useState<boolean | null>(null);
  const current = saved ?? (settings.state === 'ok' ? settings.data : null);
  if (current === null) {
    return null;
  }
  const stale = current.stale.some((s) => s.hospiceId === hospiceId);
  const toggle = async (enabled: boolean) => {
    setBusy(true);
    setFailed(false);
    setWanted(enabled);
    try {
      const { data } = await sendJson<ReminderSettings>('PUT', '/account/reminders', {
        enabled,
        language: locale,
      });
      setSaved(data);
    } catch {
      setFailed(true);
    } finally {
      setWanted(null);
      setBusy(false);
    }
  };
  return (
    <div className="reminder-setting" data-testid="reminder-setting">
      {stale ? (
        <p className="notice" role="status" data-testid="reminder-notice">
          {t('reminders.staleNotice')}
          {current.lastReminderAt === null
            ? null
            : ` ${t('reminders.lastSent', { date: formatDateTime(current.lastReminderAt, locale) })}`}
        </p>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={wanted ?? current.enabled}
          disabled={busy}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          data-testid="reminder-toggle"
        />{' '}
        {t('reminders.toggle')}
      </label>
      <p className="hint">{t('reminders.hint')}</p>
      {failed ? (
        <p className="notice notice--error" role="alert">
          {t('reminders.failed')}
        </p>
      ) : null}
    </div>
  );
}
