import type { AppContext } from '../context';
import type { Config } from '../config';
import type { Database } from '../neo4j/database';
import type { Logger } from '../neo4j/connect';
import { AuditLog } from '../audit/store';
import { AuthSecret } from './secret';
import { Passwords } from './passwords';
import { UserStore } from './users';
import { Sessions } from './sessions';
import { SignInRateLimiter } from './limits';
import type { AuthMode } from '../../contract/auth';

/** What sign-in needs at run time, built once per app (server/main.ts, or lazily by `authOf`). */
export interface AuthServices {
  readonly mode: AuthMode;
  /** The secret file (pepper, and keys for signed cookies: `secret.key('oidc-state')`). Read on first use. */
  readonly secret: AuthSecret;
  readonly passwords: Passwords;
  readonly users: UserStore;
  readonly sessions: Sessions;
  readonly signInLimiter: SignInRateLimiter;
  readonly audit: AuditLog;
  /**
   * While the app warms its start page up (server/main.ts), a random token that lets those requests through as
   * a viewer in signin mode; undefined otherwise. Held only in this process, cleared after the warm-up.
   */
  warmUpToken: string | undefined;
}

/** Builds the sign-in services; nothing touches the disk or the database until it is used. */
export function createAuthServices(db: Database, config: Config, log: Logger): AuthServices {
  const secret = new AuthSecret(config.auth.secretFile);
  const passwords = new Passwords(() => secret.key('password-pepper'));
  return {
    mode: config.auth.mode,
    secret,
    passwords,
    users: new UserStore(db, passwords),
    sessions: new Sessions(db, config),
    signInLimiter: new SignInRateLimiter(config.auth.signinRate),
    audit: new AuditLog(db, log),
    warmUpToken: undefined,
  };
}

/** The context's sign-in services, built on first ask when the caller of createApp/allRoutes gave none. */
export function authOf(ctx: AppContext): AuthServices {
  ctx.auth ??= createAuthServices(ctx.db, ctx.config, ctx.log);
  return ctx.auth;
}
