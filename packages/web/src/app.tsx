import { Suspense, lazy, useEffect, useRef, type ComponentType } from 'react';
// The footer's pages are a few paragraphs each: in the initial bundle.
import {
  AccessibilityPage,
  ContactPage,
  INFO_PAGES,
  PrivacyPage,
  SourcesPage,
} from './pages/info-pages';
import { useI18n } from './i18n/i18n';
import { Link, useLocation } from './router';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { Loading } from './features/common/ui';
import { AccountMenu } from './features/account/account-menu';
import { hasRole, useSession } from './api/session';
import { landingPath } from './features/account/landing';
// The page table without the schemas: the initial bundle stays free of TypeBox.
import { matchPage } from '@palliamonitor/contracts/pages';

/** A page whose module loads when first visited; `name` is the page's export in it. */
function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

// Only the overview is in the initial bundle; the other pages load when first visited (the scenario
// explorer brings the model with it).
const RegionPage = lazyPage(() => import('./pages/region-page'), 'RegionPage');
const HospicePage = lazyPage(() => import('./pages/hospice-page'), 'HospicePage');
const BedsPage = lazyPage(() => import('./pages/beds-page'), 'BedsPage');
const ScenarioPage = lazyPage(() => import('./pages/scenario-page'), 'ScenarioPage');
// Signing in, asking for a reset link and setting the new password are one module.
const accountPages = () => import('./pages/account-pages');
const SignInPage = lazyPage(accountPages, 'SignInPage');
const ForgotPasswordPage = lazyPage(accountPages, 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(accountPages, 'ResetPasswordPage');
const MyHospicesPage = lazyPage(() => import('./pages/my-hospices-page'), 'MyHospicesPage');
const PlansPage = lazyPage(() => import('./pages/plans-page'), 'PlansPage');
const ReportPage = lazyPage(() => import('./pages/report-page'), 'ReportPage');
const OpenDataPage = lazyPage(() => import('./pages/open-data-page'), 'OpenDataPage');
const OrganisationPage = lazyPage(() => import('./pages/organisation-page'), 'OrganisationPage');
const AuditPage = lazyPage(() => import('./pages/audit-page'), 'AuditPage');

function route(pathname: string) {
  const match = matchPage(pathname);
  if (match === undefined) {
    return <NotFoundPage />;
  }
  const { code = '', id = '' } = match.params;
  switch (match.page) {
    case 'overview':
      return <HomePage />;
    case 'region':
      return <RegionPage key={code} code={code.toUpperCase()} />;
    case 'hospice':
      return <HospicePage key={id} id={id} />;
    case 'beds':
      return <BedsPage />;
    case 'scenario':
      return <ScenarioPage />;
    case 'signIn':
      return <SignInPage />;
    case 'passwordForgotten':
      return <ForgotPasswordPage />;
    case 'passwordReset':
      return <ResetPasswordPage />;
    case 'audit':
      return <AuditPage />;
    case 'myHospices':
      return <MyHospicesPage />;
    case 'accessibility':
      return <AccessibilityPage />;
    case 'privacy':
      return <PrivacyPage />;
    case 'sources':
      return <SourcesPage />;
    case 'contact':
      return <ContactPage />;
    case 'plans':
      return <PlansPage />;
    case 'report':
      return <ReportPage key={code} code={code.toUpperCase()} />;
    case 'openData':
      return <OpenDataPage />;
    case 'organisation':
      return <OrganisationPage />;
  }
}

const NAV = [
  { href: '/', key: 'nav.overview' },
  { href: '/bedden', key: 'nav.beds' },
  { href: '/scenario', key: 'nav.scenario' },
  { href: '/plannen', key: 'nav.plans' },
] as const;
const ADMIN_NAV = [{ href: '/beheer/auditlog', key: 'nav.audit' }] as const;

export function App() {
  const { t, locale, setLocale } = useI18n();
  const { pathname } = useLocation();
  const session = useSession();
  const mine =
    session.kind === 'user' && hasRole(session, 'hospice-editor')
      ? [{ href: landingPath(session.user), key: 'nav.mine' as const }]
      : [];
  const nav = [...mine, ...(hasRole(session, 'administrator') ? [...NAV, ...ADMIN_NAV] : NAV)];
  const main = useRef<HTMLElement>(null);
  const isFirst = useRef(true);
  useEffect(() => {
    // After client-side navigation, move focus to the new page so screen readers start there.
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);
  const section = mine.some((m) => m.href === pathname)
    ? pathname
    : pathname === '/' || pathname.startsWith('/regio') || pathname.startsWith('/hospice')
      ? '/'
      : pathname;
  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <div className="container site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__ribbon" aria-hidden="true" />
              <span className="brand__text">
                <span className="brand__name">Palliamonitor</span>
                <span className="brand__tagline">{t('brand.tagline')}</span>
              </span>
            </Link>
            <div className="site-header__tools">
              <AccountMenu />
              <button
                type="button"
                className="language-switch"
                lang={locale === 'nl' ? 'en' : 'nl'}
                onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
              >
                {locale === 'nl' ? 'English' : 'Nederlands'}
              </button>
            </div>
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.main')}>
          <ul className="container">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={section === item.href ? 'page' : undefined}>
                  {t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="inhoud" ref={main} tabIndex={-1} className="container">
        <Suspense fallback={<Loading />}>{route(pathname)}</Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.about')}</p>
          <ul className="site-footer__links">
            {INFO_PAGES.map((p) => (
              <li key={p.href}>
                <Link href={p.href}>{t(p.title)}</Link>
              </li>
            ))}
            <li>
              <Link href="/open-data">{t('footer.openData')}</Link>
            </li>
            <li>
              <a href="/api/v1/openapi.json">{t('footer.api')}</a>
            </li>
          </ul>
          <p>{t('footer.sources')}</p>
        </div>
      </footer>
    </>
  );
}
