import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { HttpProblem, type ServiceApp } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { login, register } from '../auth/accounts.ts';
import { newPasswordSchema } from '../auth/password-policy.ts';

const email = z.email().max(254);
const refreshBody = z.object({ refreshToken: z.string().min(1).max(200) });

/** Public routes: the gateway lets them through without a token. */
export function registerAuthRoutes(app: ServiceApp, ctx: UsersContext): void {
  app.post(
    '/users/register',
    { schema: { body: z.object({ email, password: newPasswordSchema, name: z.string().trim().min(1).max(100).optional() }) } },
    async (request, reply) => {
      // The same answer whether or not the email had an account; the mailbox learns which.
      const { email: normalized } = await register(ctx, request.body);
      return reply.code(202).send({ email: normalized, detail: 'Check your inbox: we sent an email to this address to continue.' });
    },
  );

  // Any password up to the limit is accepted here: a too-short one simply doesn't match.
  app.post('/users/login', { schema: { body: z.object({ email, password: z.string().min(1).max(128) }) } }, async (request, reply) =>
    withRetryAfter(reply, () => login(ctx, { ...request.body, ip: request.ip })),
  );

  app.post('/users/refresh', { schema: { body: refreshBody } }, async (request) => ctx.sessions.refresh(request.body.refreshToken));

  app.post('/users/logout', { schema: { body: refreshBody } }, async (request, reply) => {
    await ctx.sessions.end(request.body.refreshToken);
    return reply.code(204).send();
  });
}

/** A throttled request says when to come back (the problem body carries `retryAfter` too). */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpProblem && typeof error.extensions.retryAfter === 'number') reply.header('retry-after', String(error.extensions.retryAfter));
    throw error;
  }
}
