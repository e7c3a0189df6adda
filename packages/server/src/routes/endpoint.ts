import type { TSchema } from '@sinclair/typebox';
import type {
  ContextConfigDefault,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../context';

// A route file lists its endpoints as data: what the OpenAPI document says of each (method, path,
// group, texts, the schemas it takes and answers), apart from what the handler does. `route`
// turns one entry into the Fastify route, so every route is declared the same way and its
// handler is typed by the entry's schemas.

/** One endpoint as the API documents it. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The handler writes the audit entry itself, in the write's transaction (auth/audit.ts). */
  auditedByHandler?: true;
  /** The request is judged by the handler, not by the schemas (a file's bytes, not JSON). */
  validatedByHandler?: true;
  tags: string[];
  summary: string;
  description?: string;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  headers?: TSchema;
  /** Every answer by status: the success schemas and the problems (see params.ts). */
  response: Record<number, unknown>;
}

/** The handler of an endpoint: request and reply typed by the entry's schemas. */
export type EndpointHandler<E extends Endpoint> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  E,
  TypeBoxTypeProvider
>;

/** Registers the route of an endpoint, answered by `handler`. */
export function route<E extends Endpoint>(
  app: App,
  endpoint: E,
  handler: EndpointHandler<E>,
): void {
  const { method, url, auditedByHandler, validatedByHandler, ...schema } = endpoint;
  app.route<RouteGenericInterface, ContextConfigDefault, E>({
    method,
    url,
    ...(auditedByHandler === undefined ? {} : { config: { auditedByHandler } }),
    // The rest of the entry is the schema as Fastify validates and OpenAPI documents it.
    schema: schema as E,
    ...(validatedByHandler === undefined ? {} : { validatorCompiler: () => () => true }),
    handler,
  });
}
