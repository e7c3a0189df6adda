import net from 'node:net';

// The subscribers of the SSE delivery benchmark, in a process of their own: real subscribers sit on
// other machines, so their work must not queue behind the server's in one event loop. Each is a
// bare HTTP/1.1 connection that notes when the bytes of each event (its `id:` line) arrive; parsing
// HTTP fully in 1,000 connections of one process would measure this process, not the server.
//
// Run by collection-bench.ts: `sse-subscribers.ts <stream url> <count>`, talking over IPC:
// → { ready: true } once every connection has answered 200;
// ← { collect: number[] } → { arrivals: number[][] } (per event id, the arrival time at each
//   connection, as performance.timeOrigin + performance.now(), comparable across processes).

const [url, countArg] = process.argv.slice(2);
const target = new URL(url!);
const count = Number(countArg);

interface Subscriber {
  arrivals: Map<number, number>;
  socket: net.Socket;
}

function subscribe(): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const arrivals = new Map<number, number>();
    const socket = net.connect(Number(target.port), target.hostname);
    let text = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      socket.write(
        `GET ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: text/event-stream\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: string) => {
      const at = performance.timeOrigin + performance.now();
      text += chunk;
      if (!answered) {
        if (!text.includes('\r\n\r\n')) {
          return;
        }
        if (!text.startsWith('HTTP/1.1 200')) {
          reject(new Error(`stream answered ${text.split('\r\n')[0]}`));
          socket.destroy();
          return;
        }
        answered = true;
        resolve({ arrivals, socket });
      }
      // Frames end in a blank line; keep an incomplete one for the next chunk.
      const end = text.lastIndexOf('\n\n');
      if (end < 0) {
        return;
      }
      for (const match of text.slice(0, end).matchAll(/^id: (\d+)$/gm)) {
        arrivals.set(Number(match[1]), at);
      }
      text = text.slice(end + 2);
    });
    socket.on('error', reject);
  });
}

const subscribers: Subscriber[] = [];
for (let i = 0; i < count; i += 100) {
  subscribers.push(
    ...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, subscribe))),
  );
}
process.send!({ ready: true });

process.on('message', async (message: { collect: number[] }) => {
  const ids = message.collect;
  const until = Date.now() + 10_000;
  while (!subscribers.every((s) => ids.every((id) => s.arrivals.has(id)))) {
    if (Date.now() > until) {
      process.send!({ error: 'not every subscriber received every event within 10 s' });
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  process.send!({ arrivals: ids.map((id) => subscribers.map((s) => s.arrivals.get(id)!)) }, () => {
    for (const s of subscribers) {
      s.socket.destroy();
    }
    process.exit(0);
  });
});
