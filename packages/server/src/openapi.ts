import type { SwaggerOptions } from '@fastify/swagger';
import { PROBLEM_JSON } from '@palliamonitor/contracts';
import { API_VERSION } from './context';

// The OpenAPI document, generated from the route schemas and brought in line with the Dutch API
// Design Rules (Logius): the server URL carries the major version (API-20), every answer declares
// the API-Version header (API-57), every error is application/problem+json (RFC 9457), and every
// write or parameterised read documents its 400. The route schemas say what each answer holds;
// what the rules add to every operation is added here, once, so no route can forget it.

export const API_PREFIX = '/api/v1';

type Json = Record<string, unknown>;
interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, Json>;
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const API_VERSION_HEADER = {
  description: 'Versie van de API die antwoordt (semver)',
  schema: { type: 'string', example: API_VERSION },
};

/**
 * The API's published contact (API Design Rules: name, e-mail and URL). An address of the service,
 * not of a person: the field-visibility test lets it through to the public, and nothing else.
 */
export const API_CONTACT = {
  name: 'Palliamonitor',
  email: 'info@palliamonitor.nl',
  url: 'https://palliamonitor.nl',
} as const;

export const openApiOptions: SwaggerOptions = {
  openapi: {
    // 3.1: the route schemas are JSON Schema 2020-12 (type null, numeric exclusiveMinimum, examples).
    openapi: '3.1.0',
    info: {
      title: 'Palliamonitor API',
      version: API_VERSION,
      description:
        'Vraag en aanbod in de hospicezorg en palliatieve terminale zorg, landelijk en per zorgkantoorregio. Volgt de Nederlandse API Design Rules; fouten als application/problem+json (RFC 9457).',
      contact: { ...API_CONTACT },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: API_PREFIX, description: 'Deze server, major versie 1' }],
  },
  // Paths are relative to the server URL, which carries the version.
  transform: ({ schema, url }) => ({
    schema,
    url: url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) || '/' : url,
  }),
  transformObject: (documentObject) =>
    'openapiObject' in documentObject
      ? meetDesignRules(documentObject.openapiObject as Json)
      : documentObject.swaggerObject,
};

/** Adds to every operation what the API Design Rules ask of all of them (see the file comment). */
export function meetDesignRules<T extends Json>(document: T): T {
  const problem = problemSchemaRef(document);
  for (const item of Object.values((document['paths'] ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (operation !== undefined) {
        shapeResponses(method, operation, problem);
      }
    }
  }
  return document;
}

function shapeResponses(method: string, operation: Operation, problem: Json): void {
  const responses = (operation.responses ??= {});
  const hasParameters = (operation.parameters?.length ?? 0) > 0;
  if ((WRITES.has(method) || hasParameters) && responses['400'] === undefined) {
    responses['400'] = { description: 'Ongeldige invoer: de velden staan in invalidParams' };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400) {
      const { content: _content, ...rest } = response;
      responses[status] = {
        ...rest,
        description: rest['description'] ?? 'Fout',
        content: { [PROBLEM_JSON]: { schema: problem } },
      };
    } else {
      response['headers'] = {
        ...(response['headers'] as Json | undefined),
        'API-Version': API_VERSION_HEADER,
      };
    }
  }
}

/** The reference to the Problem schema (app.addSchema), under whatever name the generator gave it. */
function problemSchemaRef(document: Json): Json {
  const schemas = ((document['components'] as Json | undefined)?.['schemas'] ?? {}) as Record<
    string,
    Json
  >;
  const name = Object.entries(schemas).find(([key, schema]) => {
    return key === 'Problem' || schema['title'] === 'Problem' || schema['$id'] === 'Problem';
  })?.[0];
  if (name === undefined) {
    throw new Error('the OpenAPI document has no Problem schema; add it with app.addSchema');
  }
  return { $ref: `#/components/schemas/${name}` };
}
