import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { Link } from '../router';
import { usePageTitle } from '../features/common/use-page-title';

// The pages every Dutch government site links from its footer: accessibility statement, privacy
// statement, sources and contact. Their text lives in the i18n files like every other text.

/** The footer's pages: path and title, in the order the footer lists them. */
export const INFO_PAGES = [
  { href: '/toegankelijkheid', title: 'info.accessibility.title' },
  { href: '/privacy', title: 'info.privacy.title' },
  { href: '/bronnen', title: 'info.sources.title' },
  { href: '/contact', title: 'info.contact.title' },
] as const satisfies readonly { href: string; title: MessageKey }[];

/** A footer page: its title (also the document's) as the heading above what it says. */
function InfoArticle({ title, children }: { title: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  usePageTitle(t(title));
  return (
    <article className="info-page">
      <h1>{t(title)}</h1>
      {children}
    </article>
  );
}

function InfoPage({ title, paragraphs }: { title: MessageKey; paragraphs: readonly MessageKey[] }) {
  const { t } = useI18n();
  return (
    <InfoArticle title={title}>
      {paragraphs.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </InfoArticle>
  );
}

export function AccessibilityPage() {
  return (
    <InfoPage
      title="info.accessibility.title"
      paragraphs={[
        'info.accessibility.aim',
        'info.accessibility.tested',
        'info.accessibility.known',
        'info.accessibility.report',
      ]}
    />
  );
}

export function PrivacyPage() {
  return (
    <InfoPage
      title="info.privacy.title"
      paragraphs={[
        'info.privacy.noPatients',
        'info.privacy.accounts',
        'info.privacy.cookies',
        'info.privacy.rights',
      ]}
    />
  );
}

const SOURCES: readonly { name: MessageKey; licence: string }[] = [
  { name: 'info.sources.regions', licence: 'CC BY 4.0, CBS / Kadaster-PDOK' },
  { name: 'info.sources.population', licence: 'CC BY 4.0, CBS' },
  { name: 'info.sources.deaths', licence: 'CC BY 4.0, CBS' },
  { name: 'info.sources.prognosis', licence: 'CC BY 4.0, PBL / CBS' },
  { name: 'info.sources.postcodes', licence: 'CC BY 4.0, GeoNames' },
  { name: 'info.sources.registry', licence: '—' },
  { name: 'info.sources.demo', licence: '—' },
];

export function SourcesPage() {
  const { t } = useI18n();
  return (
    <InfoArticle title="info.sources.title">
      <p>{t('info.sources.lead')}</p>
      <ul data-testid="sources">
        {SOURCES.map((s) => (
          <li key={s.name}>
            {t(s.name)} <span className="muted">({s.licence})</span>
          </li>
        ))}
      </ul>
      <p>{t('info.sources.model')}</p>
    </InfoArticle>
  );
}

export function ContactPage() {
  const { t } = useI18n();
  return (
    <InfoArticle title="info.contact.title">
      <p>{t('info.contact.lead')}</p>
      <p>
        <a href="mailto:contact@palliamonitor.nl">contact@palliamonitor.nl</a>
      </p>
      <p>{t('info.contact.data')}</p>
    </InfoArticle>
  );
}
