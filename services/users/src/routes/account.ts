import { z } from 'zod';
import { requirePrincipal, type ServiceApp } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { changePassword, requestPasswordReset, resendEmailVerification, resetPassword, signOutEverywhere, verifyEmail } from '../auth/account-security.ts';
import { newPasswordSchema } from '../auth/password-policy.ts';
import { withRetryAfter } from './auth.ts';

const linkToken = z.string().min(20).max(200);

/**
 * Password reset, password change, email verification and signing out everywhere. The reset and
 * verification confirmations are public (the emailed token is the proof); the rest need a user.
 */
export function registerAccountRoutes(app: ServiceApp, ctx: UsersContext): void {
  app.post('/users/password-reset', { schema: { body: z.object({ email: z.email().max(254) }) } }, async (request, reply) => {
    await requestPasswordReset(ctx, request.body.email);
    return reply.code(202).send({ detail: 'If this address has an account, a reset link is on its way.' });
  });

  app.post('/users/password-reset/confirm', { schema: { body: z.object({ token: linkToken, newPassword: newPasswordSchema }) } }, async (request, reply) => {
    await resetPassword(ctx, request.body);
    return reply.code(204).send();
  });

  app.post('/users/email-verification/confirm', { schema: { body: z.object({ token: linkToken }) } }, async (request, reply) => {
    await verifyEmail(ctx, request.body.token);
    return reply.code(204).send();
  });

  app.post('/users/me/email-verification', async (request, reply) =>
    withRetryAfter(reply, async () => {
      await resendEmailVerification(ctx, requirePrincipal(request).userId);
      return reply.code(202).send({ detail: 'A new verification link is on its way.' });
    }),
  );

  app.post(
    '/users/me/password',
    { schema: { body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: newPasswordSchema }) } },
    async (request, reply) => withRetryAfter(reply, () => changePassword(ctx, { ...request.body, userId: requirePrincipal(request).userId, ip: request.ip })),
  );

  app.post('/users/me/logout-all', async (request, reply) => {
    await signOutEverywhere(ctx, requirePrincipal(request).userId);
    return reply.code(204).send();
  });
}
