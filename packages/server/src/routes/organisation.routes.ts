import { organisationOf } from '@palliamonitor/data';
import { Organisation, OrganisationParams } from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { seesSmallCounts } from '../auth/authorise';
import { ProblemResponses } from './params';

// Organisation and funding forms side by side, for a zorgkantoorregio or the nation: aggregated
// public figures like the statistics they come from, their small counts cut the same way.

export function organisationRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  app.get(
    '/regions/:code/organisation',
    {
      schema: {
        tags: ['cijfers'],
        summary:
          'Voorzieningen, bedden, bezetting en kosten per zorgmodel, financieringsvorm en koepel (zorgkantoorregio of NL)',
        description:
          'Ligdagen en bezetting over de laatste twaalf volledige maanden; kosten tegen de kosten per ligdag van het rekenmodel. Voor NL ook de verdeling per regio.',
        params: OrganisationParams,
        response: { 200: Organisation, ...ProblemResponses },
      },
    },
    async (request) =>
      organisationOf(ctx.store.db, request.params.code, {
        now: ctx.now(),
        freshnessHours: collection.freshnessHours,
        smallCounts: await seesSmallCounts(
          request,
          { kind: 'region', code: request.params.code },
          ctx,
        ),
      }),
  );
}
