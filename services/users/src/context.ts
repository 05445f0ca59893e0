import type { ServiceDeps } from '@emporium/kit';
import type { UsersConfig } from './config.ts';
import type { AccessTokenSigner } from './auth/access-tokens.ts';
import type { Sessions } from './auth/sessions.ts';
import type { AttemptCounter } from './domain/login-throttle.ts';

/** What the route modules share, built once in buildApp. */
export interface UsersContext {
  deps: ServiceDeps;
  config: UsersConfig;
  signer: AccessTokenSigner;
  sessions: Sessions;
  /** Counts attempts per key: sign-in failures, known addresses, account emails sent. */
  attempts: AttemptCounter;
}
