// Signing in, asking for a password-reset link and choosing a new password.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError, safeReturnPath, sendJson, useApi } from '../api/client';
import { signIn } from '../api/auth';
import { useSession } from '../api/session';
import type { Overview } from '@palliamonitor/contracts';
import { useI18n, type I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { Link, navigate, useLocation } from '../router';
import { problemText } from '../features/common/problem';
import { usePageTitle } from '../features/common/use-page-title';
import { landingPath } from '../features/account/landing';

const MIN_PASSWORD = 12;
const DEMO_PASSWORD = 'palliamonitor-demo';
const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: MessageKey }> = [
  { email: 'beheerder@demo.palliamonitor.nl', role: 'role.administrator' },
  { email: 'regisseur@demo.palliamonitor.nl', role: 'signIn.demoRegisseur' },
  { email: 'analist@demo.palliamonitor.nl', role: 'role.national-analyst' },
  { email: 'zorgverlener@demo.palliamonitor.nl', role: 'role.care-professional' },
  { email: 'hospice@demo.palliamonitor.nl', role: 'signIn.demoHospice' },
];

function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** A form's error, announced at once and linked to the field it is about. */
function FormError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="notice notice--error" role="alert" data-testid="form-error">
      {children}
    </p>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  usePageTitle(t('signIn.title'));
  const session = useSession();
  const { search } = useLocation();
  const asked = new URLSearchParams(search).get('terug');
  const back = safeReturnPath(asked);
  const overview = useApi<Overview>('/overview');
  const isDemo = overview.state === 'ok' && overview.data.national.syntheticFacilities > 0;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ text: string; field: 'email' | 'password' | null } | null>(
    null,
  );
  const [isBusy, setBusy] = useState(false);
  const submitButton = useRef<HTMLButtonElement>(null);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (email.trim() === '' || password === '') {
      setError({ text: t('signIn.fillBoth'), field: email.trim() === '' ? 'email' : 'password' });
      return;
    }
    if (!looksLikeEmail(email)) {
      setError({ text: t('signIn.invalidEmail'), field: 'email' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(email.trim(), password);
      navigate(asked === null ? landingPath(user) : back, { replace: true });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 401) {
        setError({ text: t('signIn.wrong'), field: 'password' });
      } else if (e instanceof ApiError && e.status === 400) {
        setError({ text: t('signIn.invalidEmail'), field: 'email' });
      } else {
        setError({ text: problemText(e, t), field: null });
      }
    }
  };

  if (session.kind === 'user') {
    return (
      <>
        <h1>{t('signIn.title')}</h1>
        <p className="notice notice--ok" data-testid="signed-in">
          {t('signIn.already', { name: session.user.name })}
        </p>
        <p>
          <Link href={asked === null ? landingPath(session.user) : back}>
            {t('signIn.continue')}
          </Link>
        </p>
      </>
    );
  }

  const invalid = (field: 'email' | 'password') =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <div className="account-layout">
      <div className="account-form">
        <h1>{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.lead')}</p>
        {error === null ? null : <FormError id={errorId}>{error.text}</FormError>}
        <form noValidate onSubmit={(e) => void submit(e)} className="stack-form">
          <EmailField
            value={email}
            onChange={setEmail}
            errorId={error?.field === 'email' ? errorId : null}
          />
          <PasswordField
            kind="current"
            value={password}
            onChange={setPassword}
            aria={invalid('password')}
          />
          <div>
            <button
              type="submit"
              className="button button--primary"
              disabled={isBusy}
              ref={submitButton}
            >
              {isBusy ? t('signIn.busy') : t('signIn.submit')}
            </button>
          </div>
        </form>
        <p>
          <Link href="/wachtwoord-vergeten">{t('signIn.forgot')}</Link>
        </p>
      </div>
      {isDemo ? (
        <DemoAccounts
          onUse={(account) => {
            setEmail(account);
            setPassword(DEMO_PASSWORD);
            setError(null);
            submitButton.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

/** The demo's accounts, each a tap away from the form filled in with it. */
function DemoAccounts({ onUse }: { onUse: (email: string) => void }) {
  const { t } = useI18n();
  return (
    <section
      className="notice notice--demo demo-accounts"
      aria-labelledby="demo-accounts-title"
      data-testid="demo-accounts"
    >
      <h2 id="demo-accounts-title">{t('signIn.demoTitle')}</h2>
      <p>{t('signIn.demoBody')}</p>
      <p>
        {t('signIn.demoPassword')} <code className="secret">{DEMO_PASSWORD}</code>
      </p>
      <ul className="demo-accounts__list">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <span className="demo-accounts__role">{t(account.role)}</span>
            <code className="secret">
              {account.email.split('@')[0]}
              <wbr />@{account.email.split('@')[1]}
            </code>
            <button
              type="button"
              className="button button--small-text"
              aria-label={t('signIn.demoUseLabel', { email: account.email })}
              onClick={() => onUse(account.email)}
            >
              {t('signIn.demoUse')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'sent' } | { kind: 'error'; text: string }
  >({ kind: 'idle' });
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!looksLikeEmail(email)) {
      setState({ kind: 'error', text: t('signIn.invalidEmail') });
      return;
    }
    setState({ kind: 'busy' });
    try {
      await sendJson(
        'POST',
        '/auth/password-reset',
        { email: email.trim() },
        {
          onUnauthorized: 'throw',
        },
      );
      setState({ kind: 'sent' });
    } catch (e) {
      setState({
        kind: 'error',
        text:
          e instanceof ApiError && e.status === 400 ? t('signIn.invalidEmail') : problemText(e, t),
      });
    }
  };
  return (
    <div className="account-form">
      <h1>{t('forgot.title')}</h1>
      <p className="lead">{t('forgot.lead')}</p>
      {state.kind === 'error' ? <FormError id={errorId}>{state.text}</FormError> : null}
      <p role="status" className={state.kind === 'sent' ? 'notice notice--ok' : 'visually-hidden'}>
        {state.kind === 'sent' ? t('forgot.sent') : ''}
      </p>
      <form noValidate onSubmit={(e) => void submit(e)} className="stack-form">
        <EmailField
          value={email}
          onChange={setEmail}
          errorId={state.kind === 'error' ? errorId : null}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={state.kind === 'busy'}>
            {t('forgot.submit')}
          </button>
        </div>
      </form>
      <p>
        <Link href="/aanmelden">{t('forgot.back')}</Link>
      </p>
    </div>
  );
}

/** The e-mail field of the sign-in and reset forms; `errorId` names the message when it is wrong. */
function EmailField({
  value,
  onChange,
  errorId,
}: {
  value: string;
  onChange: (value: string) => void;
  errorId: string | null;
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="field__label">{t('signIn.email')}</span>
      <input
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        {...(errorId === null ? {} : { 'aria-invalid': true, 'aria-describedby': errorId })}
      />
    </label>
  );
}

type FieldAria = { 'aria-invalid'?: boolean; 'aria-describedby'?: string };

// The three password fields: name and autocomplete tell a password manager which one it is.
const PASSWORD_FIELDS = {
  current: { label: 'signIn.password', name: 'password', autoComplete: 'current-password' },
  new: { label: 'reset.password', name: 'new-password', autoComplete: 'new-password' },
  repeat: { label: 'reset.repeat', name: 'repeat-password', autoComplete: 'new-password' },
} as const;

/**
 * A password field: the current one (sign in), a new one (with its rules as a hint, `hintId`) or
 * the new one again; `aria` says whether it is wrong and which texts describe it.
 */
function PasswordField({
  kind,
  hintId,
  value,
  onChange,
  aria,
}: {
  kind: keyof typeof PASSWORD_FIELDS;
  hintId?: string;
  value: string;
  onChange: (value: string) => void;
  aria: FieldAria;
}) {
  const { t } = useI18n();
  const field = PASSWORD_FIELDS[kind];
  return (
    <label className="field">
      <span className="field__label">{t(field.label)}</span>
      {hintId === undefined ? null : (
        <span className="field__hint" id={hintId}>
          {t('reset.passwordHint')}
        </span>
      )}
      <input
        type="password"
        name={field.name}
        autoComplete={field.autoComplete}
        minLength={kind === 'new' ? MIN_PASSWORD : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        {...aria}
      />
    </label>
  );
}

type ResetField = 'password' | 'repeat' | 'token';

/** Why a new password was refused, and which field it is about. */
function resetFailure(e: unknown, t: I18n['t']): { text: string; field: ResetField | null } {
  const fields = e instanceof ApiError ? (e.problem.invalidParams ?? []) : [];
  if (fields.some((p) => p.name === 'token') || (e instanceof ApiError && e.status === 400)) {
    return { text: t('reset.invalidLink'), field: 'token' };
  }
  if (fields.some((p) => p.name === 'password')) {
    return { text: t('reset.tooShort'), field: 'password' };
  }
  return { text: problemText(e, t), field: null };
}

/** The reset page when there is no form to show: the outcome, and where to go next. */
function ResetNotice({
  link,
  linkText,
  children,
}: {
  link: string;
  linkText: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="account-form">
      <h1>{t('reset.title')}</h1>
      {children}
      <p>
        <Link href={link}>{linkText}</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('reset.title'));
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'done' }
    | { kind: 'error'; text: string; field: ResetField | null }
  >({ kind: 'idle' });
  const errorId = useId();
  const hintId = useId();
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.kind === 'done') {
      done.current?.focus();
    }
  }, [state.kind]);

  if (state.kind === 'done') {
    return (
      <ResetNotice link="/aanmelden" linkText={t('auth.signIn')}>
        <p className="notice notice--ok" role="status" tabIndex={-1} ref={done}>
          {t('reset.done')}
        </p>
      </ResetNotice>
    );
  }
  if (token === '') {
    return (
      <ResetNotice link="/wachtwoord-vergeten" linkText={t('reset.newLink')}>
        <p className="notice">{t('reset.noToken')}</p>
      </ResetNotice>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setState({ kind: 'error', text: t('reset.tooShort'), field: 'password' });
      return;
    }
    if (password !== repeat) {
      setState({ kind: 'error', text: t('reset.mismatch'), field: 'repeat' });
      return;
    }
    setState({ kind: 'busy' });
    try {
      await sendJson(
        'POST',
        '/auth/password-reset/confirm',
        { token, password },
        {
          onUnauthorized: 'throw',
        },
      );
      // The link is used up: take it out of the address bar and history.
      navigate('/wachtwoord-herstellen', { replace: true });
      setState({ kind: 'done' });
    } catch (e) {
      setState({ kind: 'error', ...resetFailure(e, t) });
    }
  };
  const invalidPassword =
    state.kind === 'error' && state.field === 'password'
      ? { 'aria-invalid': true, 'aria-describedby': `${errorId} ${hintId}` }
      : { 'aria-describedby': hintId };
  return (
    <div className="account-form">
      <h1>{t('reset.title')}</h1>
      {state.kind === 'error' ? (
        <FormError id={errorId}>
          {state.text}{' '}
          {state.field === 'token' ? (
            <Link href="/wachtwoord-vergeten">{t('reset.newLink')}</Link>
          ) : null}
        </FormError>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)} className="stack-form">
        <PasswordField
          kind="new"
          hintId={hintId}
          value={password}
          onChange={setPassword}
          aria={invalidPassword}
        />
        <PasswordField
          kind="repeat"
          value={repeat}
          onChange={setRepeat}
          aria={
            state.kind === 'error' && state.field === 'repeat'
              ? { 'aria-invalid': true, 'aria-describedby': errorId }
              : {}
          }
        />
        <div>
          <button type="submit" className="button button--primary" disabled={state.kind === 'busy'}>
            {t('reset.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
