import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

// Serves the web application (packages/web/dist, built by `npm run build -w @palliamonitor/web`,
// which `npm install` runs through the root prepare script) on the same port as the API. The app
// routes on the client with real paths, so every page path answers with index.html; unknown
// /api/* paths still reach the API's problem+json 404. Without a build the API runs as usual and
// `/` says how to build the app.

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Client-side page paths (packages/web/src/app.tsx), answered with index.html. */
export const PAGE_PATHS = [
  '/',
  '/regio/:code',
  '/hospice/:id',
  '/bedden',
  '/scenario',
  '/aanmelden',
  '/wachtwoord-vergeten',
  '/wachtwoord-herstellen',
  '/beheer/auditlog',
  '/mijn-hospices',
] as const;

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
}

export async function registerWeb(app: FastifyInstance, options: WebOptions = {}): Promise<void> {
  const root = options.root ?? process.env['WEB_DIST'] ?? DEFAULT_WEB_ROOT;
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
  for (const path of PAGE_PATHS) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.sendFile('index.html'),
    );
  }
}
