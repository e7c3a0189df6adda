import { ApiError, type ReceivedProblem } from '../../api/client';
import { isMessageKey, useI18n, type I18n } from '../../i18n/i18n';
import { roleLabel } from '../account/roles';

/**
 * A server message in the interface language: its code when the interface knows it, else the
 * server's own (English) text, so a message the interface does not know yet is never lost.
 */
function coded(
  t: I18n['t'],
  code: string | undefined,
  params: Record<string, string | number> | undefined,
  text: string,
): string {
  const key = `problem.${code}`;
  return code !== undefined && isMessageKey(key) ? t(key, localParams(t, params)) : text;
}

/** Values that are codes themselves (role names, field names) in the interface language. */
function localParams(
  t: I18n['t'],
  params: Record<string, string | number> | undefined,
): Record<string, string | number> | undefined {
  const roles = params?.['roles'];
  const field = params?.['field'];
  return params === undefined
    ? params
    : {
        ...params,
        ...(typeof roles === 'string'
          ? {
              roles: roles
                .split(', ')
                .map((role) => roleLabel({ role, scope: null }, t))
                .join(` ${t('common.or')} `),
            }
          : {}),
        ...(typeof field === 'string' ? { field: fieldLabel(t, field) } : {}),
      };
}

/** The field's name in the interface language, when it has one. */
function fieldLabel(t: I18n['t'], name: string): string {
  const key = `field.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** The reason of a 403 in the interface language. */
function forbiddenReason(problem: ReceivedProblem, t: I18n['t']): string {
  return coded(t, problem.detailCode, problem.detailParams, problem.detail ?? '');
}

/**
 * A plain message for a failed request: "Geen toegang." with the server's reason for 403, a sign-in
 * hint for 401, the wait for 429, the failing fields for 400/422, else the generic error.
 */
export function problemText(error: unknown, t: I18n['t']): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 401:
        return t('access.needSignIn');
      case 403:
        return `${t('access.forbidden')} ${forbiddenReason(error.problem, t)}`.trim();
      case 429:
        return t('access.tooMany', { seconds: error.retryAfter ?? 60 });
    }
    const reasons = error.problem.invalidParams
      ?.map((p) => {
        const reason = coded(t, p.code, p.params, p.reason);
        // A message with a {field} parameter names the field itself; say it once.
        return p.name === undefined || p.params?.['field'] !== undefined
          ? reason
          : `${fieldLabel(t, p.name)}: ${reason}`;
      })
      .join('; ');
    if (reasons !== undefined && reasons !== '') {
      return `${t('common.error')} ${reasons}`;
    }
  }
  // Never the server's own wording or a browser's "Failed to fetch": say what happened.
  if (error instanceof TypeError) {
    return `${t('common.error')} ${t('common.offline')}`;
  }
  if (error instanceof ApiError) {
    const known = coded(
      t,
      error.problem.detailCode ?? error.problem.code,
      error.problem.detailParams,
      '',
    );
    return `${t('common.error')} ${known === '' ? t('common.serverError') : known}`;
  }
  return `${t('common.error')} ${t('common.serverError')}`;
}

/** An error notice; a 403 reads "Geen toegang." in bold, followed by the server's reason. */
export function ProblemNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = problemText(error, t);
  const [title, rest] =
    error instanceof ApiError && error.status === 403
      ? [t('access.forbidden'), forbiddenReason(error.problem, t)]
      : text.startsWith(t('common.error'))
        ? [t('common.error'), text.slice(t('common.error').length).trim()]
        : [text, ''];
  return (
    <p
      className="notice notice--error"
      role="alert"
      data-testid={error instanceof ApiError && error.status === 403 ? 'forbidden' : undefined}
    >
      <strong>{title}</strong> {rest}
      {onRetry === undefined ? null : (
        <>
          {' '}
          <button type="button" className="button button--small-text" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      )}
    </p>
  );
}
