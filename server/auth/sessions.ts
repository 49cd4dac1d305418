import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Config } from '../config';
import type { Database } from '../neo4j/database';
import { toPlain } from '../neo4j/values';
import { SESSION_COOKIE, type Principal, type Role } from '../../contract/auth';

/** A valid session found for a request: who it is, and the CSRF token their writes must carry. */
export interface ActiveSession {
  principal: Principal;
  csrfToken: string;
}

const SESSION = Symbol('session');
type WithSession = Request & { [SESSION]?: ActiveSession | null };

/** The session the authentication middleware found for this request (null: none or not valid). */
export function sessionOf(req: Request): ActiveSession | null {
  return (req as WithSession)[SESSION] ?? null;
}

/** Remembers the request's session for the routes after the middleware. */
export function setSession(req: Request, session: ActiveSession | null): void {
  (req as WithSession)[SESSION] = session;
}

/** The value of one cookie in a Cookie header (the first one of that name), undecoded. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** The session id stored for a token: only its hash, so a read of `:Session` nodes yields nothing usable. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Compares two tokens in constant time (for their length). */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A session token in the cookie: 32 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions in Neo4j: `(:Session {id: sha256(token), user, epoch, csrf, createdAt, expiresAt})`. The browser holds
 * the token in the `kg_session` cookie (HttpOnly, SameSite=Lax, Secure over HTTPS). Every lookup reads the user
 * too, so a password or role change, or disabling, ends older sessions at once.
 */
export class Sessions {
  private readonly lifetimeSeconds: number;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
  ) {
    this.lifetimeSeconds = Math.round(config.auth.sessionHours * 3600);
  }

  /** Starts a session for `user` (at their current `epoch`) and sets the cookie; answers the CSRF token. */
  async issue(req: Request, res: Response, user: { name: string; epoch: number }): Promise<{ csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    await this.db.write(
      `CREATE (:Session {id: $id, user: $user, epoch: toInteger($epoch), csrf: $csrf, createdAt: datetime(), expiresAt: datetime() + duration({seconds: $seconds})})`,
      { id: sessionId(token), user: user.name, epoch: user.epoch, csrf: csrfToken, seconds: this.lifetimeSeconds },
    );
    // A stale session from before this sign-in (the same browser) is ended rather than left to expire.
    const previous = this.tokenOf(req);
    if (previous) await this.db.write('MATCH (s:Session {id: $id}) DELETE s', { id: sessionId(previous) });
    await this.sweep().catch(() => undefined);
    res.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(req), maxAge: this.lifetimeSeconds * 1000 });
    return { csrfToken };
  }

  /** The session token the request's cookie carries, when it looks like one. */
  tokenOf(req: Request): string | undefined {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    return token && TOKEN.test(token) ? token : undefined;
  }

  /** The request's valid session: not expired, its user enabled and at the same epoch. One read, no cache. */
  async lookup(req: Request): Promise<ActiveSession | null> {
    const token = this.tokenOf(req);
    if (!token) return null;
    const r = await this.db.read(
      `MATCH (s:Session {id: $id}) WHERE s.expiresAt > datetime()
       MATCH (u:User {name: s.user}) WHERE u.epoch = s.epoch AND NOT coalesce(u.disabled, false)
       RETURN u { .name, .displayName, .role, .via } AS user, s.csrf AS csrf`,
      { id: sessionId(token) },
    );
    const rec = r.records[0];
    if (!rec) return null;
    const u = toPlain(rec.get('user')) as { name: string; displayName: string | null; role: Role; via: 'local' | 'oidc' };
    return { principal: { name: u.name, displayName: u.displayName || u.name, role: u.role, via: u.via }, csrfToken: rec.get('csrf') as string };
  }

  /** Ends the request's session (deletes it) and clears the cookie; answers the user it belonged to, if any. */
  async end(req: Request, res: Response): Promise<string | null> {
    const token = this.tokenOf(req);
    let user: string | null = null;
    if (token) {
      const r = await this.db.write('MATCH (s:Session {id: $id}) WITH s, s.user AS user DELETE s RETURN user', { id: sessionId(token) });
      user = (r.records[0]?.get('user') as string | undefined) ?? null;
    }
    res.clearCookie(SESSION_COOKIE, this.cookieOptions(req));
    return user;
  }

  /** Ends every session of a user (e.g. after the account was removed by hand). */
  async endAll(user: string): Promise<void> {
    await this.db.write('MATCH (s:Session {user: $user}) DELETE s', { user });
  }

  /** Deletes expired sessions, a batch at a time (run at each sign-in). */
  async sweep(): Promise<void> {
    await this.db.write('MATCH (s:Session) WHERE s.expiresAt <= datetime() WITH s LIMIT 1000 DELETE s');
  }

  private cookieOptions(req: Request) {
    return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: this.config.auth.cookieSecure || req.secure };
  }
}
