import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { BedStatusHub } from './bed-status-hub';

/** What the data-collection routes share: the freshness window and the live-feed hub. */
export interface CollectionContext {
  /** Hours after which an unconfirmed bed status counts as unknown (FRESHNESS_HOURS, 24). */
  freshnessHours: number;
  hub: BedStatusHub;
}

/** Opens the live-feed hub and closes it (ending every stream) before the server closes. */
export async function openCollectionContext(
  app: FastifyInstance,
  ctx: AppContext,
  options: { freshnessHours?: number | undefined },
): Promise<CollectionContext> {
  const freshnessHours = options.freshnessHours ?? ctx.config.freshnessHours;
  const hub = await BedStatusHub.open(ctx.store, {
    onError: (error) => app.log.error({ err: error }, 'live feed error'),
  });
  // preClose runs before the server stops accepting: open streams would otherwise keep it waiting.
  app.addHook('preClose', async () => {
    await hub.close();
  });
  return { freshnessHours, hub };
}
