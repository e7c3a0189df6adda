import { ApiError } from '../../api/client';
import { useI18n, type I18n } from '../../i18n/i18n';

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
        return `${t('access.forbidden')} ${error.problem.detail ?? ''}`.trim();
      case 429:
        return t('access.tooMany', { seconds: error.retryAfter ?? 60 });
    }
    const reasons = error.problem.invalidParams
      ?.map((p) => (p.name === undefined ? p.reason : `${p.name}: ${p.reason}`))
      .join('; ');
    if (reasons !== undefined && reasons !== '') {
      return `${t('common.error')} ${reasons}`;
    }
  }
  return `${t('common.error')} ${error instanceof Error ? error.message : ''}`.trim();
}

/** An error notice; a 403 reads "Geen toegang." in bold, followed by the server's reason. */
export function ProblemNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  const text = problemText(error, t);
  const [title, rest] =
    error instanceof ApiError && error.status === 403
      ? [t('access.forbidden'), error.problem.detail ?? '']
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
    </p>
  );
}
