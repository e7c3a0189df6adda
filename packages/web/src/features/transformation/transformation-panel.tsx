import { useState, type FormEvent } from 'react';
import {
  TRANSFORMATION_STATUSES,
  type TransformationPlan,
  type TransformationPlanPut,
  type TransformationStatus,
} from '@palliamonitor/contracts';
import { sendJson, useApi } from '../../api/client';
import { mayReadRegionAudit, useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { FormFeedback, useSubmission } from '../common/submission';
import { Async } from '../common/ui';
import { WhenVisible } from '../common/when-visible';
import { STATUS_KEY } from './transformation-status';

// The cockpit's transformation-plan section: the status with its dates and link, and for the
// region's regisseur (or an administrator) a form that saves a new version.

export function TransformationPanel({ region }: { region: { code: string; name: string } }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="transformation-title" data-testid="transformation-plan">
      <h2 id="transformation-title">{t('transformation.title')}</h2>
      <WhenVisible minHeight="6rem">
        <TransformationContent code={region.code} />
      </WhenVisible>
    </section>
  );
}

function TransformationContent({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const plan = useApi<TransformationPlan>(`/regions/${code}/transformation-plan`);
  // The same rule as the server's: the region's own regisseur, or an administrator.
  const mayEdit = mayReadRegionAudit(session, code);
  return (
    <Async value={plan} what={t('transformation.what')}>
      {(p) => (
        <>
          <dl className="facts" data-testid="transformation-facts">
            <div>
              <dt>{t('transformation.statusLabel')}</dt>
              <dd data-testid="transformation-status">{t(STATUS_KEY[p.status])}</dd>
            </div>
            {(['startedOn', 'submittedOn', 'approvedOn'] as const).map((field) =>
              p[field] === null ? null : (
                <div key={field}>
                  <dt>{t(`transformation.${field}`)}</dt>
                  <dd>{formatDate(p[field], locale)}</dd>
                </div>
              ),
            )}
            {p.link === null ? null : (
              <div>
                <dt>{t('transformation.link')}</dt>
                <dd>
                  <a href={p.link} rel="noopener noreferrer external">
                    {t('transformation.linkText')}
                  </a>
                </dd>
              </div>
            )}
          </dl>
          {p.note === '' ? null : <p>{p.note}</p>}
          <p className="hint">
            {p.version === 0
              ? t('transformation.none')
              : t('transformation.version', {
                  version: p.version,
                  date: formatDateTime(p.savedAt ?? '', locale),
                })}
          </p>
          {mayEdit ? <TransformationForm plan={p} onSaved={plan.reload} /> : null}
        </>
      )}
    </Async>
  );
}

function TransformationForm({ plan, onSaved }: { plan: TransformationPlan; onSaved: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<TransformationStatus>(plan.status);
  const [dates, setDates] = useState({
    startedOn: plan.startedOn ?? '',
    submittedOn: plan.submittedOn ?? '',
    approvedOn: plan.approvedOn ?? '',
  });
  const [link, setLink] = useState(plan.link ?? '');
  const [note, setNote] = useState(plan.note);
  const [saved, setSaved] = useState<string | null>(null);
  const { isBusy, error, run } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    const body: TransformationPlanPut = {
      baseVersion: plan.version,
      status,
      startedOn: orNull(dates.startedOn),
      submittedOn: orNull(dates.submittedOn),
      approvedOn: orNull(dates.approvedOn),
      link: orNull(link),
      note,
    };
    await run(async () => {
      await sendJson('PUT', `/regions/${plan.region}/transformation-plan`, body);
      setSaved(t('transformation.saved'));
      onSaved();
    });
  };

  return (
    <form className="panel" data-testid="transformation-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('transformation.edit')}</h3>
      <FormFeedback error={error} status={saved} />
      <label>
        {t('transformation.statusLabel')}
        <select value={status} onChange={(e) => setStatus(e.target.value as TransformationStatus)}>
          {TRANSFORMATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEY[s])}
            </option>
          ))}
        </select>
      </label>
      {(['startedOn', 'submittedOn', 'approvedOn'] as const).map((field) => (
        <label key={field}>
          {t(`transformation.${field}`)}
          <input
            type="date"
            value={dates[field]}
            onChange={(e) => setDates({ ...dates, [field]: e.target.value })}
          />
        </label>
      ))}
      <label>
        {t('transformation.link')}
        <input
          type="url"
          inputMode="url"
          placeholder="https://"
          value={link}
          onChange={(e) => setLink(e.target.value)}
        />
      </label>
      <label>
        {t('transformation.note')}
        <input maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={isBusy}>
        {t('transformation.save')}
      </button>
    </form>
  );
}
