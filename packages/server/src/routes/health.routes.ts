import { Health } from '@palliamonitor/contracts';
import { sql } from 'kysely';
import { API_VERSION, type App, type AppContext } from '../context';

export function healthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['status'],
        summary: 'Status van de dienst en de opslag',
        response: { 200: Health },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.store.db);
      return {
        status: 'ok' as const,
        store: ctx.store.kind,
        apiVersion: API_VERSION,
        time: ctx.now().toISOString(),
      };
    },
  );
}
