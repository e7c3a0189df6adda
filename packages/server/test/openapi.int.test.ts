import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { PROBLEM_JSON } from '@palliamonitor/contracts';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp, API_VERSION } from '../src/app';
import type { App } from '../src/context';
import { POLICY } from '../src/auth/policy';
import { API_PREFIX } from '../src/openapi';

// The generated OpenAPI document against the Dutch API Design Rules (Logius), rule by rule, and
// against the routes the server registers.

interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  parameters?: unknown[];
  responses: Record<string, Response>;
}
type Document = {
  openapi: string;
  info: { contact?: { name?: string; email?: string; url?: string } };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
};

let store: Store;
let app: App;
let doc: Document;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
function operations(): { id: string; method: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] !== undefined).map((method) => ({
      id: `${method.toUpperCase()} ${path}`,
      method,
      operation: item[method]!,
    })),
  );
}
function responses(filter: (status: number) => boolean) {
  return operations().flatMap(({ id, operation }) =>
    Object.entries(operation.responses)
      .filter(([status]) => filter(Number(status)))
      .map(([status, response]) => ({ id: `${id} ${status}`, response })),
  );
}

beforeAll(async () => {
  store = await openTestStore({ reference: false });
  app = await buildApp(store);
  doc = (await app.inject(`${API_PREFIX}/openapi.json`)).json();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`OpenAPI and the API Design Rules (${storeName})`, () => {
  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('declares every 4xx and 5xx as application/problem+json with status, title and detail', async () => {
    const dereferenced = (await SwaggerParser.dereference(
      structuredClone(doc) as never,
    )) as unknown as Document;
    const errors = Object.values(dereferenced.paths).flatMap((item) =>
      METHODS.flatMap((m) => Object.entries(item[m]?.responses ?? {})),
    );
    const failures = errors
      .filter(([status]) => Number(status) >= 400)
      .filter(([, response]) => {
        const content = response.content ?? {};
        const schema = content[PROBLEM_JSON]?.schema as
          { required?: string[]; properties?: Record<string, unknown> } | undefined;
        const fields = ['status', 'title', 'detail'];
        return (
          Object.keys(content).join() !== PROBLEM_JSON ||
          !fields.every((f) => schema?.required?.includes(f) && schema.properties?.[f])
        );
      });
    expect(errors.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('declares the API-Version header on every 2xx and 3xx answer', () => {
    const answers = responses((status) => status < 400);
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.filter(({ response }) => !response.headers?.['API-Version'])).toEqual([]);
  });

  it('documents 400 for every write and every GET or DELETE with parameters', () => {
    const needing = operations().filter(
      ({ method, operation }) =>
        ['post', 'put', 'patch', 'delete'].includes(method) ||
        (operation.parameters?.length ?? 0) > 0,
    );
    expect(needing.length).toBeGreaterThan(30);
    expect(needing.filter(({ operation }) => !operation.responses['400']).map((o) => o.id)).toEqual(
      [],
    );
  });

  it('names a contact with name, e-mail address and url', () => {
    const contact = doc.info.contact;
    expect(contact?.name).toBeTruthy();
    expect(contact?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(() => new URL(contact?.url ?? '')).not.toThrow();
  });

  it('carries the major version in the server URL, and the paths are relative to it', () => {
    expect(doc.servers.map((s) => s.url)).toEqual(['/api/v1']);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/'))).toEqual([]);
    expect(doc.paths['/openapi.json']?.['get']).toBeDefined();
  });

  it('declares a success answer with a schema for every route that answers with a body', () => {
    const missing = operations().filter(({ operation }) => {
      const success = Object.entries(operation.responses).filter(([s]) => Number(s) < 300);
      return (
        success.length === 0 ||
        success.some(
          ([status, r]) =>
            status !== '204' && Object.values(r.content ?? {})[0]?.schema === undefined,
        )
      );
    });
    expect(missing.map((o) => o.id)).toEqual([]);
  });
});

describe(`OpenAPI covers the server (${storeName})`, () => {
  // The server refuses to start with a route that has no access rule, so the rules list every
  // registered route; here each rule must be a registered route and be in the document.
  const routes = Object.keys(POLICY).map((key) => {
    const [method, url] = key.split(' ') as [string, string];
    return { key, method, url };
  });

  it('every route with an access rule is registered', () => {
    expect(
      routes.filter(({ method, url }) => !app.hasRoute({ method: method as 'GET', url })),
    ).toEqual([]);
  });

  it('every registered API route is in the document, and the document has no other', () => {
    const documented = operations().map(({ id }) => id);
    const expected = routes.map(({ method, url }) => {
      const path = url.slice(API_PREFIX.length).replace(/:([A-Za-z]+)/g, '{$1}');
      return `${method} ${path}`;
    });
    expect([...documented].sort()).toEqual([...expected].sort());
  });

  it('every answer carries API-Version, errors and pages included', async () => {
    const answers = await Promise.all([
      app.inject(`${API_PREFIX}/health`),
      app.inject(`${API_PREFIX}/openapi.json`),
      app.inject(`${API_PREFIX}/regions/XX99`),
      app.inject(`${API_PREFIX}/bestaat-niet`),
      app.inject({ method: 'POST', url: `${API_PREFIX}/hospices`, payload: {} }),
      app.inject('/'),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 400, 404, 401, expect.any(Number)]);
    expect(answers.map((a) => a.headers['api-version'])).toEqual(answers.map(() => API_VERSION));
  });
});
