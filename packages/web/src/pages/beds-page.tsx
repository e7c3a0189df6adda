import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, signInHref, useApi } from '../api/client';
import { useSession } from '../api/session';
import type { BedFinderHospice, BedFinderResult } from '@palliamonitor/contracts';
import { HOSPICE_TYPES } from '@palliamonitor/contracts/vocabulary';
import { isMessageKey, useI18n } from '../i18n/i18n';
import { Link, replaceSearch, useLocation } from '../router';
import { formatAge, formatDateTime, formatNumber } from '../lib/format';
import { Async, DemoBadge } from '../features/common/ui';
import { problemText } from '../features/common/problem';
import { AdmissionCriteria, ContactList } from '../features/hospice/contact-details';
import { BED_STATE_COLOUR, BED_STATE_LABEL } from '../features/live/bed-state';
import { BedStateLegend } from '../features/live/bed-state-legend';
import type { MessageKey } from '../i18n/nl';
import { PageHeading } from '../features/common/page-heading';
import { TYPE_STYLE } from '../features/hospice/hospice-type';
import { PointMap } from '../maps/point-map';
import { useBedStatusStream, type LiveState } from '../features/live/use-bed-status-stream';
import { SelectField } from '../features/common/select-field';

const RADII = [10, 25, 50, 100];

export function BedsPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const near = params.get('bij') ?? '';
  const type = params.get('type') ?? '';
  const radius = RADII.includes(Number(params.get('straal'))) ? Number(params.get('straal')) : 25;
  const [input, setInput] = useState(near);
  const path =
    near === ''
      ? null
      : `/beds/available?near=${encodeURIComponent(near)}&radiusKm=${radius}${type === '' ? '' : `&type=${type}`}`;
  const result = useApi<BedFinderResult>(path);
  const live = useBedStatusStream(near !== '', result.reload);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (result.state === 'ok') {
      setUpdatedAt(new Date());
    }
  }, [result]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(search);
    next.set('bij', input.trim());
    replaceSearch(next);
  };
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value === '') {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    replaceSearch(next);
  };

  return (
    <>
      <PageHeading title="beds.title" lead="beds.lead" />
      <form className="finder-form" onSubmit={submit} role="search">
        <label className="field field--grow">
          <span className="field__label">{t('beds.near')}</span>
          <span className="field__hint" id="near-hint">
            {t('beds.nearHint')}
          </span>
          <input
            type="text"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            autoComplete="postal-code"
            aria-describedby="near-hint"
            data-testid="near-input"
            required
          />
        </label>
        <SelectField
          label={t('beds.type')}
          value={type}
          choices={[
            { value: '', label: t('beds.allTypes') },
            ...HOSPICE_TYPES.map((ty) => ({ value: ty, label: t(TYPE_STYLE[ty].label) })),
          ]}
          onChange={(v) => set('type', v)}
          testId="type-select"
        />
        <SelectField
          label={t('beds.radius')}
          value={radius}
          choices={RADII.map((r) => ({ value: r, label: `${formatNumber(r, locale)} km` }))}
          onChange={(v) => set('straal', v)}
        />
        <button type="submit" className="button button--primary">
          {t('beds.search')}
        </button>
      </form>
      {result.state === 'error' &&
      result.error instanceof ApiError &&
      result.error.status === 422 ? (
        <PlaceProblem
          near={near}
          error={result.error}
          onChoose={(place) => {
            setInput(place);
            set('bij', place);
          }}
        />
      ) : near === '' ? null : (
        <Async value={result} what={t('beds.what')}>
          {(r) => <Results result={r} live={live} updatedAt={updatedAt} />}
        </Async>
      )}
    </>
  );
}

