import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * Renders its children once their place comes near the screen, so a page's first view asks the API
 * only for what it shows; a section further down loads as the reader scrolls towards it. Without
 * IntersectionObserver (old browsers) the children render at once.
 */
export function WhenVisible({
  children,
  minHeight = '12rem',
}: {
  children: ReactNode;
  /** Room kept for the content, so the page does not jump when it arrives. */
  minHeight?: string;
}) {
  const place = useRef<HTMLDivElement>(null);
  const [isShown, setShown] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = place.current;
    if (isShown || element === null) {
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setShown(true);
        }
      },
      // Start a little before the place scrolls into view, so it is usually ready when seen.
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [isShown]);
  return isShown ? <>{children}</> : <div ref={place} style={{ minHeight }} data-deferred="" />;
}
