import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { getStatistics, statisticsToCsv, type StatisticsScope } from '@palliamonitor/data';
import { Statistics } from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { HospiceIdParams } from '@palliamonitor/contracts';
import { RegionCodeParams } from '@palliamonitor/contracts';
import { ProblemResponses } from './params';

// Figures derived from the registrations (and monthly returns where a hospice sends those), per
// hospice, per region and nationally ('NL'), by month or year.

const MonthOrYear = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$',
  description: 'JJJJ-MM of JJJJ',
});
const StatisticsQuerySchema = Type.Object(
  {
    period: Type.Optional(
      Type.Union([Type.Literal('month'), Type.Literal('year')], {
        default: 'month',
        description: 'Per maand of per jaar',
      }),
    ),
    from: Type.Optional(MonthOrYear),
    to: Type.Optional(MonthOrYear),
    daily: Type.Optional(Type.Boolean({ description: 'Ook bezetting en ligdagen per dag' })),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv')], {
        description: 'csv: één regel per periode (en per voorziening met byHospice)',
      }),
    ),
  },
  { additionalProperties: false },
);
const description =
  'Bezetting en ligdagen, opnames, vertrek naar soort, gemiddelde en mediane verblijfsduur, weigeringen en wachtlijst, met het aandeel dagen met verse gegevens. Afgeleid uit de registraties, nooit opnieuw ingevoerd.';

export function statisticsRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  type Query = {
    period?: 'month' | 'year';
    from?: string;
    to?: string;
    daily?: boolean;
    byHospice?: boolean;
    format?: 'json' | 'csv';
  };
  /** The figures of a scope as JSON, or with format=csv as a CSV download. */
  const answer = async (reply: FastifyReply, scope: StatisticsScope, q: Query) => {
    const stats = await getStatistics(
      ctx.store.db,
      scope,
      {
        period: q.period ?? 'month',
        from: q.from,
        to: q.to,
        daily: q.daily,
        byHospice: q.byHospice,
      },
      { now: ctx.now(), freshnessHours: collection.freshnessHours },
    );
    if (q.format !== 'csv') {
      return stats;
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'Content-Disposition',
        `attachment; filename="cijfers-${stats.scope.code}-${stats.from}-${stats.to}.csv"`,
      )
      .send(statisticsToCsv(stats));
  };

  app.get(
    '/hospices/:id/statistics',
    {
      schema: {
        tags: ['cijfers'],
        summary: 'Cijfers van één voorziening per maand of jaar',
        description,
        params: HospiceIdParams,
        querystring: StatisticsQuerySchema,
        response: { 200: Statistics, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      answer(reply, { kind: 'hospice', hospiceId: request.params.id }, request.query),
  );

  app.get(
    '/regions/:code/statistics',
    {
      schema: {
        tags: ['cijfers'],
        summary: 'Cijfers per zorgkantoorregio, provincie, gemeente of landelijk (NL)',
        description,
        params: RegionCodeParams,
        querystring: Type.Composite(
          [
            StatisticsQuerySchema,
            Type.Object({
              byHospice: Type.Optional(
                Type.Boolean({ description: 'Ook de cijfers per voorziening in de regio' }),
              ),
            }),
          ],
          { additionalProperties: false },
        ),
        response: { 200: Statistics, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      answer(reply, { kind: 'region', code: request.params.code }, request.query),
  );
}
