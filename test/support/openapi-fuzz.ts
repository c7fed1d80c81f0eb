import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
}
interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: OpenApiParameter[];
  readonly body?: OpenApiSchema;
}

/** One generated HTTP request, as sent. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly contentType?: string;
  readonly body?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

/** Inputs that break naive code: injections, control and bidi characters, surrogates, odd numerics. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u0645',
  '\ud800',
  '碳排放权交易',
  '🙂'.repeat(50),
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e400',
  '2026-02-30',
  'x'.repeat(10_000),
];
export const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  -0.000001,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];
/** Bodies that are not the JSON object an endpoint expects. */
const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '42',
  '{"qty": 1e400}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  `{"${'k'.repeat(100_000)}": 1}`,
];

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, true, false, [], {}, [null], { a: 1 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((n) => Number(n)),
);

export interface FuzzOptions {
  /** Known-good values for path and query parameters by name (a member id, a symbol...). */
  readonly knownValues: Record<string, unknown[]>;
}

/** A request for `operation`: mostly well-formed with one or more fields broken, sometimes wholly broken. */
export function requestArbitrary(
  operation: Operation,
  document: OpenApiDocument,
  options: FuzzOptions,
): fc.Arbitrary<FuzzRequest> {
  const resolve = (schema: OpenApiSchema): OpenApiSchema =>
    schema.$ref ? resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}) : schema;

  const valid = (raw: OpenApiSchema, name: string, depth: number): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    const known = options.knownValues[name];
    if (known?.length) return fc.constantFrom(...known);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const composite = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (composite?.length) return fc.oneof(...composite.map((s) => valid(s, name, depth)));
    const example = schema.example !== undefined ? [fc.constant(schema.example)] : [];
    switch (schema.type) {
      case 'integer':
        return fc.oneof(
          ...example,
          fc.integer({ min: schema.minimum ?? 1, max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31) }),
        );
      case 'number':
        return fc.oneof(
          ...example,
          fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1e6, noNaN: true }),
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(valid(schema.items ?? {}, name, depth + 1), { minLength: 1, maxLength: 3 });
      case 'object':
        return depth > 3 ? fc.constant({}) : wellFormed(schema, depth + 1);
      default:
        return example.length
          ? fc.oneof(
              { arbitrary: example[0], weight: 4 },
              { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
            )
          : fc.string({ maxLength: 20 });
    }
  };
  /** Valid three times in four: a request broken everywhere only tests the first check. */
  const value = (schema: OpenApiSchema, name: string, depth: number): fc.Arbitrary<unknown> =>
    fc.oneof({ arbitrary: valid(schema, name, depth), weight: 3 }, { arbitrary: nastyValue, weight: 1 });
  /** Every required field valid, each optional one present half the time. */
  const wellFormed = (raw: OpenApiSchema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const schema = resolve(raw);
    const required = new Set(schema.required ?? []);
    return fc.record(
      Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, s]) => [key, valid(s, key, depth)]),
      ),
      { requiredKeys: [...required].filter((k) => schema.properties?.[k]) },
    );
  };
  /** A well-formed object with exactly one field broken or left out: what tests each field's own check. */
  const oneBroken = (raw: OpenApiSchema): fc.Arbitrary<Record<string, unknown>> => {
    const keys = Object.keys(resolve(raw).properties ?? {});
    if (!keys.length) return wellFormed(raw, 0);
    return fc
      .tuple(wellFormed(raw, 0), fc.constantFrom(...keys), fc.option(nastyValue, { freq: 4 }))
      .map(([object, key, broken]) => {
        const out = { ...object };
        if (broken === null) delete out[key];
        else out[key] = broken;
        return out;
      });
  };
  const objectOf = (raw: OpenApiSchema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const schema = resolve(raw);
    const fields = Object.entries(schema.properties ?? {}).map(([key, s]) =>
      // A field is left out one time in eight, required or not.
      fc.oneof(
        { arbitrary: value(s, key, depth).map((v) => [key, v] as const), weight: 7 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      ),
    );
    const extra = fc.option(
      fc.tuple(fc.constantFrom('extra', '__proto__', 'id', 'admin', '$where'), nastyValue),
      {
        freq: 6,
      },
    );
    return fc.tuple(fc.tuple(...fields), extra).map(([pairs, more]) => {
      const out: Record<string, unknown> = {};
      for (const pair of pairs) if (pair) out[pair[0]] = pair[1];
      if (more) Object.defineProperty(out, more[0], { value: more[1], enumerable: true });
      return out;
    });
  };

  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const paramText = (p: OpenApiParameter) =>
    fc
      .oneof(
        { arbitrary: valid(p.schema ?? { type: 'string' }, p.name, 0), weight: 3 },
        { arbitrary: nastyValue, weight: 1 },
      )
      .map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  const path = fc
    .tuple(...pathParams.map(paramText))
    .map((values) =>
      pathParams.reduce(
        (p, param, i) => p.replace(`{${param.name}}`, pathSegment(values[i])),
        operation.path,
      ),
    );
  const query = fc.tuple(...queryParams.map((p) => fc.option(paramText(p), { freq: 3 }))).map((values) => {
    const search = new URLSearchParams();
    queryParams.forEach((p, i) => values[i] !== null && search.set(p.name, values[i]!));
    return search.size ? `?${search}` : '';
  });
  const hasBody = operation.body !== undefined || ['POST', 'PUT', 'PATCH'].includes(operation.method);
  const body: fc.Arbitrary<{ contentType?: string; body?: string }> = hasBody
    ? fc.oneof(
        ...[
          { of: wellFormed(operation.body ?? {}, 0), weight: 2 },
          { of: oneBroken(operation.body ?? {}), weight: 3 },
          { of: objectOf(operation.body ?? {}, 0), weight: 2 },
        ].map(({ of, weight }) => ({
          arbitrary: of.map((o) => ({ contentType: 'application/json', body: JSON.stringify(o) })),
          weight,
        })),
        {
          arbitrary: fc
            .constantFrom(...RAW_BODIES)
            .map((b) => ({ contentType: 'application/json', body: b })),
          weight: 1,
        },
        {
          arbitrary: fc
            .tuple(
              objectOf(operation.body ?? {}, 0),
              fc.constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'application/xml',
                'multipart/form-data',
              ),
            )
            .map(([o, contentType]) => ({ contentType, body: JSON.stringify(o) })),
          weight: 1,
        },
      )
    : fc.constant({});
  return fc
    .tuple(path, query, body)
    .map(([p, q, b]) => ({ method: operation.method, url: `${p}${q}`, ...b }));
}

/** A path segment for any text, also one `encodeURIComponent` refuses (a lone surrogate). */
function pathSegment(text: string): string {
  if (text === '') return '%20';
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}
