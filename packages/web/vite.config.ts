import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes .br and .gz copies of the text files in dist, which the server sends to browsers that
 * accept them (@fastify/static preCompressed): the app is served compressed with no runtime cost.
 */
function precompress(): Plugin {
  return {
    name: 'palliamonitor-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const walk = (folder: string): string[] =>
        readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)],
        );
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) {
          continue;
        }
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

// The app is served by the API server from dist/ (packages/server/src/web.ts); in development
// `npm run dev -w @palliamonitor/web` proxies /api to a running server (API_PORT, default 8080).
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env['API_PORT'] ?? '8080'}` },
  },
});
