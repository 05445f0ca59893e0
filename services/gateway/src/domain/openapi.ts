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

/**
 * One document for the whole platform as clients see it through the gateway: each service's
 * paths under `/api/v1`, internal ones dropped, operations tagged with the service, and
 * components renamed `<service>.<name>` so two services' schemas never collide.
 */
export function mergeOpenApi(gateway: OpenApiDocument, services: ReadonlyArray<{ service: string; doc: OpenApiDocument }>): OpenApiDocument {
  const merged: OpenApiDocument = {
    openapi: gateway.openapi ?? '3.0.3',
    info: { title: 'Emporium API', version: '1.0.0', description: `Services included: ${services.map((s) => s.service).join(', ') || 'none reachable'}` },
    paths: { ...gateway.paths },
    components: {
      ...gateway.components,
      securitySchemes: { ...gateway.components?.securitySchemes, bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    tags: [{ name: 'gateway' }, ...services.map(({ service }) => ({ name: service }))],
  };
  for (const { service, doc } of services) {
    const renamed = renameComponents(doc, service);
    for (const [path, item] of Object.entries(renamed.paths ?? {})) {
      if (path === '/internal' || path.startsWith('/internal/')) continue;
      merged.paths![publicPrefix + path] = tagOperations(item, service);
    }
    for (const [section, entries] of Object.entries(renamed.components ?? {})) {
      merged.components![section] = { ...merged.components![section], ...entries };
    }
  }
  return merged;
}

function tagOperations(item: Record<string, unknown>, service: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).map(([key, value]) =>
      methods.includes(key) && value && typeof value === 'object' ? [key, { ...value, tags: [service] }] : [key, value],
    ),
  );
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
