import type { Logger } from 'pino';
import { mergeOpenApi, type OpenApiDocument } from '../domain/openapi.ts';
import type { UpstreamPool } from './pool.ts';

export interface OpenApiCollectorOptions {
  services: readonly string[];
  pool: UpstreamPool;
  own: () => OpenApiDocument;
  cacheMs: number;
  timeoutMs: number;
  logger: Logger;
}

/** The merged OpenAPI document of every service that answers, rebuilt at most every `cacheMs`. */
export class OpenApiCollector {
  private cached?: { doc: OpenApiDocument; at: number };
  private building?: Promise<OpenApiDocument>;

  constructor(private readonly options: OpenApiCollectorOptions) {}

  /** The last merged document without waiting (the gateway's own until one was built). */
  current(): OpenApiDocument {
    return this.cached?.doc ?? mergeOpenApi(this.options.own(), []);
  }

  async get(): Promise<OpenApiDocument> {
    if (this.cached && Date.now() - this.cached.at < this.options.cacheMs) return this.cached.doc;
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(): Promise<OpenApiDocument> {
    const fetched = await Promise.all(this.options.services.map((service) => this.fetchDoc(service)));
    const doc = mergeOpenApi(this.options.own(), fetched.filter((f): f is { service: string; doc: OpenApiDocument } => f !== null));
    this.cached = { doc, at: Date.now() };
    return doc;
  }

  /** A service that is down or answers nonsense is left out of the merge, not an error. */
  private async fetchDoc(service: string): Promise<{ service: string; doc: OpenApiDocument } | null> {
    try {
      const res = await this.options.pool.send(service, { method: 'GET', path: '/openapi.json', headers: { accept: 'application/json' }, timeoutMs: this.options.timeoutMs });
      if (res.status !== 200) return null;
      const doc = JSON.parse(res.body.toString('utf8')) as OpenApiDocument;
      return doc && typeof doc === 'object' && typeof doc.paths === 'object' ? { service, doc } : null;
    } catch (error) {
      this.options.logger.debug({ service, err: error }, 'openapi document not available');
      return null;
    }
  }
}
