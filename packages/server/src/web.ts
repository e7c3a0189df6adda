import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { PAGE_PATHS, PAGES } from '@palliamonitor/contracts';

// Serves the web application (packages/web/dist, built by `npm run build -w @palliamonitor/web`,
// which `npm install` runs through the root prepare script) on the same port as the API. The app
// routes on the client with real paths, so every page path (the contracts' PAGES) answers with index.html; unknown
// /api/* paths still reach the API's problem+json 404. Without a build the API runs as usual and
// `/` says how to build the app.

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const NOT_BUILT = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Palliamonitor</title></head>
<body style="font-family: Verdana, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1 style="color: #154273">Palliamonitor</h1>
<p>De API draait, maar de webapplicatie is nog niet gebouwd. Bouw haar met:</p>
<pre><code>npm run build -w @palliamonitor/web</code></pre>
<p>en start de server opnieuw. De API staat op <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</body>
</html>
`;

export interface WebOptions {
  /** Folder with the built app (index.html and assets/); default packages/web/dist. */
  root?: string;
  /**
   * Whether the thing a page path names exists (a region's cockpit, a hospice's page), so an
   * unknown one answers 404 rather than an empty page with 200. Without it every one exists.
   */
  pageExists?: (kind: 'region' | 'hospice', key: string) => Promise<boolean>;
}

/** The page paths whose parameter names a thing that must exist. */
const CHECKED: Readonly<Record<string, { kind: 'region' | 'hospice'; param: string }>> = {
  [PAGES.region]: { kind: 'region', param: 'code' },
  [PAGES.report]: { kind: 'region', param: 'code' },
  [PAGES.hospice]: { kind: 'hospice', param: 'id' },
};

export async function registerWeb(app: FastifyInstance, options: WebOptions = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  if (!existsSync(`${root}/index.html`)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    // One route per built file (no wildcard), so unknown paths fall through to the API's 404.
    wildcard: false,
    index: false,
    dotfiles: 'ignore',
    globIgnore: ['**/*.gz', '**/*.br'],
    // vite writes .br and .gz next to each asset; send those to browsers that accept them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Hashed asset names change with their content: cache them for a year. index.html never.
      reply.header(
        'Cache-Control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // index.html with status 404: the app shows its "page not found" and the status says so to
  // browsers, crawlers and link checkers. Unknown /api/ paths keep the API's problem+json 404.
  const indexHtml = readFileSync(`${root}/index.html`, 'utf8');
  const notFound = (reply: FastifyReply) =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(indexHtml);
  for (const path of PAGE_PATHS) {
    const checked = CHECKED[path];
    app.get(path, { schema: { hide: true } }, async (request, reply) => {
      if (checked !== undefined && options.pageExists !== undefined) {
        const key = (request.params as Record<string, string>)[checked.param] ?? '';
        if (key === '' || !(await options.pageExists(checked.kind, key))) {
          return notFound(reply);
        }
      }
      return reply.sendFile('index.html');
    });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return notFound(reply);
  });
}
