import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { API_VERSION, type App, type AppContext } from '../context';

export function healthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['status'],
        summary: 'Status van de dienst en de opslag',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            store: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
            apiVersion: Type.String(),
            time: Type.String({ format: 'date-time' }),
          }),
        },
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
