import type { TokenCreated, TokenList, TokenSummary } from '@palliamonitor/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { sendJson, useApi } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { Async, BreakableEmail } from '../common/ui';
import { DataTable, type Column } from '../common/data-table';
import { ProblemNotice } from '../common/problem';

/** "user:a@b.nl" → "a@b.nl", "token:abc" → "API-token abc". */
export function actorName(actor: string, tokenLabel: (id: string) => string): string {
  if (actor.startsWith('user:')) {
    return actor.slice(5);
  }
  if (actor.startsWith('token:')) {
    return tokenLabel(actor.slice(6));
  }
  return actor;
}

/**
 * The hospice's API tokens for its own systems: the list (label, created, last used, revoked), a
 * form to create one (its secret shown once, with a copy button), and revoking with a confirmation.
 */
export function ApiTokens({ hospiceId }: { hospiceId: string }) {
  const { t } = useI18n();
  const path = `/hospices/${encodeURIComponent(hospiceId)}/tokens`;
  const tokens = useApi<TokenList>(path);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<ShownToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const labelId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const status = useRef<HTMLParagraphElement>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === '') {
      return;
    }
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const { data } = await sendJson<TokenCreated>('POST', path, {
        label: label.trim(),
      });
      setCreated({ label: data.label, token: data.token });
      setLabel('');
      tokens.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: TokenSummary) => {
    setBusy(true);
    setError(null);
    try {
      await sendJson('DELETE', `${path}/${token.id}`);
      setConfirming(null);
      setNotice(t('tokens.revokedMessage', { label: token.label }));
      status.current?.focus();
      tokens.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="tokens-title" className="panel" data-testid="api-tokens">
      <h2 id="tokens-title" tabIndex={-1} ref={heading}>
        {t('tokens.title')}
      </h2>
      <p className="hint">{t('tokens.lead')}</p>
      {created === null ? null : (
        <NewToken
          created={created}
          onDismiss={() => {
            setCreated(null);
            heading.current?.focus();
          }}
        />
      )}
      {error === null ? null : <ProblemNotice error={error} />}
      <p role="status" className="form-ok" tabIndex={-1} ref={status}>
        {notice}
      </p>
      <Async value={tokens} what={t('tokens.title')}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('tokens.none')}</p>
          ) : (
            <TokenTable
              tokens={page.items}
              confirming={confirming}
              isBusy={isBusy}
              onAsk={(token) => {
                setNotice('');
                setConfirming(token.id);
              }}
              onRevoke={(token) => void revoke(token)}
              onCancel={() => setConfirming(null)}
            />
          )
        }
      </Async>
      <form className="finder-form" onSubmit={(e) => void create(e)}>
        <div className="field field--grow">
          <label htmlFor={labelId} className="field__label">
            {t('tokens.label')}
          </label>
          <span className="field__hint" id={`${labelId}-hint`}>
            {t('tokens.labelHint')}
          </span>
          <input
            id={labelId}
            type="text"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={100}
            required
            aria-describedby={`${labelId}-hint`}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('tokens.create')}
        </button>
      </form>
    </section>
  );
}

/** The tokens with when they were made and last used, and revoking one after a confirmation. */
function TokenTable({
  tokens,
  confirming,
  isBusy,
  onAsk,
  onRevoke,
  onCancel,
}: {
  tokens: readonly TokenSummary[];
  /** The token whose revoking waits for a yes. */
  confirming: string | null;
  isBusy: boolean;
  onAsk: (token: TokenSummary) => void;
  onRevoke: (token: TokenSummary) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const status = (token: TokenSummary) =>
    token.revokedAt !== null ? (
      <>
        {t('tokens.revoked')} {formatDateTime(token.revokedAt, locale)}
      </>
    ) : confirming === token.id ? (
      <RevokeConfirmation
        label={token.label}
        isBusy={isBusy}
        onConfirm={() => onRevoke(token)}
        onCancel={onCancel}
      />
    ) : (
      <span className="token-actions">
        {t('tokens.active')}
        <button
          type="button"
          className="button button--small-text"
          aria-label={t('tokens.revokeLabel', { label: token.label })}
          onClick={() => onAsk(token)}
        >
          {t('tokens.revoke')}
        </button>
      </span>
    );
  const columns: Column<TokenSummary>[] = [
    { key: 'label', label: t('tokens.label'), render: (token) => token.label },
    {
      key: 'created',
      label: t('tokens.created'),
      render: (token) => (
        <>
          {formatDateTime(token.createdAt, locale)}
          <br />
          <span className="muted">
            {t('tokens.createdBy', { who: '' })}
            <BreakableEmail text={actorName(token.createdBy, (id) => t('audit.token', { id }))} />
          </span>
        </>
      ),
    },
    {
      key: 'lastUsed',
      label: t('tokens.lastUsed'),
      render: (token) =>
        token.lastUsedAt === null ? t('tokens.never') : formatDateTime(token.lastUsedAt, locale),
    },
    {
      key: 'status',
      label: t('tokens.status'),
      render: (token) => (
        <div data-testid="token-status" className="token-status">
          {status(token)}
        </div>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('tokens.caption')}
      columns={columns}
      rows={tokens}
      rowKey={(token) => token.id}
      testId="token-table"
    />
  );
}

function RevokeConfirmation({
  label,
  isBusy,
  onConfirm,
  onCancel,
}: {
  label: string;
  isBusy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    yes.current?.focus();
  }, []);
  return (
    <div role="group" aria-label={t('tokens.revokeLabel', { label })} className="confirm">
      <p className="confirm__text">{t('tokens.confirm', { label })}</p>
      <div className="confirm__buttons">
        <button
          type="button"
          className="button button--danger button--small-text"
          ref={yes}
          disabled={isBusy}
          onClick={onConfirm}
        >
          {t('tokens.confirmYes')}
        </button>
        <button type="button" className="button button--small-text" onClick={onCancel}>
          {t('tokens.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A token just created: its secret is kept in the page only until the message is dismissed. */
type ShownToken = Pick<TokenCreated, 'label' | 'token'>;

/** The new token, shown once: a copy button and the warning that it will not be shown again. */
function NewToken({ created, onDismiss }: { created: ShownToken; onDismiss: () => void }) {
  const { label, token } = created;
  const { t } = useI18n();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const box = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div
      className="notice notice--ok new-token"
      tabIndex={-1}
      ref={box}
      role="region"
      aria-labelledby="new-token-title"
      data-testid="new-token"
    >
      <h3 id="new-token-title">{t('tokens.newTitle', { label })}</h3>
      <p>
        <strong>{t('tokens.warning')}</strong>
      </p>
      <label className="field">
        <span className="field__label">{t('tokens.tokenLabel')}</span>
        <input
          ref={field}
          type="text"
          readOnly
          value={token}
          className="token-value"
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-token-value"
        />
      </label>
      <div className="confirm__buttons">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {t('tokens.copy')}
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          {t('tokens.dismiss')}
        </button>
      </div>
      <p role="status" className={copied === 'failed' ? 'form-error' : 'form-ok'}>
        {copied === 'yes' ? t('tokens.copied') : copied === 'failed' ? t('tokens.copyFailed') : ''}
      </p>
    </div>
  );
}
