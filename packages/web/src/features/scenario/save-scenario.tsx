import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Scenario } from '@palliamonitor/model';
import { ApiError, sendJson, signInHref } from '../../api/client';
import { mayDo, useSession } from '../../api/session';
import { problemText } from '../common/problem';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

// Sharing a scenario (its link carries every setting) and saving it under a name, for those who plan.

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

export function SaveScenario({
  scenario,
  baseId,
  isChanged,
  year,
  onSaved,
}: {
  scenario: Scenario;
  baseId: string;
  isChanged: boolean;
  year: number;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{
    kind: 'ok' | 'error';
    text: string;
    id?: string;
  } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = slug(name);
    if (id === '') {
      setMessage({ kind: 'error', text: t('scenario.nameNeeded') });
      return;
    }
    try {
      await sendJson('POST', '/scenarios', {
        id,
        name: name.trim(),
        version: 1,
        description: t('scenario.savedDescription'),
        parameters: scenario.parameters,
        uncertainty: scenario.uncertainty,
        ...(baseId === id ? {} : { basedOn: baseId }),
      });
      setMessage({ kind: 'ok', text: t('scenario.saved', { name: name.trim() }), id });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.isMissingEndpoint) {
        setMessage({ kind: 'error', text: t('scenario.saveUnavailable') });
      } else if (error instanceof ApiError && error.status === 409) {
        setMessage({ kind: 'error', text: t('scenario.exists', { id }) });
      } else {
        setMessage({ kind: 'error', text: problemText(error, t) });
      }
    }
  };
  const shareUrl = typeof window === 'undefined' ? '' : window.location.href;
  return (
    <section aria-labelledby="save-title" className="panel">
      <h2 id="save-title">{t('scenario.shareTitle')}</h2>
      <p>
        {t('scenario.shareBody')}{' '}
        <a href={shareUrl} className="share-link">
          {t('scenario.shareLink')}
        </a>
      </p>
      {session.kind !== 'user' ? (
        session.kind === 'anonymous' ? (
          <p className="notice sign-in-prompt" data-testid="sign-in-prompt">
            {t('access.signInToSave')} <Link href={signInHref()}>{t('auth.signIn')}</Link>
          </p>
        ) : null
      ) : !mayDo(session, 'scenario.save') ? (
        <p className="hint" data-testid="save-role-hint">
          {t('access.roleToSave')}
        </p>
      ) : isChanged ? (
        <form className="finder-form" onSubmit={(e) => void submit(e)}>
          <label className="field field--grow">
            <span className="field__label">{t('scenario.saveName')}</span>
            <input
              type="text"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={200}
              required
            />
          </label>
          <button type="submit" className="button button--primary">
            {t('scenario.save')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('scenario.saveHint')}</p>
      )}
      <p role="status" className={message?.kind === 'error' ? 'form-error' : 'form-ok'}>
        {message?.text}{' '}
        {message?.id === undefined ? null : (
          <Link href={`/scenario?s=${message.id}&jaar=${year}`}>{t('scenario.openSaved')}</Link>
        )}
      </p>
    </section>
  );
}
