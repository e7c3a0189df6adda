import type { Static } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import {
  getStatistics,
  publishStatistics,
  statisticsToCsv,
  type StatisticsScope,
} from '@palliamonitor/data';
import { RegionStatisticsQuery, Statistics, StatisticsQuery } from '@palliamonitor/contracts';
import { seesSmallCounts } from '../auth/authorise';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { scopedReads } from './scoped-reads';

// Figures derived from the registrations (and monthly returns where a hospice sends those), per
// hospice, per region and nationally ('NL'), by month or year. Small counts of people are
// suppressed for callers who may not read the registrations behind them (the route's policy).

const description =
  'Bezetting en ligdagen, opnames, vertrek naar soort, gemiddelde en mediane verblijfsduur, weigeringen en wachtlijst, met het aandeel dagen met verse gegevens. Afgeleid uit de registraties, nooit opnieuw ingevoerd.';

export function statisticsRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  type Query = Static<typeof RegionStatisticsQuery>;
  /** The figures of a scope as JSON, or with format=csv as a CSV download. */
  const answer = async (reply: FastifyReply, scope: StatisticsScope, q: Query) => {
    const computed = await getStatistics(
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
    const stats = publishStatistics(computed, {
      smallCounts: await seesSmallCounts(reply.request, scope, ctx),
    });
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

  scopedReads(app, {
    name: 'statistics',
    tags: ['cijfers'],
    description,
    response: Statistics,
    hospice: {
      summary: 'Cijfers van één voorziening per maand of jaar',
      querystring: StatisticsQuery,
    },
    region: {
      summary: 'Cijfers per zorgkantoorregio, provincie, gemeente of landelijk (NL)',
      querystring: RegionStatisticsQuery,
    },
    answer: (scope, query, reply) => answer(reply, scope, query),
  });
}
