import { signInHref } from '../api/client';
import { hasRole, useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { AuditLog } from '../features/audit/audit-log';
import { Loading } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';

/** /beheer/auditlog: every change in every region, for administrators. */
export function AuditPage() {
  const { t } = useI18n();
  usePageTitle(t('audit.adminTitle'));
  const session = useSession();
  return (
    <>
      <h1>{t('audit.adminTitle')}</h1>
      {session.kind === 'loading' ? (
        <Loading />
      ) : session.kind === 'anonymous' ? (
        <p className="notice" data-testid="sign-in-prompt">
          {t('access.signInForAudit')} <Link href={signInHref()}>{t('auth.signIn')}</Link>
        </p>
      ) : !hasRole(session, 'administrator') ? (
        <p className="notice notice--error" data-testid="forbidden">
          <strong>{t('access.forbidden')}</strong> {t('access.adminOnly')}
        </p>
      ) : (
        <>
          <p className="lead">{t('audit.leadAll')}</p>
          <AuditLog />
        </>
      )}
    </>
  );
}
