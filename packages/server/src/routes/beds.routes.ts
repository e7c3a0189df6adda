import { findAvailableBeds } from '@palliamonitor/data';
import { BedFinderQuery, BedFinderResult } from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import { audienceOf } from '../auth/policy';
import type { CollectionContext } from '../live/collection-context';
import { problems } from './params';

export function bedFinderRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  app.get(
    '/beds/available',
    {
      schema: {
        tags: ['beddenzoeker'],
        summary: 'Vrije hospicebedden nu, dichtstbijzijnde eerst',
        description:
          'Met afstand en tijdstip van laatste bevestiging. Voorzieningen waarvan de status niet vers is, staan apart als onbekend (nooit als vrij).',
        querystring: BedFinderQuery,
        response: { 200: BedFinderResult, ...problems(400, 404, 422) },
      },
    },
    async (request, reply) => {
      // Live data. An answer with contact details (who sees them is the policy's decision) is
      // stored by nobody; public ones get their Cache-Control from live/public-reads.ts.
      reply.header(
        'Cache-Control',
        audienceOf(request.principal) === 'public' ? 'no-cache' : 'private, no-store',
      );
      return findAvailableBeds(
        ctx.store.db,
        {
          near: request.query.near,
          type: request.query.type,
          radiusKm: request.query.radiusKm ?? 25,
        },
        { now: ctx.now(), freshnessHours: collection.freshnessHours },
      );
    },
  );
}
