import { useEffect, useRef, useState } from 'react';
import { signOut } from '../../api/auth';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { Link, useLocation } from '../../router';
import { DemoBadge } from '../common/ui';
import { rolesLabel } from './roles';

/** The header's account element: "Aanmelden", or who is signed in (name, role) with "Afmelden". */
export function AccountMenu() {
  const { t } = useI18n();
  const session = useSession();
  const { pathname, search } = useLocation();
  const [isBusy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const signInLink = useRef<HTMLAnchorElement>(null);
  const justSignedOut = useRef(false);
  useEffect(() => {
    // After signing out, the button is gone: put the focus on the "Aanmelden" that replaced it.
    if (session.kind === 'anonymous' && justSignedOut.current) {
      justSignedOut.current = false;
      signInLink.current?.focus();
    }
  }, [session.kind]);

  if (session.kind === 'loading') {
    // Marked as loading: sections that depend on who is signed in (a hospice's API tokens, say)
    // appear only once the session is known, so the page is not settled before then.
    return <span className="account-menu" data-loading="" aria-hidden="true" />;
  }
  if (session.kind === 'anonymous') {
    if (pathname.startsWith('/aanmelden')) {
      return null;
    }
    const here = pathname + search;
    const href = here === '/' ? '/aanmelden' : `/aanmelden?terug=${encodeURIComponent(here)}`;
    return (
      <Link href={href} className="header-button" ref={signInLink} data-testid="sign-in-link">
        {t('auth.signIn')}
      </Link>
    );
  }
  const { user } = session;
  const onSignOut = async () => {
    setBusy(true);
    setFailed(false);
    try {
      justSignedOut.current = true;
      await signOut();
    } catch {
      justSignedOut.current = false;
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="account" data-testid="account">
      <p className="account__who">
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        <span className="account__name">
          <span data-testid="account-name">{user.name}</span>
          {user.isDemo ? (
            <>
              {' '}
              <DemoBadge />
            </>
          ) : null}
        </span>
        <span className="account__role" data-testid="account-role">
          {rolesLabel(user.roles, t)}
        </span>
      </p>
      <button
        type="button"
        className="header-button"
        disabled={isBusy}
        onClick={() => void onSignOut()}
      >
        {isBusy ? t('auth.signingOut') : t('auth.signOut')}
      </button>
      <details className="account__may" data-testid="account-permissions">
        <summary>{t('account.mayDo')}</summary>
        <ul>
          <li>{t('permission.read')}</li>
          {session.permissions.map((p) => (
            <li key={p}>{t(`permission.${p}`)}</li>
          ))}
        </ul>
      </details>
      {failed ? (
        <p role="alert" className="account__error">
          {t('auth.signOutFailed')}
        </p>
      ) : null}
    </div>
  );
}
