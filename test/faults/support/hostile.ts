/**
 * Hostile inputs for the fault suite: strings, dates, keys and shapes an attacker or a broken client sends, and
 * "poisons" that make a request invalid for certain (so a refusal is the only right answer and nothing may change).
 */
import fc from 'fast-check';
import { isDateSchema, isFreeText, resolve, validValue, type OpenApiDoc, type Schema } from './openapi';

export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  'yesterday',
  'today',
  'tomorrow',
  '2026-02-29',
  '2026-04-31',
  '2026-00-10',
  '2026-01-00',
  '0000-00-00',
  '1999-12-31',
  '2100-01-01',
  '9999-12-31',
  '2026-01-05T10:00:00Z',
  '2026-01-05 ',
  ' 2026-01-05',
  '05/01/2026',
  '2026/01/05',
  '20260105',
  '+2026-01-05',
  '2026-01-05\u0000',
  '２０２６-０１-０５',
  '',
];

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE cases; --",
  "'); DELETE FROM users; --",
  "1; UPDATE partnerships SET name='pwned'",
  '" OR ""="',
  "admin'--",
  '\' UNION SELECT id, email, "passwordHash" FROM users --',
  "1' AND (SELECT COUNT(*) FROM case_audit_events) > 0 --",
  "%' OR 1=1 --",
  "\\'; SELECT pg_sleep(5); --",
];

export const MARKUP_INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg/onload=alert(document.cookie)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '<!--#exec cmd="ls" -->',
  '../../../../etc/passwd',
  '\u202egnp.exe',
  '\u0000\u0001\u0002',
];

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Names an attacker tries to slip into a body or query: ownership, privilege, internals. */
export const NOTABLE_UNKNOWN_KEYS = [
  'id',
  'partnershipId',
  'userId',
  'caseId',
  'isAdmin',
  'role',
  'admin',
  'version',
  'state',
  'stage',
  'snapshot',
  'actor',
  'today',
  'createdAt',
  'passwordHash',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  '$where',
  '$gt',
  'name[]',
  "' OR 1=1 --",
  '<script>',
];

export const hostileString = fc.constantFrom(...SQL_INJECTIONS, ...MARKUP_INJECTIONS);

/** 100 to 180 thousand characters: over every field's limit, under the body limit. */
export const hugeString = fc
  .tuple(fc.integer({ min: 100_000, max: 180_000 }), fc.constantFrom('x', '<', "'", ' '))
  .map(([n, c]) => (c === ' ' ? `a${c.repeat(n)}a` : c.repeat(n)));

/** A value nested `depth` levels deep, as objects or arrays. */
export function nested(depth: number, kind: 'object' | 'array', leaf: unknown = 'leaf'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

export const deeplyNested = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('object' as const, 'array' as const))
    .map(([d, k]) => nested(d, k));

/** Plain JSON values, shallow (never deeper than the service's nesting limit). */
export const someJson = fc.jsonValue({ maxDepth: 3 });

