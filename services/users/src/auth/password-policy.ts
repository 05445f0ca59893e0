import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { passwordLength, weakPasswordReason } from '../domain/password-strength.ts';

/** The shipped list (see the header of common-passwords.txt for its source), read once. */
const commonPasswords: ReadonlySet<string> = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);

/** A password someone is choosing now (sign-up, change, reset, the bootstrap admin's): long and not common. */
export const newPasswordSchema = z
  .string()
  .min(passwordLength.min)
  .max(passwordLength.max)
  .superRefine((password, ctx) => {
    const reason = weakPasswordReason(password, commonPasswords);
    if (reason) ctx.addIssue({ code: 'custom', message: `${reason}; choose a longer, less predictable one` });
  });
