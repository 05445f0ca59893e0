import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@emporium/kit';
import { TestPlatform, apiClient, testCard, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as catalog } from '@emporium/catalog';
import { service as inventory } from '@emporium/inventory';
import { service as payments } from '@emporium/payments';
import { service as cart } from '@emporium/cart';
import { service as orders } from '@emporium/orders';
import { service as notifications } from '@emporium/notifications';
import { service as gateway } from '@emporium/gateway';
import { adminCredentials, eventually, login, staffToken, usersEnv } from './helpers.ts';
import { startSmtpServer } from './smtp.ts';

/**
 * Property: whatever a client sends to any operation of the merged OpenAPI document — control
 * characters, huge strings, wrong types, odd unicode, extreme numbers, `%00` and `../` in path
 * params — as an anonymous caller, staff or admin, the platform never answers 5xx, every 4xx is
 * problem+json, and a 4xx writes nothing (row counts of every table of every service unchanged).
 *
 * Deterministic: FUZZ_SEED (default below) and FUZZ_RUNS (samples per operation and caller).
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_127);
const runsPerCase = Number(process.env.FUZZ_RUNS ?? 6);
const services = [users, catalog, inventory, payments, cart, orders, notifications, gateway];

type JsonSchema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  parameters: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  body?: JsonSchema;
}
interface HostileRequest {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}
interface Answer {
  status: number;
  contentType: string;
  text: string;
}

let platform: TestPlatform;
let api: ApiClient;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let document: { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, JsonSchema> } };
const callers: Record<string, string | undefined> = { anonymous: undefined };
const staffEmail = 'fuzz-staff@e2e.test';
/** Ids of things that exist, so some requests get past "not found" into the deeper code. */
const existingIds: string[] = [];
const tablesOf = new Map<string, string[]>();