/** A place the finder could not use: the reason, and the close names or the choices as buttons. */
function PlaceProblem({
  near,
  error,
  onChoose,
}: {
  near: string;
  error: ApiError;
  onChoose: (place: string) => void;
}) {
  const { t } = useI18n();
  const issue = error.problem.invalidParams?.find((p) => p.name === 'near');
  const choices = String(issue?.params?.['options'] ?? issue?.params?.['suggestions'] ?? '')
    .split('|')
    .filter((c) => c !== '');
  const isAmbiguous = issue?.code === 'finder.placeAmbiguous';
  const key = `problem.${issue?.code ?? ''}`;
  const reason = isMessageKey(key) ? t(key, issue?.params) : problemText(error, t);
  return (
    <div className="notice notice--error" role="alert" data-testid="place-problem">
      <p>
        <strong>{t('beds.notFound', { near })}</strong> {reason}
      </p>
      {choices.length === 0 ? null : (
        <>
          <p>{isAmbiguous ? t('beds.whichOne') : t('beds.didYouMean')}</p>
          <ul className="choice-buttons">
            {choices.map((c) => (
              <li key={c}>
                <button
                  type="button"
                  className="button button--small-text"
                  onClick={() => onChoose(c)}
                >
                  {c}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const STATUS_COLOUR = BED_STATE_COLOUR;

function Results({
  result,
  live,
  updatedAt,
}: {
  result: BedFinderResult;
  live: LiveState;
  updatedAt: Date | null;
}) {
  const { t, plural, locale } = useI18n();
  const session = useSession();
  const all = result.hospices;
  const synthetic = all.some((h) => h.isSynthetic);
  const totalFree = result.available.reduce((s, h) => s + (h.bedsFree ?? 0), 0);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('beds.resultsTitle', { place: result.origin.label })}</h2>
      {synthetic ? (
        <p className="notice notice--demo" role="note">
          <strong>{t('demo.title')}</strong> {t('beds.demo')}
        </p>
      ) : null}
      <p className="live-line" data-testid="live-state" data-state={live}>
        <span className={`live-dot live-dot--${live}`} aria-hidden="true" />
        {live === 'live'
          ? t('beds.live')
          : live === 'offline'
            ? t('beds.offline')
            : t('beds.connecting')}
        {updatedAt === null
          ? null
          : ` · ${t('beds.updated', { time: formatDateTime(updatedAt, locale) })}`}
      </p>
      <p aria-live="polite" data-testid="beds-summary" className="beds-summary">
        {t('beds.summaryLine', {
          beds: plural('beds.freeBeds', totalFree),
          hospices: plural('beds.inHospices', result.available.length),
          radius: formatNumber(result.radiusKm, locale),
        })}{' '}
        {t('beds.fullAndUnknown', { full: result.full, unknown: result.unknown.length })}
      </p>
      {session.kind === 'anonymous' ? (
        <p className="hint" data-testid="phone-hint">
          {t('access.signInForPhone')} <Link href={signInHref()}>{t('auth.signIn')}</Link>
        </p>
      ) : null}
      {all.length === 0 ? (
        <p className="notice">{t('beds.none')}</p>
      ) : (
        <>
          <p className="muted">{plural('beds.listed', all.length)}</p>
          <ol className="bed-list" data-testid="bed-results">
            {all.map((h) => (
              <BedCard
                key={h.id}
                hospice={h}
                freshnessHours={result.freshnessHours}
                showContact={session.kind === 'user'}
              />
            ))}
          </ol>
        </>
      )}
      <h3>{t('beds.mapTitle')}</h3>
      <div className="map-layout map-layout--points">
        <PointMap
          label={t('beds.mapLabel', { count: result.available.length })}
          outline={null}
          origin={{
            latitude: result.origin.latitude,
            longitude: result.origin.longitude,
            label: result.origin.label,
          }}
          points={all.map((h) => ({
            id: h.id,
            latitude: h.latitude,
            longitude: h.longitude,
            label: `${h.name}: ${
              h.status === 'free'
                ? t('beds.freeCount', { count: h.bedsFree ?? 0 })
                : statusText(h.status, t)
            }`,
            ...(h.status === 'free' ? { caption: h.place, emphasis: true } : {}),
            color: STATUS_COLOUR[h.status],
            shape: h.status === 'free' ? ('circle' as const) : ('square' as const),
          }))}
        />
        <BedStateLegend unknownLabel="beds.legendUnknown" />
        <p className="type-legend type-legend--origin">
          <svg width="16" height="16" aria-hidden="true">
            <path d="M1,8H15M8,1V15" stroke="#000" strokeWidth="2" />
          </svg>{' '}
          {t('beds.legendOrigin')}
        </p>
      </div>
    </section>
  );
}

function statusText(status: BedFinderHospice['status'], t: (key: MessageKey) => string): string {
  return status === 'free' ? '' : t(BED_STATE_LABEL[status]);
}

/** One hospice of the list: its status, when and by whom confirmed, and (signed in) how to reach it. */
function BedCard({
  hospice: h,
  freshnessHours,
  showContact,
}: {
  hospice: BedFinderHospice;
  freshnessHours: number;
  showContact: boolean;
}) {
  const { t, plural, locale } = useI18n();
  const now = new Date();
  const address =
    h.streetAddress === null && h.postcode === null
      ? null
      : [h.streetAddress, [h.postcode, h.place].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join(', ');
  return (
    <li className={`bed-card bed-card--${h.status}`} data-hospice-id={h.id} data-status={h.status}>
      <div className="bed-card__main">
        <h3 className="bed-card__name">
          <Link href={`/hospice/${h.id}`}>{h.name}</Link> {h.isSynthetic ? <DemoBadge /> : null}
        </h3>
        <p className="bed-card__meta">
          {t(TYPE_STYLE[h.type].label)} · {h.place} ·{' '}
          {t('beds.distance', { km: formatNumber(h.distanceKm, locale, 1) })}
        </p>
        <p className="bed-card__meta">
          {h.confirmedAt === null ? (
            t('status.never')
          ) : (
            <>
              {t(h.confirmedBy === null ? 'beds.confirmedAt' : 'beds.confirmedBy', {
                time: formatAge(h.confirmedAt, now, locale),
                who: h.confirmedBy === null ? '' : t(`beds.by.${h.confirmedBy}`),
              })}
              {h.status === 'unknown'
                ? ` (${t('beds.unknownWhy', { hours: freshnessHours })})`
                : null}
            </>
          )}
        </p>
        {showContact ? (
          <>
            <ContactList phone={h.phone} address={address} website={h.website} testId="contact" />
            <AdmissionCriteria text={h.admissionCriteria} />
          </>
        ) : null}
      </div>
      {h.status === 'free' ? (
        <p className="bed-card__free" data-testid="free-count">
          <span className="bed-card__number">{formatNumber(h.bedsFree, locale)}</span>{' '}
          <span>{plural('beds.freeNow', h.bedsFree ?? 0)}</span>
        </p>
      ) : (
        <p className={`bed-card__state bed-card__state--${h.status}`} data-testid="bed-status">
          <strong>{statusText(h.status, t)}</strong>
          {h.status !== 'unknown' && h.waitingList !== null ? (
            <span>{t('beds.waitingList', { count: formatNumber(h.waitingList, locale) })}</span>
          ) : null}
        </p>
      )}
    </li>
  );
}
