import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { FastifyRequest } from 'fastify';
import { callerOf, createServiceApp, type ServiceApp, type ServiceModule } from '@emporium/kit';

/** Small upstreams for gateway tests: they echo what reached them so tests can see what was forwarded. */

/** Answers with what arrived: method, url, headers, the verified caller, the client address and the body (bytes as base64). */
function echo(instance: string) {
  return async (request: FastifyRequest) => ({
    instance,
    method: request.method,
    url: request.url,
    headers: request.headers,
    caller: callerOf(request),
    ip: request.ip,
    body: request.body === undefined ? null : Buffer.isBuffer(request.body) ? request.body.toString('base64') : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
  });
}

function acceptBytes(app: ServiceApp): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

function demoRoutes(app: ServiceApp, instance: string): void {
  acceptBytes(app);
  app.all('/demo', echo(instance));
  app.all('/demo/echo/*', echo(instance));
  app.get('/demo/status/:code', async (request, reply) => {
    const code = Number((request.params as { code: string }).code);
    return reply.code(code).header('x-demo', 'kept').header('connection', 'keep-alive').type('application/problem+json').send({ type: 'about:blank', title: 'Demo', status: code, detail: `status ${code} from ${instance}` });
  });
  app.get('/demo/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return { instance };
  });
  app.get('/internal/secret', async () => ({ secret: 'should never leave the private network' }));
}

/** A `demo` service (or another instance of it under a different platform name). */
export function demoService(name = 'demo'): ServiceModule {
  return {
    name,
    async buildApp(deps) {
      const app = await createServiceApp(deps);
      demoRoutes(app, name);
      return app;
    },
  };
}

export interface TestKeys {
  jwk: JWK;
  sign(claims: { sub: string; email?: string; roles: string[] }, options?: { expiresAt?: number; issuer?: string }): Promise<string>;
}

/** An RSA key pair; `sign` mints access tokens like the users service's. */
export async function createTestKeys(kid = 'test-key'): Promise<TestKeys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    jwk,
    sign: ({ sub, email = `${sub}@example.com`, roles }, options = {}) =>
      new SignJWT({ email, roles })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(sub)
        .setIssuer(options.issuer ?? 'emporium-users')
        .setIssuedAt()
        .setExpirationTime(options.expiresAt ?? '5m')
        .sign(privateKey),
  };
}

/** A stand-in `users` service: publishes the test key set and echoes `/users/...`. */
export function usersService(keys: TestKeys): ServiceModule {
  return {
    name: 'users',
    async buildApp(deps) {
      const app = await createServiceApp(deps);
      app.get('/.well-known/jwks.json', async () => ({ keys: [keys.jwk] }));
      acceptBytes(app);
      app.all('/users', echo('users'));
      app.all('/users/*', echo('users'));
      return app;
    },
  };
}
