/**
 * Holds real answers against the app's own OpenAPI document (GET /docs-json): finds the operation a request went to,
 * the response the document declares for its status, and validates the body with Ajv (JSON Schema draft-07, which
 * OpenAPI 3.0 schemas are a dialect of; `nullable` is Ajv's OpenAPI option, formats are checked in full).
 *
 * Objects are held closed: a schema that lists `properties` and says nothing of `additionalProperties` accepts no
 * field it does not list, so a field sent but not documented is a finding, like a field documented but not sent.
 */
import Ajv from 'ajv';

interface Schema {
  [keyword: string]: unknown;
}
interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  description?: string;
  content?: Record<string, MediaType>;
}
interface ParameterObject {
  name: string;
  in: string;
  example?: unknown;
  schema?: { type?: string; format?: string; enum?: unknown[]; example?: unknown; items?: ParameterObject['schema'] };
}
interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, ResponseObject>;
  security?: unknown[];
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
const DOCUMENT_ID = 'openapi.json';

/** A copy of the schema with `$ref`s made absolute (to the registered document) and objects closed. */
function prepare(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(prepare);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${DOCUMENT_ID}${value}`;
    else if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, prepare(s)]));
    } else if (key === 'example' || key === 'examples') out[key] = value;
    else out[key] = prepare(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

export interface Operation {
  method: HttpMethod;
  /** The document's path, with `{name}` placeholders. */
  path: string;
  key: string;
  object: OperationObject;
}

export class OpenApiChecker {
  private readonly ajv: Ajv.Ajv;
  private readonly operations: (Operation & { pattern: RegExp })[] = [];
  private readonly validators = new Map<string, Ajv.ValidateFunction>();
  /** Every answer checked, as `METHOD /path status`. */
  readonly answered = new Set<string>();
  /** What did not match the document, one line each. */
  readonly problems: string[] = [];

  constructor(readonly doc: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, format: 'full', nullable: true, unknownFormats: true });
    this.ajv.addSchema(prepare({ components: doc.components ?? {} }) as object, DOCUMENT_ID);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const object = item[method];
        if (!object) continue;
        const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`);
        this.operations.push({ method, path, key: `${method.toUpperCase()} ${path}`, object, pattern });
      }
    }
  }

  allOperations(): Operation[] {
    return this.operations.map(({ pattern: _pattern, ...op }) => op);
  }

  /** The operation a concrete request path (query string allowed) goes to; literal paths win over templated ones. */
  operationFor(method: HttpMethod, url: string): Operation | undefined {
    const path = url.split('?')[0];
    const matches = this.operations.filter((o) => o.method === method && o.pattern.test(path));
    return matches.find((o) => o.path === path) ?? matches[0];
  }

  private validator(key: string, schema: unknown): Ajv.ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(prepare(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private describe(validate: Ajv.ValidateFunction, value: unknown): string {
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((e) => `${e.dataPath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    return `${errors.join('; ')} in ${JSON.stringify(value).slice(0, 400)}`;
  }

  /** Records a problem unless the answer's status is declared for the operation and its body fits the schema. */
  checkResponse(method: HttpMethod, url: string, status: number, body: unknown, contentType: string | undefined): void {
    const op = this.operationFor(method, url);
    if (!op) {
      this.problems.push(`${method.toUpperCase()} ${url}: no such operation in the document`);
      return;
    }
    const where = `${op.key} ${status}`;
    this.answered.add(where);
    const response = op.object.responses?.[String(status)];
    if (!response) {
      const declared = Object.keys(op.object.responses ?? {}).join(', ');
      this.problems.push(
        `${where}: status not declared (declared: ${declared || 'none'}); body ${JSON.stringify(body).slice(0, 200)}`,
      );
      return;
    }
    if (!contentType?.startsWith('application/json')) {
      // A file (a CSV, a workbook, a calendar) is declared by its media type: a body of a type the status does not
      // declare, a body where it declares none, or no body where it declares one contradicts the document.
      const declared = Object.keys(response.content ?? {});
      if (contentType === undefined) {
        if (declared.length > 0) this.problems.push(`${where}: declares ${declared.join(', ')} but sent none`);
      } else if (!declared.some((type) => contentType.startsWith(type)))
        this.problems.push(`${where}: declares ${declared.join(', ') || 'no content'} but sent ${contentType}`);
      return;
    }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      this.problems.push(
        `${where}: sends JSON but declares no schema for it; body ${JSON.stringify(body).slice(0, 200)}`,
      );
      return;
    }
    const validate = this.validator(`response ${where}`, schema);
    if (!validate(body)) this.problems.push(`${where}: ${this.describe(validate, body)}`);
  }

  /** Records a problem unless the accepted request's JSON body fits the operation's request body schema. */
  checkRequestBody(method: HttpMethod, url: string, body: unknown): void {
    const op = this.operationFor(method, url);
    const schema = op?.object.requestBody?.content?.['application/json']?.schema;
    if (!op || !schema) return;
    const validate = this.validator(`request ${op.key}`, schema);
    if (!validate(body))
      this.problems.push(
        `${op.key} request accepted by the service but not by the document: ${this.describe(validate, body)}`,
      );
  }
}
