import { useEffect, useMemo, useState } from 'react';
import { API, getJson, useApi } from '../../api/client';
import type { HospiceList } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, type Locale } from '../../lib/format';
import { Link } from '../../router';
import { auditRoleLabel } from '../account/roles';
import { actorName } from '../hospice/api-tokens';
import { Async, BreakableEmail } from '../common/ui';
import { DataTable, type Column } from '../common/data-table';
import type { AuditEntry, AuditPage } from '@palliamonitor/contracts';
import { actionKey, changedFields } from './audit';

const names = new Map<string, string>();

/** Names of the hospices the entries are about (cached; ids from `known` need no request). */
function useHospiceNames(
  ids: readonly string[],
  known: Readonly<Record<string, string>>,
): ReadonlyMap<string, string> {
  const [, setVersion] = useState(0);
  for (const [id, name] of Object.entries(known)) {
    names.set(id, name);
  }
  const missing = ids.filter((id) => !names.has(id)).join(',');
  useEffect(() => {
    if (missing === '') {
      return undefined;
    }
    let isCurrent = true;
    // One request for the registry's names, whatever the number of hospices the entries name: the
    // page stays within its request budget (an id per request grew with the log).
    getJson<HospiceList>('/hospices?limit=1000')
      .then(
        (list) => {
          for (const hospice of list.items) {
            names.set(hospice.id, hospice.name);
          }
        },
        () => undefined,
      )
      .finally(() => {
        for (const id of missing.split(',')) {
          if (!names.has(id)) {
            names.set(id, id);
          }
        }
        if (isCurrent) {
          setVersion((v) => v + 1);
        }
      });
    return () => {
      isCurrent = false;
    };
  }, [missing]);
  return names;
}

/**
 * The audit log as a table: when, who, role, what, hospice and a compact diff of the changed fields,
 * with a CSV export. With `region`: the latest changes of that region (regisseur, administrator);
 * without: every region, page by page (administrator).
 */
export function AuditLog({
  region,
  knownHospices = {},
  pageSize = region === undefined ? 50 : 25,
}: {
  region?: string;
  knownHospices?: Readonly<Record<string, string>>;
  pageSize?: number;
}) {
  const { t } = useI18n();
  // The server filters a regisseur to the own region(s); an administrator gets every region, so a
  // region's view filters the latest entries here.
  const [limit, setLimit] = useState(region === undefined ? pageSize : 500);
  const log = useApi<AuditPage>(`/audit-log?limit=${limit}`);
  return (
    <div className="audit-log" data-testid="audit-log">
      <p>
        <a href={`${API}/audit-log?format=csv`} download="auditlog.csv" data-testid="audit-csv">
          {t('audit.csv')}
        </a>{' '}
        <span className="hint">{t('audit.csvHint')}</span>
      </p>
      <Async value={log} what={t('audit.title')}>
        {(page) => {
          const items =
            region === undefined
              ? page.items
              : page.items.filter((e) => e.regionCode === region).slice(0, pageSize);
          return (
            <>
              <AuditTable
                items={items}
                showRegion={region === undefined}
                knownHospices={knownHospices}
              />
              {region === undefined ? (
                <p className="audit-log__more">
                  <span role="status">
                    {t('audit.count', { shown: items.length, total: page.total })}
                  </span>{' '}
                  {items.length < page.total ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setLimit((n) => Math.min(n + pageSize, 1000))}
                    >
                      {t('audit.more')}
                    </button>
                  ) : null}
                </p>
              ) : null}
            </>
          );
        }}
      </Async>
    </div>
  );
}

/** An ISO time in the audit data reads as a local date and time; anything else as it is. */
function display(value: string | null, locale: Locale): string {
  if (value === null) {
    return '–';
  }
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? formatDateTime(value, locale) : value;
}

function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t, locale } = useI18n();
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) {
    return <>–</>;
  }
  return (
    <ul className="diff">
      {changes.map((c) => (
        <li key={c.field}>
          <code>{c.field}</code>:{' '}
          {c.isSecret === true ? (
            <span className="muted">{t('audit.secret')}</span>
          ) : c.from === null ? (
            <>
              <span className="visually-hidden">{t('audit.created')} </span>
              <ins>{display(c.to, locale)}</ins>
            </>
          ) : (
            <>
              <del>{display(c.from, locale)}</del> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t('audit.to')} </span>{' '}
              <ins>{display(c.to, locale)}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function AuditTable({
  items,
  showRegion,
  knownHospices,
}: {
  items: AuditPage['items'];
  showRegion: boolean;
  knownHospices: Readonly<Record<string, string>>;
}) {
  const { t, locale } = useI18n();
  const ids = useMemo(
    () => [...new Set(items.flatMap((e) => (e.hospiceId === null ? [] : [e.hospiceId])))],
    [items],
  );
  const hospiceNames = useHospiceNames(ids, knownHospices);
  if (items.length === 0) {
    return <p>{t('audit.none')}</p>;
  }
  const region: Column<AuditEntry>[] = showRegion
    ? [
        {
          key: 'region',
          label: t('audit.region'),
          render: (entry) =>
            entry.regionCode === null ? (
              '–'
            ) : (
              <Link href={`/regio/${entry.regionCode}`}>{entry.regionCode}</Link>
            ),
        },
      ]
    : [];
  const columns: Column<AuditEntry>[] = [
    {
      key: 'when',
      label: t('audit.when'),
      render: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>,
    },
    {
      key: 'who',
      label: t('audit.who'),
      className: 'audit-table__who',
      render: (entry) => (
        <BreakableEmail text={actorName(entry.actor, (id) => t('audit.token', { id }))} />
      ),
    },
    { key: 'role', label: t('audit.role'), render: (entry) => auditRoleLabel(entry.role, t) },
    {
      key: 'what',
      label: t('audit.what'),
      render: (entry) => {
        const action = actionKey(entry);
        return action === null ? `${entry.method} ${entry.path}` : t(action);
      },
    },
    {
      key: 'hospice',
      label: t('audit.hospice'),
      render: (entry) =>
        entry.hospiceId === null ? (
          '–'
        ) : (
          <Link href={`/hospice/${encodeURIComponent(entry.hospiceId)}`}>
            {hospiceNames.get(entry.hospiceId) ?? entry.hospiceId}
          </Link>
        ),
    },
    ...region,
    {
      key: 'changes',
      label: t('audit.changes'),
      render: (entry) => <AuditChanges entry={entry} />,
    },
  ];
  return (
    <DataTable
      caption={t('audit.caption')}
      columns={columns}
      rows={items}
      rowKey={(entry) => String(entry.id)}
      rowAttributes={() => ({ 'data-testid': 'audit-row' })}
      testId="audit-table"
      className="audit-table"
    />
  );
}
