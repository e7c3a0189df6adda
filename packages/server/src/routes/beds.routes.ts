import { Type } from '@sinclair/typebox';
import { findAvailableBeds } from '@palliamonitor/data';
import { BedFinderResult, HospiceTypeSchema } from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import { audienceOf } from '../auth/policy';
import type { CollectionContext } from '../live/collection-context';
import { ProblemResponses } from './params';

export function bedFinderRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  app.get(
    '/beds/available',
    {
      schema: {
        tags: ['beddenzoeker'],
        summary: 'Vrije hospicebedden nu, dichtstbijzijnde eerst',
        description:
          'Met afstand en tijdstip van laatste bevestiging. Voorzieningen waarvan de status niet vers is, staan apart als onbekend (nooit als vrij).',
        querystring: Type.Object(
          {
            near: Type.String({
              minLength: 1,
              maxLength: 100,
              description: 'Postcode (1234 of 1234 AB), plaatsnaam, of breedte,lengte (52.09,5.12)',
            }),
            type: Type.Optional(HospiceTypeSchema),
            radiusKm: Type.Optional(
              Type.Number({
                exclusiveMinimum: 0,
                maximum: 400,
                default: 25,
                description: 'Straal in km',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: BedFinderResult, ...ProblemResponses, 422: Type.Ref('Problem') },
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