/** Sets `key` as an own, enumerable property, even `__proto__` (JSON.stringify then writes it like any key). */
export function withOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Values that no field of `schema` accepts (never null: an optional field takes null as absent). */
export function wrongValueFor(doc: OpenApiDoc, schema: Schema): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const structures = [
    fc.constant({}),
    fc.dictionary(fc.string({ maxLength: 8 }), someJson, { minKeys: 1, maxKeys: 3 }),
    deeplyNested(2, 30),
  ];
  const notNumbers = [
    fc.boolean(),
    fc.constantFrom('1', '3', '1e3', 'NaN', '', 'one'),
    fc.constant([1]),
    ...structures,
  ];
  if (s.enum) {
    const values = s.enum;
    const notMember = (v: unknown) => !values.includes(v);
    const first = String(values[0]);
    return fc.oneof(
      fc.string().filter(notMember),
      hostileString.filter(notMember),
      fc.constantFrom(first.toUpperCase(), ` ${first}`, `${first} `, `${first}\u0000`, `"${first}"`).filter(notMember),
      fc.integer(),
      fc.boolean(),
      fc.constant([values[0]]),
      hugeString,
      ...structures,
    );
  }
  switch (s.type) {
    case 'string': {
      const notStrings = [
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.array(fc.string(), { maxLength: 3 }),
        ...structures,
      ];
      const hostile: fc.Arbitrary<unknown>[] = [];
      if (isDateSchema(s)) hostile.push(fc.constantFrom(...IMPOSSIBLE_DATES), hostileString, hugeString);
      else if (s.format || s.pattern)
        hostile.push(
          hostileString.filter((v) => !s.pattern || !new RegExp(s.pattern).test(v)),
          hugeString,
        );
      else if (s.maxLength !== undefined) hostile.push(hugeString.filter((v) => v.length > s.maxLength!));
      if (isFreeText(s) && (s.minLength ?? 0) >= 1) hostile.push(fc.constantFrom('', '   ', '\t\n'));
      return fc.oneof(...hostile, ...notStrings);
    }
    case 'boolean':
      return fc.oneof(
        fc.constantFrom('true', 'false', '1', '0', 'yes', 'on', ''),
        fc.integer(),
        fc.constant([true]),
        ...structures,
      );
    case 'number':
    case 'integer': {
      const bounds: fc.Arbitrary<unknown>[] = [];
      if (s.minimum !== undefined) bounds.push(fc.integer({ min: -1e9, max: s.minimum - 1 }));
      if (s.maximum !== undefined) bounds.push(fc.integer({ min: s.maximum + 1, max: 1e12 }));
      return fc.oneof(...bounds, ...notNumbers);
    }
    case 'array': {
      const item = resolve(doc, s.items ?? {});
      const variants: fc.Arbitrary<unknown>[] = [
        fc.constant({}),
        fc.dictionary(fc.string({ maxLength: 8 }), someJson, { minKeys: 1, maxKeys: 3 }),
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.array(wrongValueFor(doc, item), { minLength: 1, maxLength: 3 }),
      ];
      if (s.maxItems !== undefined)
        variants.push(fc.constant(Array.from({ length: s.maxItems + 1 }, () => validValue(doc, item))));
      if (s.minItems !== undefined && s.minItems > 0) variants.push(fc.constant([]));
      // An array where an object is expected, one level down.
      if (item.type === 'object' || item.properties)
        variants.push(fc.constant([[validValue(doc, item)]]), fc.constant([[]]));
      return fc.oneof(...variants);
    }
    case 'object':
    case undefined:
      // An array (or a scalar) where an object is expected.
      return fc.oneof(fc.constant([validValue(doc, s)]), fc.constant([]), fc.string(), fc.integer(), fc.boolean());
    default:
      throw new Error(`no wrong values for type ${s.type}`);
  }
}

/** A body that the route must refuse, and the field the refusal must name when it can be told in advance. */
export interface PoisonedBody {
  body: unknown;
  poison: string;
  expectField?: string;
}

/**
 * How fast-check shows the body in a failure report: its own printer recurses once per level and overflows the stack
 * on a body nested 4,000 deep, hiding the real failure behind a RangeError.
 */
export function printable(p: PoisonedBody): PoisonedBody {
  const text = JSON.stringify(p.body) ?? 'undefined';
  const shown = text.length > 400 ? `${text.slice(0, 300)}... (${text.length} characters)` : text;
  return Object.defineProperty(p, fc.toStringMethod, { value: () => `${p.poison}: ${shown}` });
}

type Path = (string | number)[];

/** Paths of the objects inside a value (the root is `[]`), where a prototype key can be planted. */
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (!value || typeof value !== 'object') return [];
  const here = Array.isArray(value) ? [] : [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return here.concat(entries.flatMap(([k, v]) => objectPaths(v, [...path, k])));
}

function at(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  return node;
}

