import { z } from 'zod';
import { problemSchema } from '@emporium/contracts';
import { accessFor } from './rbac.ts';
import { publicPrefix } from './routing.ts';

export interface OpenApiDocument {
  openapi?: string;
  info?: Record<string, unknown>;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: Array<{ name: string; description?: string }>;
  [key: string]: unknown;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Operation = Record<string, unknown> & { responses?: Record<string, unknown>; security?: unknown[]; description?: string };

const problemRef = { $ref: '#/components/schemas/Problem' };
/** The answer every operation may give when the request is refused (RFC 9457). */
const clientErrorResponse = { description: 'The request was refused: problem+json naming the problem', content: { 'application/problem+json': { schema: problemRef } } };
const bearer = [{ bearer: [] }];
/** Public operations take a token when the caller has one (a signed-in customer's cart, say). */
const optionalBearer = [{}, { bearer: [] }];
/** The gateway's own registry routes take the platform's REGISTRY_TOKEN, not a user's JWT. */
const gatewaySecurity = (path: string) => (path.startsWith('/registry') ? [{ registryToken: [] }] : []);

/**
 * One document for the whole platform as clients see it through the gateway: each service's
 * paths under `/api/v1`, internal ones dropped, operations tagged with the service, and
 * components renamed `<service>.<name>` so two services' schemas never collide. Every operation
 * gets an operationId, a summary, a problem+json 4xx answer and the security the gateway's access
 * rules give it, so clients generated from the document know what to send and what comes back.
 */
export function mergeOpenApi(gateway: OpenApiDocument, services: ReadonlyArray<{ service: string; doc: OpenApiDocument }>): OpenApiDocument {
  const merged: OpenApiDocument = {
    openapi: gateway.openapi ?? '3.0.3',
    info: { title: 'Emporium API', version: '1.0.0', description: `Services included: ${services.map((s) => s.service).join(', ') || 'none reachable'}` },
    // Relative: the document is served by the gateway it describes, whatever its public address.
    servers: [{ url: '/', description: 'The gateway serving this document' }],
    paths: {},
    components: {
      ...gateway.components,
      schemas: { ...gateway.components?.schemas, Problem: z.toJSONSchema(problemSchema, { target: 'openapi-3.0' }) },
      securitySchemes: {
        ...gateway.components?.securitySchemes,
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        registryToken: { type: 'http', scheme: 'bearer', description: "The platform's REGISTRY_TOKEN (service heartbeats)" },
      },
    },
    tags: [
      { name: 'gateway', description: 'The gateway itself: the service registry' },
      ...services.map(({ service }) => ({ name: service, description: `The ${service} service (services/${service}/README.md)` })),
    ],
  };
  const operationIds = new Set<string>();
  const describe = (item: Record<string, unknown>, path: string, service: string, security: (method: string) => { security: unknown[]; note?: string }) =>
    Object.fromEntries(
      Object.entries(item).map(([key, value]) => {
        if (!methods.includes(key) || !value || typeof value !== 'object') return [key, value];
        const op = value as Operation;
        const { security: needed, note } = security(key);
        const operationId = unique(operationIds, typeof op.operationId === 'string' ? op.operationId : operationIdOf(key, path));
        return [
          key,
          {
            ...op,
            operationId,
            summary: op.summary ?? `${key.toUpperCase()} ${path}`,
            ...(note && { description: op.description ? `${op.description}\n\n${note}` : note }),
            tags: [service],
            security: op.security ?? needed,
            responses: withClientError(op.responses ?? {}),
          },
        ];
      }),
    );
  for (const [path, item] of Object.entries(gateway.paths ?? {})) {
    merged.paths![path] = describe(item, path, 'gateway', () => ({ security: gatewaySecurity(path) }));
  }
  for (const { service, doc } of services) {
    const renamed = renameComponents(doc, service);
    for (const [path, item] of Object.entries(renamed.paths ?? {})) {
      if (path === '/internal' || path.startsWith('/internal/')) continue;
      merged.paths![publicPrefix + path] = describe(item, publicPrefix + path, service, (method) => securityOf(method, path));
    }
    for (const [section, entries] of Object.entries(renamed.components ?? {})) {
      merged.components![section] = { ...merged.components![section], ...entries };
    }
  }
  return merged;
}

/** What the gateway's access rules ask of a caller of this operation (`/catalog/products/{id}`). */
function securityOf(method: string, path: string): { security: unknown[]; note?: string } {
  const access = accessFor(method, path.replace(/\{[^}]+\}/g, '_'));
  if (access === 'public') return { security: optionalBearer };
  if (access === 'authenticated') return { security: bearer, note: 'Needs a signed-in user.' };
  return { security: bearer, note: `Needs the \`${access.permission}\` permission.` };
}

/** `get` `/api/v1/catalog/products/{id}` → `getCatalogProductsById`. */
function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(publicPrefix, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith('{') ? ['by', segment.slice(1, -1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function unique(taken: Set<string>, id: string): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}${n}`;
  taken.add(candidate);
  return candidate;
}

/** Adds the problem+json 4xx answer unless the operation declares its own 4xx answers already. */
function withClientError(responses: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(responses).some((status) => status.startsWith('4')) ? responses : { ...responses, '4XX': clientErrorResponse };
}

function renameComponents(doc: OpenApiDocument, service: string): OpenApiDocument {
  const text = JSON.stringify({ paths: doc.paths ?? {}, components: doc.components ?? {} }).replace(
    /"#\/components\/([A-Za-z]+)\/([^"]+)"/g,
    (_match, section: string, name: string) => `"#/components/${section}/${service}.${name}"`,
  );
  const { paths, components } = JSON.parse(text) as OpenApiDocument;
  const prefixed = Object.fromEntries(
    Object.entries(components ?? {}).map(([section, entries]) => [section, Object.fromEntries(Object.entries(entries).map(([name, value]) => [`${service}.${name}`, value]))]),
  );
  return { paths, components: prefixed };
}
