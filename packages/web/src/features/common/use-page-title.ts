import { useEffect } from 'react';

/** Sets the document title as "Page – Palliamonitor", so tabs, history and screen readers say it. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) {
      document.title = `${title} – Palliamonitor`;
    }
  }, [title]);
}