/**
 * Bodies for an object schema, each with one poison that makes it invalid for certain, on top of the schema's valid
 * value with some free-text fields set to injection strings (valid noise, so the poison is what is refused).
 */
export function poisonedBody(
  doc: OpenApiDoc,
  schema: Schema,
  opts: { reservedKeys?: string[] } = {},
): fc.Arbitrary<PoisonedBody> {
  const s = resolve(doc, schema);
  const props = Object.entries(s.properties ?? {}).map(([name, p]) => [name, resolve(doc, p)] as const);
  const known = new Set([...props.map(([n]) => n), ...(opts.reservedKeys ?? [])]);
  const required = s.required ?? [];
  const base = validValue(doc, s) as Record<string, unknown>;
  const textFields = props.filter(([, p]) => isFreeText(p) && (p.maxLength ?? 0) >= 200).map(([n]) => n);

  const noise: fc.Arbitrary<[string, string][]> =
    textFields.length === 0
      ? fc.constant([])
      : fc.array(fc.tuple(fc.constantFrom(...textFields), hostileString), { maxLength: 2 });

  const poisons: fc.Arbitrary<(body: Record<string, unknown>) => PoisonedBody>[] = [
    // An unknown field: refused, never silently dropped.
    fc
      .tuple(
        fc
          .oneof(fc.constantFrom(...NOTABLE_UNKNOWN_KEYS), fc.string({ minLength: 1, maxLength: 30 }))
          .filter((k) => !known.has(k) && !(PROTO_KEYS as readonly string[]).includes(k)),
        fc.oneof(someJson, hostileString, hugeString),
      )
      .map(([key, value]) => (body) => ({
        body: withOwn(body, key, value),
        poison: `unknown field ${JSON.stringify(key.slice(0, 40))}`,
        expectField: key,
      })),
    // A prototype-pollution key, at the top or inside a nested object.
    fc
      .tuple(
        fc.constantFrom(...PROTO_KEYS),
        fc.constantFrom({ polluted: 'yes' }, { isAdmin: true, roles: ['admin'] }, ['admin'], 'polluted'),
        fc.nat(),
      )
      .map(([key, value, pick]) => (body) => {
        const paths = objectPaths(body);
        const path = paths[pick % paths.length];
        withOwn(at(body, path), key, value);
        return { body, poison: `${key} at ${path.join('.') || 'top'}`, expectField: [...path, key].join('.') };
      }),
    // The whole body as an array, or nested beyond any sense.
    fc
      .oneof(
        fc.constant([] as unknown[]),
        fc.constant([base]),
        fc.array(someJson, { minLength: 1, maxLength: 3 }),
        deeplyNested(33, 4000),
      )
      .map((replacement) => () => ({
        body: replacement,
        poison: Array.isArray(replacement) ? 'array body' : 'deep body',
      })),
  ];
  if (props.length > 0) {
    // A wrong value for a known field: wrong type, impossible date, huge string, injection where none is valid...
    poisons.push(
      fc
        .constantFrom(...props)
        .chain(([name, p]) => wrongValueFor(doc, p).map((value) => [name, value] as const))
        .map(([name, value]) => (body) => ({
          body: Object.assign(body, { [name]: value }),
          poison: `bad ${name}`,
          expectField: name,
        })),
      // Nested too deeply inside a known field.
      fc
        .tuple(fc.constantFrom(...props.map(([n]) => n)), deeplyNested(40, 3000))
        .map(([name, value]) => (body) => ({ body: Object.assign(body, { [name]: value }), poison: `deep ${name}` })),
    );
  }
  if (required.length > 0) {
    poisons.push(
      fc.constantFrom(...required).map((name) => (body) => {
        delete body[name];
        return { body, poison: `missing ${name}`, expectField: name };
      }),
    );
  }
  // A fresh body for every use: fast-check replays generated values while shrinking, and poisons change the body.
  return fc
    .tuple(noise, fc.oneof(...poisons))
    .map(([changes, poison]) => printable(poison(Object.assign(clone(base), Object.fromEntries(changes)))));
}