before(async () => {
  smtp = await startSmtpServer();
  platform = await TestPlatform.start(services, {
    env: {
      users: usersEnv,
      notifications: { SMTP_URL: smtp.url },
      orders: { ORDERS_UPSTREAM_TIMEOUT_MS: '30000' },
      cart: { CATALOG_TIMEOUT_MS: '20000' },
      gateway: { RATE_LIMIT_MAX: '1000000', UPSTREAM_TIMEOUT_MS: '60000', DOCS_CACHE_MS: '1' },
    },
  });
  api = apiClient(() => platform.url('gateway'));
  callers.admin = (await login(api, adminCredentials.email, adminCredentials.password)).accessToken;
  callers.staff = await staffToken(api, staffEmail);
  await createSomeThings(callers.admin);

  const serviceNames = services.map((s) => s.name).filter((name) => name !== 'gateway');
  document = await eventually(async () => {
    const res = await api.get('/docs/openapi.json');
    const tags = new Set((res.body.tags ?? []).map((t: { name: string }) => t.name));
    return res.status === 200 && serviceNames.every((name) => tags.has(name)) && res.body;
  }, 'the merged OpenAPI document with every service');

  for (const { name } of services) {
    const tables = rowsOf<{ name: string }>(
      await platform.service(name).deps.db.execute(sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`),
    );
    tablesOf.set(name, tables.map((t) => t.name));
  }
  console.log(`hostile input: seed ${seed}, ${runsPerCase} runs per operation and caller (FUZZ_SEED / FUZZ_RUNS to change)`);
});
after(async () => {
  await platform?.stop();
  await smtp?.close();
});

async function createSomeThings(token: string): Promise<void> {
  const asAdmin = { token };
  const category = await api.post('/api/v1/catalog/categories', { name: 'Fuzz', slug: 'fuzz' }, asAdmin);
  const product = await api.post('/api/v1/catalog/products', { sku: 'FUZZ-1', name: 'Fuzz thing', price: 1000, currency: 'EUR', categoryId: category.body.id }, asAdmin);
  await api.post('/api/v1/inventory/warehouses', { id: 'main', name: 'Main' }, asAdmin);
  const cartRes = await api.post('/api/v1/cart/carts');
  for (const res of [category, product, cartRes]) assert.equal(res.status, 201, JSON.stringify(res.body));
  existingIds.push(category.body.id, product.body.id, 'FUZZ-1', cartRes.body.id, 'main');
}

// ---- generators -------------------------------------------------------------------------------

const oddStrings = [
  '\u0000', 'a\u0000b', '\u0007bell', '\u001b[31mred', 'tab\there', 'line\nbreak', '\u007f', '\u0085', '\u2028', '\u202eevil',
  '\ud800', '\udfff', '\ufeff', '\uffff', '𝕏𝔂𝔃', '👩‍👩‍👧‍👦', 'ǅ', 'e\u0301', 'İ', '',
  ' ', '   padded   ', 'null', 'undefined', 'true', '0', '-1', 'NaN', 'Infinity', '1e309', '0x10',
  "' or 1=1 --", '"; drop table users; --', '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '%s%n', '\\', '/', '..', '../..',
  '__proto__', 'constructor', 'a'.repeat(257), 'é'.repeat(5_000), 'x'.repeat(100_001),
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'z'.repeat(n)) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -2_147_483_649, 2_147_483_648, 9_007_199_254_740_993, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e21, 1e308, -1e308, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.constantFrom('\u0000', 1, null), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a\u0000', 'x'), fc.constantFrom(1, 'y', null), { maxKeys: 2 }),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}}')),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 2, arbitrary: hostileNumber }, { weight: 1, arbitrary: wrongType });

function resolve(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (typeof schema.$ref === 'string') return resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!]);
  return schema;
}

/** A value the schema accepts (as far as generation can tell); deeper code is reached only with those. */
function validValue(raw: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v: JsonSchema) => validValue(v, depth)));
  if (schema.allOf) return validValue(schema.allOf[0], depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? 0, -1_000_000), max: Math.min(schema.maximum ?? 10_000, 10_000) });
    case 'number':
      return fc.double({ min: Math.max(schema.minimum ?? 0, -1_000_000), max: Math.min(schema.maximum ?? 10_000, 10_000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(validValue(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties: Record<string, JsonSchema> = schema.properties ?? {};
      const shape = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validValue(value, depth + 1)]));
      if (Object.keys(shape).length === 0) return fc.dictionary(fc.constantFrom('color', 'size'), fc.constantFrom('red', '42'), { maxKeys: 2 });
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key: string) => key in shape) });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer());
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'email':
      return fc.constantFrom('fuzz@example.com', 'someone.else@example.org');
    case 'uuid':
      return fc.oneof(fc.uuid(), fc.constantFrom(...existingIds));
    case 'date-time':
      return fc.constantFrom(new Date(Date.now() - 86_400_000).toISOString(), new Date(Date.now() + 86_400_000).toISOString());
    case 'uri':
      return fc.constant('https://img.example/fuzz.jpg');
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { size: 'xsmall' });
    } catch {
      // a pattern fast-check cannot generate from: any short text will do
    }
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-'), minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 16, 16)) });
}

/** Every place in a JSON value where another value could stand: the value itself, each property and item. */
function slots(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const inner = Array.isArray(value)
    ? value.flatMap((item, i) => slots(item, [...path, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => slots(item, [...path, key]))
      : [];
  return [path, ...inner];
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

/** Control characters, the defect class that reached Postgres and gave 500s. */
const controlChar = fc.oneof({ weight: 3, arbitrary: fc.constant('\u0000') }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 0x1f }).map((c) => String.fromCharCode(c)) });

/** What an otherwise valid value turns into: a control character slipped in, an extreme number, a huge string, or anything at all. */
function spoil(value: unknown): fc.Arbitrary<unknown> {
  const anything = { weight: 1, arbitrary: hostileValue };
  if (typeof value === 'string') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.tuple(controlChar, fc.nat()).map(([char, at]) => value.slice(0, at % (value.length + 1)) + char + value.slice(at % (value.length + 1))) },
      { weight: 1, arbitrary: fc.integer({ min: 2, max: 20_000 }).map((n) => (value || 'v').repeat(n)) },
      { weight: 1, arbitrary: fc.constantFrom(value.padEnd(40, '\u202e'), `${value}\ud800`, ` ${value} `, value.toUpperCase(), value.normalize('NFD')) },
      anything,
    );
  }
  if (typeof value === 'number') return fc.oneof({ weight: 4, arbitrary: hostileNumber }, anything);
  return fc.oneof(anything);
}

/** A valid value with one part of it spoiled (or, sometimes, left valid). */
function hostileVariant(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue(schema), fc.nat(), fc.nat({ max: 9 }))
    .chain(([valid, pick, keepValid]) => {
      if (keepValid === 0) return fc.constant(valid);
      const places = slots(valid);
      // Leaves first: they are where a spoiled value gets past the shape checks.
      const leaves = places.filter((place) => {
        const v = valueAt(valid, place);
        return v === null || typeof v !== 'object';
      });
      const pool = leaves.length > 0 && pick % 4 !== 0 ? leaves : places;
      const place = pool[pick % pool.length]!;
      return spoil(valueAt(valid, place)).map((spoiled) => replaceAt(valid, place, spoiled));
    });
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<any>((current, key) => current?.[key], value);
}

/** Percent-encodes the UTF-8 bytes (lone surrogates, which encodeURIComponent refuses, become U+FFFD as on the wire). */
const encode = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

const rawPathParams = ['%00', 'a%00b', '..', '%2e%2e', '..%2F..%2Finternal', '%2F', '%C0%AE', '%ZZ', '%', '%E2%80%AE', '%F0%9F%92%A9', '%ED%A0%80', '%FF%FE', '%0A', '%20', 'L'.repeat(20_000)];
function pathParam(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const plausible = fc.oneof(validValue(schema).map(String), fc.uuid(), fc.constantFrom(...existingIds));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...rawPathParams) },
    { weight: 3, arbitrary: plausible.chain((v) => spoil(v)).map((v) => encode(String(typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 300))) },
    { weight: 1, arbitrary: hostileString.map((v) => encode(v.slice(0, 300))) },
    { weight: 2, arbitrary: plausible.map(encode) },
  );
}

function queryValue(schema: JsonSchema | undefined): fc.Arbitrary<string | undefined> {
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '').slice(0, 2_000);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: validValue(schema).map(String) },
    { weight: 3, arbitrary: validValue(schema).map(String).chain((v) => spoil(v)).map(asText) },
    { weight: 1, arbitrary: hostileValue.map(asText) },
  );
}

const rawBodies = fc.constantFrom(
  { body: '{"unterminated": ', contentType: 'application/json' },
  { body: '', contentType: 'application/json' },
  { body: 'null', contentType: 'application/json' },
  { body: '"just a string"', contentType: 'application/json' },
  { body: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', contentType: 'application/json' },
  { body: '{"a":' + '['.repeat(5_000) + ']'.repeat(5_000) + '}', contentType: 'application/json' },
  { body: 'name=x&price=1', contentType: 'application/x-www-form-urlencoded' },
  { body: 'plain text\u0000', contentType: 'text/plain' },
  { body: '<xml/>', contentType: 'application/xml' },
);

function requestFor(op: Operation): fc.Arbitrary<HostileRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathParam(p.schema)])) as Record<string, fc.Arbitrary<string>>);
  const query = fc.tuple(
    fc.record(Object.fromEntries(queryParams.map((p) => [p.name, queryValue(p.schema)])) as Record<string, fc.Arbitrary<string | undefined>>),
    fc.option(fc.tuple(fc.constantFrom('attr.color', 'attr.\u0000', 'x\u0000', '__proto__', 'q[]', 'limit'), hostileString.map((v) => v.slice(0, 2_000))), { freq: 4 }),
  );
  const body: fc.Arbitrary<{ body?: string; contentType?: string }> = op.body
    ? fc.oneof(
        { weight: 8, arbitrary: hostileVariant(op.body).map((value) => ({ body: JSON.stringify(value) ?? 'null', contentType: 'application/json' })) },
        { weight: 1, arbitrary: rawBodies },
        { weight: 1, arbitrary: wrongType.map((value) => ({ body: JSON.stringify(value), contentType: 'application/json' })) },
      )
    : fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostileValue.map((value) => ({ body: JSON.stringify(value) ?? 'null', contentType: 'application/json' })) });

  return fc.tuple(path, query, body).map(([params, [queryValues, extra], payload]) => {
    const filled = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => params[name] ?? 'x');
    const pairs = Object.entries(queryValues).filter((entry): entry is [string, string] => entry[1] !== undefined);
    if (extra) pairs.push(extra);
    const search = pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : '';
    return { method: op.method, path: filled + search, ...payload };
  });
}

// ---- the platform side ------------------------------------------------------------------------

/** One request exactly as generated (fetch would normalise `..` and re-encode the path). */
function send(req: HostileRequest, token: string | undefined): Promise<Answer> {
  const { hostname, port } = new URL(platform.url('gateway'));
  const headers: Record<string, string | number> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (req.body !== undefined) {
    headers['content-type'] = req.contentType ?? 'application/json';
    headers['content-length'] = Buffer.byteLength(req.body);
  }
  return new Promise((resolvePromise, reject) => {
    const outgoing = httpRequest({ hostname, port, path: req.path, method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode!, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/** Rows per table of every service's database: one query per service. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, tables] of tablesOf) {
    if (tables.length === 0) continue;
    const select = tables.map((table) => `(select count(*) from "${table}")::int as "${table}"`).join(', ');
    const [row] = rowsOf<Record<string, number>>(await platform.service(name).deps.db.execute(sql.raw(`select ${select}`)));
    for (const [table, count] of Object.entries(row!)) counts[`${name}.${table}`] = Number(count);
  }
  return counts;
}

async function unpublishedEvents(): Promise<number> {
  let pending = 0;
  for (const [name, tables] of tablesOf) {
    if (!tables.includes('outbox')) continue;
    const [row] = rowsOf<{ n: number }>(await platform.service(name).deps.db.execute(sql`select count(*)::int as n from outbox where published_at is null`));
    pending += Number(row!.n);
  }
  return pending;
}

/** After a successful write, waits until its events have been published and handled and nothing moves. */
async function settle(): Promise<Record<string, number>> {
  let previous = '';
  return eventually(async () => {
    await platform.drainBus();
    const pending = await unpublishedEvents();
    const counts = await rowCounts();
    const now = JSON.stringify(counts);
    const settled = pending === 0 && now === previous;
    previous = now;
    return settled && counts;
  }, 'the platform to settle after a write', 30_000);
}

function changed(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((key) => before[key] !== after[key]).map((key) => `${key}: ${before[key]} → ${after[key]}`);
}

const describe = (req: HostileRequest) => `${req.method} ${req.path.slice(0, 300)}${req.body === undefined ? '' : ` body ${req.body.slice(0, 300)}`}`;

/** Some operations end the caller's own sessions (sign out everywhere, a role change): sign in again, so the walk keeps its roles. */
async function stillSignedIn(caller: string): Promise<string | undefined> {
  const token = callers[caller];
  if (!token || (await api.get('/api/v1/users/me', { token })).status !== 401) return token;
  const email = caller === 'admin' ? adminCredentials.email : staffEmail;
  callers[caller] = (await login(api, email, caller === 'admin' ? adminCredentials.password : 'customer-password-1')).accessToken;
  return callers[caller];
}

test('every operation of the merged OpenAPI document survives hostile input: no 5xx, 4xx are problem+json and write nothing', async () => {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    // Only the public API: the gateway's registry would (rightly) route traffic to a valid heartbeat's URL.
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({ method: method.toUpperCase(), path, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  assert.ok(operations.length >= 40, `expected the whole platform's operations, got ${operations.length}`);

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  let counts = await settle();
  for (const [index, op] of operations.entries()) {
    for (const caller of Object.keys(callers)) {
      const before = callers[caller];
      const token = await stillSignedIn(caller);
      if (token !== before) counts = await settle(); // signing in again wrote a session
      const property = fc.asyncProperty(requestFor(op), async (req) => {
        sent++;
        const answer = await send(req, token);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const where = `${caller}: ${describe(req)} → ${answer.status} ${answer.text.slice(0, 300)}`;
        assert.ok(answer.status < 500, `5xx for ${where}`);
        if (answer.status >= 400) {
          assert.match(answer.contentType, /^application\/problem\+json/, `not problem+json: ${where}`);
          const after = await rowCounts();
          const diff = changed(counts, after);
          counts = after;
          assert.deepEqual(diff, [], `a ${answer.status} wrote ${diff.join(', ')}: ${where}`);
        } else {
          // A success may write (an audit record of a read, say); what its events cause must settle first.
          counts = req.method === 'GET' ? await rowCounts() : await settle();
        }
      });
      // Each operation and caller gets its own seed derived from the run's, so one can be replayed alone.
      const details = await fc.check(property, { seed: seed + index * 7 + caller.length, numRuns: runsPerCase, endOnFailure: true });
      if (details.failed) {
        failures.push(`${op.method} ${op.path} as ${caller} (seed ${details.seed}): ${(details.errorInstance as Error | undefined)?.message ?? details.error}`);
        counts = await settle();
      }
    }
  }
  const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
  console.log(`hostile input: ${sent} requests over ${operations.length} operations (${tally}), ${failures.length} failing`);
  assert.deepEqual(failures, []);
});

test('the NUL bytes and control characters the adversarial run found are 400s naming the field, at every service', async () => {
  const admin = { token: await stillSignedIn('admin') };
  const address = { name: 'Ann', line1: '1 Main St', city: 'Lisbon', postalCode: '1000-001', country: 'PT' };
  const card = testCard();
  const cases: Array<[string, Promise<{ status: number; headers: Headers; body: any }>, string]> = [
    ['catalog search', api.get('/api/v1/catalog/search?q=shoe%00'), 'querystring.q'],
    ['catalog filter', api.get('/api/v1/catalog/products?attr.color=red%00'), 'querystring.attr.color'],
    ['inventory path', api.get('/api/v1/inventory/stock/FUZZ-1%00'), 'path'],
    ['forecast path', api.get('/api/v1/inventory/forecast/FUZZ%001', admin), 'path'],
    ['sign-up name', api.post('/api/v1/users/register', { email: 'nul@e2e.test', password: 'nul-password-123', name: 'N\u0000L' }), 'body.name'],
    ['profile', api.patch('/api/v1/users/me', { name: 'x\u0000' }, admin), 'body.name'],
    ['checkout address', api.post('/api/v1/orders', { cartId: existingIds[3], email: 'a@e2e.test', payment: card, shippingAddress: { ...address, line1: '1 Main\u0000St' } }, { headers: { 'idempotency-key': 'nul-checkout' } }), 'body.shippingAddress.line1'],
    ['product name', api.post('/api/v1/catalog/products', { sku: 'NUL-1', name: 'Bad\u0000name', price: 100, currency: 'EUR' }, admin), 'body.name'],
    ['category name', api.post('/api/v1/catalog/categories', { name: 'Bad\u0007bell' }, admin), 'body.name'],
    ['template subject', api.put('/api/v1/notifications/templates/order.paid/email/en', { subject: 'Paid\u0000', body: 'Thanks' }, admin), 'body.subject'],
  ];
  const before = await rowCounts();
  for (const [what, pending, field] of cases) {
    const res = await pending;
    assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field), [field], what);
  }
  assert.deepEqual(changed(before, await rowCounts()), [], 'nothing written');

  // Free text keeps its tabs and line breaks.
  const described = await api.post('/api/v1/catalog/products', { sku: 'TAB-1', name: 'Tabbed', description: 'one\ttwo\r\nthree', price: 100, currency: 'EUR' }, admin);
  assert.equal(described.status, 201, JSON.stringify(described.body));
  assert.equal(described.body.description, 'one\ttwo\r\nthree');
});

test('oversized headers or URL through the gateway get a 431 problem+json', async () => {
  for (const res of [
    await fetch(`${platform.url('gateway')}/api/v1/catalog/products`, { headers: { 'x-padding': 'p'.repeat(20_000) } }),
    await fetch(`${platform.url('gateway')}/api/v1/catalog/products?q=${'q'.repeat(20_000)}`),
  ]) {
    assert.equal(res.status, 431);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await res.json()) as { status: number }).status, 431);
  }
});
