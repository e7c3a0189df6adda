import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { problemText } from './problem';

/** A form's sending state: busy while a write runs, and what went wrong in words when it fails. */
export function useSubmission() {
  const { t } = useI18n();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Runs the write; true when it succeeded (otherwise its problem is shown). */
  const run = async (write: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await write();
      return true;
    } catch (e) {
      setError(problemText(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { isBusy, error, setError, run };
}

/**
 * What a form says after a write: the error (an alert) and, where given, the confirmation, whose
 * status region is always there so a screen reader hears it when the text appears.
 */
export function FormFeedback({ error, status }: { error: string | null; status?: string | null }) {
  return (
    <>
      {error === null ? null : (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {status === undefined ? null : (
        <p role="status" className={status === null ? 'visually-hidden' : 'hint'}>
          {status ?? ''}
        </p>
      )}
    </>
  );
}
