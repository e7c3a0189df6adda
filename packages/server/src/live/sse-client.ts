import http from 'node:http';

// A minimal Server-Sent Events client (Node, real HTTP) for the tests and the benchmark: collects
// the events of one connection and waits for a number of them, with a timeout. Browsers use their
// own EventSource.

export interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
  /** performance.now() when the event arrived, for latency measurements. */
  receivedAt: number;
}

export interface SseConnection {
  events: SseEvent[];
  /** Resolves once `count` events arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
}

export function connectSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters: Array<() => void> = [];
    const request = http.get(
      url,
      { headers: { accept: 'text/event-stream', ...headers } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`SSE connection answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = new Map<string, string>();
            for (const line of block.split('\n')) {
              const colon = line.indexOf(':');
              if (colon > 0) {
                fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
              }
            }
            if (fields.has('data')) {
              events.push({
                id: Number(fields.get('id')),
                event: fields.get('event') ?? 'message',
                data: JSON.parse(fields.get('data')!) as Record<string, unknown>,
                receivedAt: performance.now(),
              });
              for (const waiter of waiters.splice(0)) {
                waiter();
              }
            }
          }
        });
        res.on('error', () => undefined);
        resolve({
          events,
          waitFor(count, timeoutMs = 120_000) {
            return new Promise((done, fail) => {
              const timer = setTimeout(
                () =>
                  fail(
                    new Error(`only ${events.length} of ${count} events within ${timeoutMs} ms`),
                  ),
                timeoutMs,
              );
              const check = () => {
                if (events.length >= count) {
                  clearTimeout(timer);
                  done(events.slice(0, count));
                } else {
                  waiters.push(check);
                }
              };
              check();
            });
          },
          close() {
            request.destroy();
          },
        });
      },
    );
    request.on('error', reject);
  });
}
