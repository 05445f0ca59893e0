import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { HttpProblem, problemTitle } from './errors.ts';
import { registerObservability, type ReadinessCheck } from './observability.ts';
import type { InternalTokens } from './identity.ts';
import { verifyCaller } from './auth.ts';
import { MAX_HEADER_BYTES, clientErrorHandler, controlCharacterProblem, frameworkErrorHandler, requestIdOf } from './edge.ts';

export interface ServiceAppOptions {
  name: string;
  version?: string;
  logger: Logger;
  readiness?: ReadinessCheck[];
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Verifies callers' internal tokens (and signs this service's own calls). */
  tokens: InternalTokens;
  /** The app faces clients (the gateway): it makes identities from their tokens instead of verifying internal ones. */
  edge?: boolean;
}

export type ServiceApp = FastifyInstance<any, any, any, Logger, ZodTypeProvider>;

/**
 * A Fastify instance with what every service shares: zod schemas on routes, bounded request ids,
 * verified callers (internal tokens), no control characters in input, problem+json errors (also
 * for what Node's parser or Fastify's router refuse), OpenAPI at /openapi.json, /health, /ready and /metrics.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const app = Fastify({
    loggerInstance: options.logger,
    // The id is read from x-request-id by requestIdOf, which refuses ids that are not short plain tokens.
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: true,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (!options.edge) app.addHook('onRequest', verifyCaller(options.tokens));
  // One rule for every route: control characters in params, query or a parsed body are a 400.
  app.addHook('preValidation', async (request) => {
    const problem = controlCharacterProblem(request);
    if (problem) throw problem;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(problem.status).type('application/problem+json').send({ ...problem, instance: request.url });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No route ${request.method} ${request.url.split('?')[0]}`, instance: request.url }),
  );

  await app.register(fastifySwagger, {
    openapi: { info: { title: `Emporium ${options.name}`, version: options.version ?? '1.0.0' } },
    transform: jsonSchemaTransform,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerObservability(app, options.name, options.readiness ?? []);
  return app as unknown as ServiceApp;
}

function toProblem(error: FastifyError): { type: string; title: string; status: number; detail: string; errors?: unknown } {
  if (error instanceof HttpProblem) return error.toProblem() as ReturnType<typeof toProblem>;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      field: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
      message: issue.message,
    }));
    return { type: 'about:blank', title: 'Bad Request', status: 400, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors };
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  // Fastify's own 4xx (bad JSON, body too large, wrong content type) are safe to show; a 5xx's message is not.
  const detail = status < 500 ? error.message : 'Something went wrong on our side; it has been logged.';
  return { type: 'about:blank', title: problemTitle(status), status, detail };
}
