import { ApiError, useApi } from '../api/client';
import type { HospicePageView } from '@palliamonitor/contracts';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { Breadcrumb } from '../features/common/breadcrumb';
import { formatDate, formatNumber } from '../lib/format';
import { Async, DemoBadge, KeyFigure, SyntheticNotice } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';
import { WhenVisible } from '../features/common/when-visible';
import { HospiceHistoryTable } from '../features/hospice/hospice-history';
import { NotFoundPage } from './not-found-page';
import { StatusUpdate } from '../features/hospice/status-update';
import { ApiTokens } from '../features/hospice/api-tokens';
import { ContactDetails } from '../features/hospice/contact-details';
import { hasRole, mayWriteForHospice, useSession } from '../api/session';
import { ReminderSetting } from '../features/reminders/reminder-setting';
import { signInHref } from '../api/client';
import { StatisticsSection } from '../features/statistics/trend';
import { TYPE_STYLE } from '../features/hospice/hospice-type';
import type { MessageKey } from '../i18n/nl';
import { ViabilitySignal } from '../features/viability/viability-signal';

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  name: 'field.name',
  licensedBeds: 'field.licensedBeds',
  type: 'field.type',
  place: 'field.place',
  gemeenteCode: 'field.gemeenteCode',
  funding: 'field.funding',
  umbrellas: 'field.umbrellas',
  careModel: 'field.careModel',
  openedOn: 'field.openedOn',
  closedOn: 'field.closedOn',
  streetAddress: 'field.streetAddress',
  admissionCriteria: 'field.admissionCriteria',
};

export function HospicePage({ id }: { id: string }) {
  const { t } = useI18n();
  // The first view in one request: registration, bed status, waiting list and viability.
  const page = useApi<HospicePageView>(`/hospices/${encodeURIComponent(id)}/page`);
  usePageTitle(page.state === 'ok' ? page.data.hospice.name : t('hospice.title'));
  if (page.state === 'error' && page.error instanceof ApiError && page.error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <Async value={page} what={t('hospice.title')}>
      {(p) => <HospiceContent view={p} onChanged={page.reload} />}
    </Async>
  );
}

function HospiceContent({ view, onChanged }: { view: HospicePageView; onChanged: () => void }) {
  const { hospice } = view;
  const { t, locale } = useI18n();
  const region = hospice.regions.zorgkantoorregio;
  const session = useSession();
  const mayWrite = mayWriteForHospice(session, hospice.id, region?.code ?? null);
  const recordedByLabel = (who: string) => {
    const key = NEUTRAL_ACTORS[who];
    return key === undefined ? who : t(key);
  };
  return (
    <>
      <Breadcrumb
        trail={region === null ? [] : [{ href: `/regio/${region.code}`, label: region.name }]}
        current={hospice.name}
      />
      <h1>
        {hospice.name} {hospice.isSynthetic ? <DemoBadge /> : null}
      </h1>
      <p className="lead lead--compact">
        {t(TYPE_STYLE[hospice.type].label)} · {hospice.place}
        {hospice.regions.gemeente === null
          ? ''
          : ` (${t('hospice.gemeente')} ${hospice.regions.gemeente.name})`}
      </p>

      <section aria-labelledby="status-title" className="panel panel--status">
        <h2 id="status-title">{t('hospice.statusTitle')}</h2>
        <StatusUpdate
          key={mayWrite ? 'write' : 'read'}
          hospiceId={hospice.id}
          licensedBeds={hospice.licensedBeds}
          readOnly={!mayWrite}
          initial={{ status: view.bedStatus, waitingList: view.waitingList }}
        />
        {mayWrite ? <p className="hint">{t('hospice.statusHint')}</p> : null}
        {hasRole(session, 'hospice-editor', hospice.id) ? (
          <ReminderSetting hospiceId={hospice.id} />
        ) : null}
        {session.kind === 'anonymous' ? (
          <p className="notice sign-in-prompt" data-testid="sign-in-prompt">
            {t('access.signInToUpdate')}{' '}
            <Link href={signInHref(`/hospice/${encodeURIComponent(hospice.id)}`)}>
              {t('auth.signIn')}
            </Link>
          </p>
        ) : session.kind === 'user' && !mayWrite ? (
          <p className="notice" data-testid="not-your-hospice">
            {t('access.notYourHospice')}
          </p>
        ) : null}
      </section>
      <SyntheticNotice count={hospice.isSynthetic ? 1 : 0} />

      <dl className="key-figures">
        <KeyFigure
          label={t('figure.licensedBeds')}
          value={formatNumber(hospice.licensedBeds, locale)}
        />
        <KeyFigure label={t('field.openedOn')} value={formatDate(hospice.openedOn, locale)} />
        <KeyFigure label={t('field.funding')} value={hospice.funding.join(', ') || '–'} />
        <KeyFigure
          label={t('field.umbrellas')}
          value={hospice.umbrellas.join(', ').toUpperCase() || '–'}
        />
      </dl>

      <ViabilitySignal path={`/hospices/${hospice.id}/viability`} initial={view.viability} />
      <ContactDetails hospice={hospice} mayEdit={mayWrite} onSaved={onChanged} />

      <StatisticsSection
        id="figures-title"
        heading={t('hospice.figuresTitle')}
        path={`/hospices/${hospice.id}/statistics?period=month`}
        title={t('hospice.figuresChart', { name: hospice.name })}
      />

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('hospice.historyTitle')}</h2>
        <WhenVisible>
          <HospiceHistoryTable
            hospiceId={hospice.id}
            fieldLabels={FIELD_LABELS}
            recordedByLabel={recordedByLabel}
          />
        </WhenVisible>
      </section>

      {mayWrite ? (
        <WhenVisible>
          <ApiTokens hospiceId={hospice.id} />
        </WhenVisible>
      ) : null}
    </>
  );
}

/** Who recorded a version: a kind for most readers, the account itself for administrators. */
const NEUTRAL_ACTORS: Record<string, MessageKey> = {
  person: 'who.person',
  'hospice-system': 'who.hospice-system',
  system: 'who.system',
};
