import { useId } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { Loadable } from '../../api/client';
import { ProblemNotice } from './problem';

/** The notice that figures come from synthetic demo data; shown on every page that has any. */
export function SyntheticNotice({ count }: { count: number }) {
  const { t } = useI18n();
  if (count <= 0) {
    return null;
  }
  return (
    <div className="notice notice--demo" role="note" data-testid="synthetic-notice">
      <strong>{t('demo.title')}</strong>{' '}
      {count === 1 ? t('demo.bodyOne') : t('demo.body', { count })}
    </div>
  );
}

export function DemoBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge--demo" title={t('demo.badgeTitle')}>
      {t('demo.badge')}
    </span>
  );
}

export function Unavailable({ what }: { what: string }) {
  const { t } = useI18n();
  return (
    <p className="notice notice--unavailable" data-testid="unavailable">
      <strong>{t('common.unavailable')}</strong> {t('common.unavailableBody', { what })}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" data-loading="">
      {t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return <ProblemNotice error={error} {...(onRetry === undefined ? {} : { onRetry })} />;
}

/** Renders a Loadable: loading, unavailable (endpoint not built yet), error, or the content. */
export function Async<T>({
  value,
  what,
  children,
}: {
  /** With reload (as useApi gives it), an error offers to try again. */
  value: Loadable<T> & { reload?: () => void };
  what: string;
  children: (data: T) => ReactNode;
}) {
  switch (value.state) {
    case 'loading':
      return <Loading />;
    case 'unavailable':
      return <Unavailable what={what} />;
    case 'error':
      return (
        <ErrorMessage
          error={value.error}
          {...(value.reload === undefined ? {} : { onRetry: value.reload })}
        />
      );
    case 'ok':
      return <>{children(value.data)}</>;
  }
}

export function KeyFigure({
  label,
  value,
  note,
  source,
  about,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  /** Where the figure comes from and its date, shown beside it. */
  source?: string;
  /** A short "what does this mean?", one tap away. */
  about?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="key-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="key-figure__value">{value}</span>
        {note === undefined ? null : <span className="key-figure__note">{note}</span>}
        {source === undefined ? null : <span className="key-figure__source">{source}</span>}
        {about === undefined ? null : (
          <details className="key-figure__about">
            <summary>{t('figure.about')}</summary>
            <p>{about}</p>
          </details>
        )}
      </dd>
    </div>
  );
}

/** A chart with its table alternative one click away (and always in the accessibility tree). */
export function ChartWithTable({
  title,
  description,
  chart,
  table,
}: {
  title: string;
  description?: string | undefined;
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {description === undefined ? null : <p className="chart-description">{description}</p>}
      {chart}
      <details className="table-alternative">
        <summary>{t('common.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

/** An e-mail address that may wrap before its "@" on a narrow screen, not in the middle of a word. */
export function BreakableEmail({ text }: { text: string }) {
  const at = text.indexOf('@');
  return at < 0 ? (
    <>{text}</>
  ) : (
    <>
      {text.slice(0, at)}
      <wbr />
      {text.slice(at)}
    </>
  );
}
