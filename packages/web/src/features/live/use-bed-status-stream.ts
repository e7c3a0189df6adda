import { useEffect, useRef, useState } from 'react';
import { API } from '../../api/client';

/**
 * The state of the live feed: 'connecting' only until the first answer; 'live' while events flow;
 * 'offline' once a connection failed (the browser keeps retrying, and a reconnect makes it 'live'
 * again). So a blocked feed says so at once instead of "connecting…" for ever.
 */
export type LiveState = 'connecting' | 'live' | 'offline';

const EVENT_NAMES = ['bed-status', 'update', 'confirm', 'movement', 'change'] as const;

/**
 * Follows the bed-status stream (Server-Sent Events), of one hospice or of all. Calls onChange,
 * debounced, on every event and after a reconnect (events may have been missed meanwhile).
 */
export function useBedStatusStream(
  isActive: boolean,
  onChange: () => void,
  hospiceId?: string,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (!isActive || typeof EventSource === 'undefined') {
      return undefined;
    }
    setState('connecting');
    const query = hospiceId === undefined ? '' : `?hospice=${encodeURIComponent(hospiceId)}`;
    const source = new EventSource(`${API}/bed-status/stream${query}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hasFailed = false;
    const handle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), 150);
    };
    source.onopen = () => {
      setState('live');
      if (hasFailed) {
        handle();
      }
    };
    source.onerror = () => {
      hasFailed = true;
      setState('offline');
    };
    source.onmessage = handle;
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, handle);
    }
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [isActive, hospiceId]);
  return state;
}
