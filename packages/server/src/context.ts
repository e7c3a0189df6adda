import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '@palliamonitor/data';
import { dutchDate } from '@palliamonitor/data';
import type { Config } from './config';

export const API_VERSION = '1.0.0';

/**
 * What every route needs: the store, the clock (a function, so tests can move time) and the
 * configuration read at start (config.ts).
 */
export interface AppContext {
  store: Store;
  now: () => Date;
  config: Config;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export function today(ctx: AppContext): string {
  return dutchDate(ctx.now());
}
