import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { HospiceIdParams, RegionCodeParams } from '@palliamonitor/contracts';
import type { App } from '../context';
import { ProblemResponses } from './params';

/** What a figure is about: one hospice, or a region (or the nation, 'NL'). */
export type FigureScope = { kind: 'hospice'; hospiceId: string } | { kind: 'region'; code: string };

interface Variant<Q extends TSchema> {
  summary: string;
  querystring: Q;
}

/**
 * A figure read for one hospice and for a region: `/hospices/:id/<name>` and
 * `/regions/:code/<name>`, both answered by one function of the scope.
 */
export interface ScopedRead<HQ extends TSchema, RQ extends TSchema> {
  name: string;
  tags: string[];
  description: string;
  response: TSchema;
  hospice: Variant<HQ>;
  region: Variant<RQ>;
  answer: (scope: FigureScope, query: Static<HQ> | Static<RQ>, reply: FastifyReply) => unknown;
}

function schemaOf<P extends TSchema, Q extends TSchema>(
  read: Pick<ScopedRead<TSchema, TSchema>, 'tags' | 'description' | 'response'>,
  variant: Variant<Q>,
  params: P,
) {
  return {
    tags: read.tags,
    summary: variant.summary,
    description: read.description,
    params,
    querystring: variant.querystring,
    response: { 200: read.response, ...ProblemResponses },
  };
}

/** Registers both routes of a scoped read; they differ only in the path and the scope. */
export function scopedReads<HQ extends TSchema, RQ extends TSchema>(
  app: App,
  read: ScopedRead<HQ, RQ>,
): void {
  app.get(
    `/hospices/:id/${read.name}`,
    { schema: schemaOf(read, read.hospice, HospiceIdParams) },
    async (request, reply) =>
      read.answer({ kind: 'hospice', hospiceId: request.params.id }, request.query, reply),
  );
  app.get(
    `/regions/:code/${read.name}`,
    { schema: schemaOf(read, read.region, RegionCodeParams) },
    async (request, reply) =>
      read.answer({ kind: 'region', code: request.params.code }, request.query, reply),
  );
}
