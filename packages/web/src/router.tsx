// A tiny client-side router on the History API: real paths (/regio/ZK23), no hash, no library.
// The server answers every page path with index.html (packages/server/src/web.ts).
import { useSyncExternalStore } from 'react';
import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';

const NAVIGATE = 'palliamonitor:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** The current path with query string; re-renders on navigation. */
export function useLocation(): { pathname: string; search: string } {
  const full = useSyncExternalStore(subscribe, snapshot);
  const q = full.indexOf('?');
  return q < 0
    ? { pathname: full, search: '' }
    : { pathname: full.slice(0, q), search: full.slice(q) };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
  }
  window.dispatchEvent(new Event(NAVIGATE));
}

/** Replaces the query string without a new history entry (for shareable page state). */
export function replaceSearch(params: URLSearchParams): void {
  const search = params.toString();
  const to = window.location.pathname + (search === '' ? '' : `?${search}`);
  if (to !== snapshot()) {
    navigate(to, { replace: true });
  }
}

export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; ref?: Ref<HTMLAnchorElement> }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target !== undefined
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
