import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

// The compilers behind every route's schemas. Fastify compiles a validator for each part of each
// request schema and a serializer for each response schema while the server starts: some 300
// functions, most of the start-up time after the store is open, while a server answers only a
// few routes in its first minutes. Here each is compiled when its route first needs it, and kept.
// The tests call every route (the OpenAPI, authorisation and fuzz suites), so a schema that would
// not compile still fails there.

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

/**
 * Validators that read query strings, path parameters and headers as the types their schemas name
 * (they arrive as text: `?limit=5`, `?open=true`), and take JSON bodies exactly as sent: a body's
 * `null`, `true`, `"0x10"`, `" "` or `[3]` is not a number, and a null scope is not `""`.
 */
export function strictBodies(): ValidatorFactory {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    // The server uses JSON Schema (Ajv), never JTD: `ajv.customOptions` are Ajv options.
    const { plugins, onCreate, customOptions } = options?.mode === 'JTD' ? {} : (options ?? {});
    const withCoercion = (coerceTypes: 'array' | false) =>
      pool(externalSchemas, {
        ...(plugins === undefined ? {} : { plugins }),
        ...(onCreate === undefined ? {} : { onCreate }),
        customOptions: { ...customOptions, coerceTypes },
      });
    const body = withCoercion(false);
    const text = withCoercion('array');
    return (route) => {
      const compiler = route.httpPart === 'body' ? body : text;
      let validate: ReturnType<typeof compiler> | undefined;
      // Fastify reads a failed validation's reasons from the function it called: `errors`.
      const onFirstUse = Object.assign(
        (data: unknown) => {
          validate ??= compiler(route);
          const result = validate(data);
          onFirstUse.errors = validate.errors;
          return result;
        },
        { errors: undefined as unknown },
      );
      return onFirstUse as unknown as ReturnType<typeof compiler>;
    };
  };
}

/** fast-json-stringify serializers, as Fastify makes them, each compiled on its first answer. */
export function serializersOnFirstUse(): SerializerFactory {
  const factory = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc: unknown) => (serialize ??= compile(route))(doc);
    };
  };
}
