import { useApi, signInHref } from '../api/client';
import { useSession } from '../api/session';
import type { HospiceList } from '@palliamonitor/contracts';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { Async, DemoBadge, Loading } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';
import { TYPE_STYLE } from '../features/hospice/hospice-type';

/** The chooser for an editor of several hospices: one tap to the status card of each. */
export function MyHospicesPage() {
  const { t } = useI18n();
  usePageTitle(t('mine.title'));
  const session = useSession();
  const ids =
    session.kind === 'user'
      ? session.user.roles.flatMap((g) =>
          g.role === 'hospice-editor' && g.scope !== null ? [g.scope] : [],
        )
      : [];
  const list = useApi<HospiceList>(ids.length === 0 ? null : '/hospices?limit=1000');
  if (session.kind === 'loading') {
    return <Loading />;
  }
  if (session.kind === 'anonymous') {
    return (
      <>
        <h1>{t('mine.title')}</h1>
        <p className="notice">
          {t('mine.signIn')} <Link href={signInHref('/mijn-hospices')}>{t('auth.signIn')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('mine.title')}</h1>
      {ids.length === 0 ? (
        <p className="notice">{t('mine.none')}</p>
      ) : (
        <Async value={list} what={t('mine.title')}>
          {(page) => (
            <ul className="choice-list" data-testid="my-hospices">
              {page.items
                .filter((h) => ids.includes(h.id))
                .map((h) => (
                  <li key={h.id}>
                    <Link
                      href={`/hospice/${encodeURIComponent(h.id)}`}
                      className="choice-list__link"
                    >
                      <span className="choice-list__name">{h.name}</span>{' '}
                      <span className="choice-list__meta">
                        {t(TYPE_STYLE[h.type].label)} · {h.place}
                      </span>
                    </Link>{' '}
                    {h.isSynthetic ? <DemoBadge /> : null}
                  </li>
                ))}
            </ul>
          )}
        </Async>
      )}
    </>
  );
}
