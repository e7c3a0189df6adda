import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, signInHref, useApi } from '../api/client';
import { useSession } from '../api/session';
import { HOSPICE_TYPES, type HospiceType } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link, replaceSearch, useLocation } from '../router';
import { formatAge, formatDateTime, formatNumber } from '../lib/format';
import { Async, DemoBadge } from '../features/common/ui';
import { usePageTitle } from '../features/common/use-page-title';
import { TYPE_STYLE } from '../features/hospice/hospice-type';
import { PointMap } from '../maps/point-map';
import { useBedStatusStream, type LiveState } from '../features/live/use-bed-status-stream';

interface FinderHospice {
  id: string;
  name: string;
  type: HospiceType;
  place: string;
  phone: string | null;
  latitude: number;
  longitude: number;
  distanceKm: number;
  bedsFree: number | null;
  confirmedAt: string | null;
  isSynthetic: boolean;
}

interface FinderResult {
  origin: { query: string; kind: string; label: string; latitude: number; longitude: number };
  radiusKm: number;
  freshnessHours: number;
  asOf: string;
  available: FinderHospice[];
  unknown: FinderHospice[];
  full: number;
}

const RADII = [10, 25, 50, 100];

export function BedsPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('beds.title'));
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
  const result = useApi<FinderResult>(path);
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
      <h1>{t('beds.title')}</h1>
      <p className="lead">{t('beds.lead')}</p>
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
        <label className="field">
          <span className="field__label">{t('beds.type')}</span>
          <select
            value={type}
            onChange={(e) => set('type', e.target.value)}
            data-testid="type-select"
          >
            <option value="">{t('beds.allTypes')}</option>
            {HOSPICE_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(TYPE_STYLE[ty].label)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('beds.radius')}</span>
          <select value={radius} onChange={(e) => set('straal', e.target.value)}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {formatNumber(r, locale)} km
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary">
          {t('beds.search')}
        </button>
      </form>
      {result.state === 'error' &&
      result.error instanceof ApiError &&
      result.error.status === 422 ? (
        <p className="notice notice--error" role="alert">
          <strong>{t('beds.notFound', { near })}</strong>{' '}
          {/postcode/i.test(result.error.message) ? t('beds.noPostcodes') : result.error.message}
        </p>
      ) : near === '' ? null : (
        <Async value={result} what={t('beds.what')}>
          {(r) => <Results result={r} live={live} updatedAt={updatedAt} />}
        </Async>
      )}
    </>
  );
}

function Results({
  result,
  live,
  updatedAt,
}: {
  result: FinderResult;
  live: LiveState;
  updatedAt: Date | null;
}) {
  const { t, locale } = useI18n();
  const session = useSession();
  const now = new Date();
  const synthetic = [...result.available, ...result.unknown].some((h) => h.isSynthetic);
  const totalFree = result.available.reduce((s, h) => s + (h.bedsFree ?? 0), 0);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('beds.resultsTitle', { place: result.origin.label })}</h2>
      {synthetic ? (
        <p className="notice notice--demo" role="note">
          <strong>{t('demo.title')}</strong> {t('beds.demo')}
        </p>
      ) : null}
      <p className="live-line">
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
        {t('beds.summary', {
          free: totalFree,
          hospices: result.available.length,
          radius: formatNumber(result.radiusKm, locale),
        })}{' '}
        {t('beds.fullAndUnknown', { full: result.full, unknown: result.unknown.length })}
      </p>
      {session.kind === 'anonymous' ? (
        <p className="hint" data-testid="phone-hint">
          {t('access.signInForPhone')} <Link href={signInHref()}>{t('auth.signIn')}</Link>
        </p>
      ) : null}
      <div className="map-layout map-layout--points">
        <PointMap
          label={t('beds.mapLabel', { count: result.available.length })}
          outline={null}
          origin={{
            latitude: result.origin.latitude,
            longitude: result.origin.longitude,
            label: result.origin.label,
          }}
          points={[
            ...result.unknown.map((h) => ({
              id: h.id,
              latitude: h.latitude,
              longitude: h.longitude,
              label: `${h.name}: ${t('status.unknown')}`,
              color: '#8a8a8a',
              shape: 'square' as const,
            })),
            ...result.available.map((h) => ({
              id: h.id,
              latitude: h.latitude,
              longitude: h.longitude,
              label: `${h.name}: ${t('beds.freeCount', { count: h.bedsFree ?? 0 })}`,
              caption: h.place,
              color: '#01578c',
              shape: 'circle' as const,
              emphasis: true,
            })),
          ]}
        />
        <ul className="type-legend">
          <li>
            <svg width="16" height="16" aria-hidden="true">
              <circle cx="8" cy="8" r="7" fill="#01578c" />
            </svg>
            {t('beds.legendFree')}
          </li>
          <li>
            <svg width="16" height="16" aria-hidden="true">
              <rect x="2" y="2" width="12" height="12" fill="#8a8a8a" />
            </svg>
            {t('beds.legendUnknown')}
          </li>
          <li>
            <svg width="16" height="16" aria-hidden="true">
              <path d="M1,8H15M8,1V15" stroke="#000" strokeWidth="2" />
            </svg>
            {t('beds.legendOrigin')}
          </li>
        </ul>
      </div>
      {result.available.length === 0 ? (
        <p className="notice">{t('beds.none')}</p>
      ) : (
        <ol className="bed-list" data-testid="bed-results">
          {result.available.map((h) => (
            <li key={h.id} className="bed-card" data-hospice-id={h.id}>
              <div className="bed-card__main">
                <h3 className="bed-card__name">
                  <Link href={`/hospice/${h.id}`}>{h.name}</Link>{' '}
                  {h.isSynthetic ? <DemoBadge /> : null}
                </h3>
                <p className="bed-card__meta">
                  {t(TYPE_STYLE[h.type].label)} · {h.place} ·{' '}
                  {t('beds.distance', { km: formatNumber(h.distanceKm, locale, 1) })}
                </p>
                <p className="bed-card__meta">
                  {h.confirmedAt === null ? null : (
                    <>
                      {t('beds.confirmed')}{' '}
                      <time dateTime={h.confirmedAt} title={formatDateTime(h.confirmedAt, locale)}>
                        {formatAge(h.confirmedAt, now, locale)}
                      </time>
                    </>
                  )}
                  {h.phone === null ? null : (
                    <>
                      {' · '}
                      <a href={`tel:${h.phone.replace(/[^0-9+]/g, '')}`}>{h.phone}</a>
                    </>
                  )}
                </p>
              </div>
              <p className="bed-card__free" data-testid="free-count">
                <span className="bed-card__number">{formatNumber(h.bedsFree, locale)}</span>
                <span>{t('beds.freeLabel', { count: h.bedsFree ?? 0 })}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
      {result.unknown.length === 0 ? null : (
        <details className="unknown-list">
          <summary>
            {t('beds.unknownTitle', { count: result.unknown.length, hours: result.freshnessHours })}
          </summary>
          <ul>
            {result.unknown.map((h) => (
              <li key={h.id}>
                <Link href={`/hospice/${h.id}`}>{h.name}</Link> ({h.place},{' '}
                {t('beds.distance', { km: formatNumber(h.distanceKm, locale, 1) })}):{' '}
                {h.confirmedAt === null
                  ? t('status.never')
                  : t('beds.lastConfirmed', { time: formatAge(h.confirmedAt, now, locale) })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
