/**
 * The app's own OpenAPI document (GET /docs-json), read as the list of routes the fault suite must cover, and the
 * schemas it builds requests from. A route added to the app appears here without the fault suite being edited.
 */
import { CASE_EVENT_TYPES, type CaseEventType } from '@app/cases';
import type { TestApp } from '../../support/test-app';

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
  tags?: string[];
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface Operation {
  method: Method;
  /** The OpenAPI path, with `{name}` placeholders. */
  path: string;
  /** `POST /cases/{id}/events` */
  key: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** The JSON request body's schema, `$ref`s resolved at the top. */
  body?: Schema;
  /** No bearer token needed (no `security` in the document). */
  isPublic: boolean;
}

export async function fetchOpenApi(t: TestApp): Promise<OpenApiDoc> {
  const res = await t.http.get('/docs-json');
  if (res.status !== 200) throw new Error(`GET /docs-json: ${res.status}`);
  return res.body as OpenApiDoc;
}

export function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; current.$ref; hops++) {
    if (hops > 10) throw new Error(`$ref loop at ${current.$ref}`);
    const name = current.$ref.replace('#/components/schemas/', '');
    const found = doc.components?.schemas?.[name];
    if (!found) throw new Error(`unknown $ref ${current.$ref}`);
    current = found;
  }
  return current;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method as Method)) continue;
      const params = raw.parameters ?? [];
      const content = raw.requestBody?.content;
      // The one body that is not JSON is a CSV file (POST /cases/import.csv): it is tried without a body (no token:
      // 401; an empty file: 400), never poisoned as JSON. Any other kind of body must be added here on purpose.
      const jsonBody = content?.['application/json'];
      if (content && !jsonBody && !content['text/csv']) throw new Error(`${method} ${path}: a body that is not JSON`);
      operations.push({
        method: method as Method,
        path,
        key: `${method.toUpperCase()} ${path}`,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        ...(jsonBody ? { body: resolve(doc, jsonBody.schema) } : {}),
        isPublic: !raw.security || raw.security.length === 0,
      });
    }
  }
  return operations;
}

/** The path with each `{name}` replaced; values are percent-encoded unless `raw`. */
export function fillPath(op: Operation, values: Record<string, string>, raw = false): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${op.key}: no value for {${name}}`);
    return raw ? value : encodeURIComponent(value);
  });
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only field: `format: date`, or a string whose example is a `YYYY-MM-DD` date (query parameters). */
export function isDateSchema(schema: Schema): boolean {
  return (
    schema.type === 'string' &&
    (schema.format === 'date' || (typeof schema.example === 'string' && DATE_ONLY.test(schema.example)))
  );
}

/** A free-text string: no format, enum or pattern, so any string within its length bounds is accepted. */
export function isFreeText(schema: Schema): boolean {
  return schema.type === 'string' && !schema.format && !schema.enum && !schema.pattern && !isDateSchema(schema);
}

/**
 * A value the schema accepts, built from its enum, example, format and bounds; optional properties are included when
 * they have an example or an enum (so they are valid for certain), the others left out.
 */
export function validValue(doc: OpenApiDoc, schema: Schema): unknown {
  const s = resolve(doc, schema);
  if (s.enum && s.enum.length > 0) return s.example !== undefined && s.enum.includes(s.example) ? s.example : s.enum[0];
  if (s.example !== undefined && s.type !== 'object') return s.example;
  switch (s.type) {
    case 'string':
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'uri') return 'https://example.org/report';
      if (s.pattern) throw new Error(`a string with pattern ${s.pattern} needs an example`);
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'array':
      if (!s.items) throw new Error('an array schema without items');
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => validValue(doc, s.items!));
    case 'object':
    case undefined: {
      const out: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        const p = resolve(doc, prop);
        if (required.has(name) || p.example !== undefined || p.enum) out[name] = validValue(doc, p);
      }
      return out;
    }
    default:
      throw new Error(`no valid value for type ${s.type}`);
  }
}

/**
 * The schema of each case event's payload, read from the document: the events route's body is a `oneOf` of one schema
 * per event type, discriminated on `type`; the payload is that schema without its `type`.
 */
export function eventPayloadSchemas(doc: OpenApiDoc): Record<CaseEventType, Schema> {
  const body = doc.paths['/cases/{id}/events']?.post?.requestBody?.content['application/json']?.schema;
  const mapping = body?.discriminator?.propertyName === 'type' ? body.discriminator.mapping : undefined;
  if (!mapping) throw new Error('the events route does not describe its body as one schema per event type');
  const payloads = {} as Record<CaseEventType, Schema>;
  for (const type of CASE_EVENT_TYPES) {
    if (!mapping[type]) throw new Error(`no schema for the event ${type}`);
    const { type: _type, ...properties } = resolve(doc, { $ref: mapping[type] }).properties ?? {};
    const required = (resolve(doc, { $ref: mapping[type] }).required ?? []).filter((name) => name !== 'type');
    payloads[type] = { type: 'object', properties, required };
  }
  return payloads;
}

/** The event types the document's events route takes. */
export function documentedEventTypes(doc: OpenApiDoc): string[] {
  const body = doc.paths['/cases/{id}/events']?.post?.requestBody?.content['application/json']?.schema;
  return Object.keys(body?.discriminator?.mapping ?? {});
}
