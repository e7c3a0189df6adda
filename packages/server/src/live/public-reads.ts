import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import type { BedStatusHub } from './bed-status-hub';
import { onEachRoute } from '../route-hooks';

// The public read path under a crowd: one news article linking to the national overview, or every
// hospital's discharge nurse on the bed finder at once.
// - Every successful answer of the routes below carries an ETag (a hash of its bytes, unless the
//   route set one); a request whose If-None-Match names it gets 304 without a body.
// - Their public (not signed-in) answers are kept in memory for a few seconds and
//   served to every anonymous request for the same URL in that time, with Cache-Control: public,
//   no-cache, so a browser, proxy or CDN keeps a copy but revalidates it (a 304 from here). Any write through this process, and every
//   bed-status event from any process (the live feed), empties the store of answers at once: a
//   client that refetches on a live event gets the new state. What can still be late by at most
//   the keep time: a status passing out of its freshness window, and registry or movement writes
//   made by another process (PostgreSQL with several instances).
// Signed-in answers are never kept: what they show depends on who asks.

/** Route → seconds a public answer is kept. */
const KEPT: Record<string, number> = {
  '/api/v1/beds/available': 5,
  '/api/v1/overview': 60,
  '/api/v1/regions/:code/statistics': 60,
  '/api/v1/hospices/:id/statistics': 60,
  '/api/v1/regions/:code/bed-status': 5,
  // Open data changes by the month (figures) or by the registration (registry); harvesters
  // revalidate with the ETag. Not the catalogue: its addresses name the host asked for when
  // PUBLIC_URL is not set, and one caller's Host must not be kept for the others.
  '/api/v1/open-data/changelog': 300,
  '/api/v1/open-data/region-months.json': 300,
  '/api/v1/open-data/region-months.csv': 300,
  '/api/v1/open-data/hospices.json': 300,
  '/api/v1/open-data/hospices.csv': 300,
  '/api/v1/regions/:code/organisation': 60,
};

/** At most this many answers are kept (the bed finder's `near` can be anything). */
const MAX_KEPT = 2_000;

interface Kept {
  body: string;
  etag: string;
  contentType: string;
  from: number;
  until: number;
}

type ReadRequest = FastifyRequest & {
  publicReadKey?: string;
  publicReadHit?: boolean;
  /** The generation of the kept answers when the request began: a write since voids its answer. */
  publicReadGeneration?: number;
};

export function etagOfBody(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) {
    return false;
  }
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch === '*' || ifNoneMatch.split(',').some((t) => bare(t) === bare(etag));
}

export function registerPublicReads(app: FastifyInstance, ctx: AppContext): PublicReads {
  const kept = new Map<string, Kept>();
  let generation = 0;
  const forget = () => {
    generation += 1;
    kept.clear();
  };
  const reads: PublicReads = {
    forget,
    followLiveFeed(hub) {
      hub.watch(forget);
    },
  };
  const isWrite = (request: FastifyRequest, reply: FastifyReply) =>
    request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400;

  // Kept routes carry the two hooks that serve and keep their answers; routes that write carry
  // the two that forget; other routes neither. The serving ones are synchronous: a kept answer is
  // the hot path under a crowd, and has nothing to wait for.
  onEachRoute(app, (route) => {
    if (route.methods.includes('GET') && KEPT[route.url] !== undefined) {
      route.add('preHandler', (request: ReadRequest, reply, done) => {
        if (request.method !== 'GET' || request.principal.kind !== 'anonymous') {
          done();
          return;
        }
        request.publicReadKey = request.url;
        request.publicReadGeneration = generation;
        const hit = kept.get(request.url);
        const now = ctx.now().getTime();
        if (hit && now >= hit.from && now < hit.until) {
          request.publicReadHit = true;
          reply.header('ETag', hit.etag).header('Content-Type', hit.contentType);
          void reply.send(hit.body); // answered: the chain ends here, without done()
          return;
        }
        done();
      });
      route.add('onSend', (request: ReadRequest, reply, payload, done) => {
        done(null, keepAndTag(request, reply, payload));
      });
    }
    if (route.methods.some((m) => m !== 'GET' && m !== 'HEAD')) {
      route.add('onSend', (request, reply, payload, done) => {
        if (isWrite(request, reply)) {
          forget(); // before the writer hears back, so its next read sees its write
        }
        done(null, payload);
      });
      // Once more when it is done, for reads that began while it was under way.
      route.add('onResponse', (request, reply, done) => {
        if (isWrite(request, reply)) {
          forget();
        }
        done();
      });
    }
  });

  /** Tags a kept route's answer, keeps a public one, and answers 304 to a matching revalidation. */
  function keepAndTag(request: ReadRequest, reply: FastifyReply, payload: unknown): unknown {
    const url = request.routeOptions.url;
    if (
      request.method !== 'GET' ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      url === undefined
    ) {
      return payload;
    }
    const etag = (reply.getHeader('ETag') as string | undefined) ?? etagOfBody(payload);
    reply.header('ETag', etag);
    const key = request.publicReadKey;
    if (key !== undefined) {
      // no-cache, not max-age: a page that refetches on a live event must not be answered from the
      // browser's own copy; revalidation with the ETag costs a 304 from the answers kept here.
      reply.header('Cache-Control', 'public, no-cache');
      reply.header('Vary', 'Cookie, Authorization');
      if (!request.publicReadHit && request.publicReadGeneration === generation) {
        if (kept.size >= MAX_KEPT) {
          kept.clear();
        }
        const now = ctx.now().getTime();
        kept.set(key, {
          body: payload,
          etag,
          contentType: String(reply.getHeader('Content-Type') ?? 'application/json'),
          from: now,
          until: now + KEPT[url]! * 1000,
        });
      }
    }
    if (matches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  }
  return reads;
}

export interface PublicReads {
  /** Drops every kept answer. */
  forget(): void;
  /** Drops every kept answer on each bed-status event, from this process or another. */
  followLiveFeed(hub: BedStatusHub): void;
}
