import type { Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { AccountLockedError, AppError, SignInFailedError, TooManySignInsError } from '../errors';
import { defineRoute } from '../http/route';
import { OPEN_PRINCIPAL, requirePrincipal } from '../auth/principal';
import { authOf } from '../auth/services';
import { sessionOf } from '../auth/sessions';
import { describeUserChange } from '../auth/users';
import { AddUserBody, MeResponse, SignInBody, UpdateUserBody, UserList, UserNameParams, UserSummary, type MeResponse as Me } from '../../contract/auth';

/** The client address as the rate limit counts it (behind TRUST_PROXY, the one the proxy saw). */
function clientOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** /api/auth/*: who am I, sign in, sign out; /api/admin/users*: accounts, for admins. */
export function authRoutes(ctx: AppContext) {
  const auth = authOf(ctx);
  const { config } = ctx;
  const oidc = config.oidc ? { label: config.oidc.label } : null;
  const lockout = { after: config.auth.lockoutAfter, minutes: config.auth.lockoutMinutes };

  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      tag: 'auth',
      access: 'public',
      summary: 'Who is signed in',
      description:
        'The mode (`open`: loopback, no sign-in, everyone is the local admin; `signin`), the signed-in user or null, the CSRF token to send as X-CSRF-Token on every POST, PUT, PATCH and DELETE, and the single sign-on button when an identity provider is configured.',
      response: MeResponse,
      handler: async ({ req, res }) => {
        res.setHeader('Cache-Control', 'no-store');
        if (auth.mode === 'open') return { mode: 'open', user: OPEN_PRINCIPAL, csrfToken: null, oidc } satisfies Me;
        const session = sessionOf(req);
        return { mode: 'signin', user: session?.principal ?? null, csrfToken: session?.csrfToken ?? null, oidc } satisfies Me;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/signin',
      tag: 'auth',
      access: 'public',
      summary: 'Sign in with a user name and password',
      description: `Starts a session: sets the HttpOnly cookie kg_session and answers as GET /api/auth/me does, with the CSRF token. At most ${config.auth.signinRate} attempts per client address per 5 minutes; ${config.auth.lockoutAfter} wrong passwords in a row lock the account for ${config.auth.lockoutMinutes} minutes.`,
      body: SignInBody,
      response: MeResponse,
      errors: {
        401: 'SIGNIN_FAILED: wrong user name or password (one answer for both)',
        403: 'ORIGIN_REFUSED: sent from a page of another site',
        409: 'SIGNIN_NOT_NEEDED: the app runs in open mode, where nobody signs in',
        423: 'ACCOUNT_LOCKED: too many wrong passwords; Retry-After says when to try again',
        429: 'TOO_MANY_SIGNINS: too many attempts from this address; Retry-After says when to try again',
      },
      handler: async ({ body, req, res }) => {
        if (auth.mode === 'open') throw new AppError('SIGNIN_NOT_NEEDED', 409, 'This app runs in open mode (loopback, one user): nobody needs to sign in.');
        const client = clientOf(req);
        const admission = auth.signInLimiter.take(client);
        if (!admission.allowed) throw new TooManySignInsError(admission.retryAfterSeconds);
        const check = await auth.users.checkPassword(body.name, body.password, lockout);
        if (check.outcome === 'locked') {
          await auth.audit.record({
            actor: body.name,
            role: '',
            action: 'signin.locked',
            target: body.name,
            detail: check.justLocked ? `locked for ${lockout.minutes} minutes after ${lockout.after} wrong passwords, from ${client}` : `refused while locked, from ${client}`,
          });
          throw new AccountLockedError(check.retryAfterSeconds);
        }
        if (check.outcome === 'failed') {
          const why = { unknown: 'no local user of that name', 'wrong-password': 'wrong password', disabled: 'account disabled' }[check.reason];
          await auth.audit.record({ actor: body.name, role: '', action: 'signin.failed', target: body.name, detail: `${why}, from ${client}` });
          throw new SignInFailedError();
        }
        const { csrfToken } = await auth.sessions.issue(req, res, check.user);
        await auth.audit.record({ actor: check.user.name, role: check.user.role, action: 'signin', target: check.user.name, detail: `password, from ${client}` });
        res.setHeader('Cache-Control', 'no-store');
        const { name, displayName, role, via } = check.user;
        return { mode: 'signin', user: { name, displayName, role, via }, csrfToken, oidc } satisfies Me;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/signout',
      tag: 'auth',
      access: 'public',
      summary: 'Sign out',
      description: 'Ends the session and clears its cookie. Without a session it does nothing, and answers the same.',
      response: z.undefined(),
      status: 204,
      errors: { 403: 'CSRF_FAILED: the session’s X-CSRF-Token header is missing or wrong; ORIGIN_REFUSED: sent from another site' },
      handler: async ({ req, res }) => {
        if (auth.mode === 'signin') {
          const session = sessionOf(req);
          await auth.sessions.end(req, res);
          if (session) await auth.audit.record({ actor: session.principal.name, role: session.principal.role, action: 'signout', target: session.principal.name });
        }
        res.status(204).end();
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/users',
      tag: 'users',
      access: 'admin',
      summary: 'List the users',
      description: 'Every account, local and single sign-on, by name; never a password hash.',
      response: UserList,
      handler: async () => ({ users: await auth.users.list() }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users',
      tag: 'users',
      access: 'admin',
      summary: 'Add a local user',
      description: 'Adds an account that signs in with a password (at least 10 characters). Single sign-on users are added by signing in.',
      body: AddUserBody,
      response: UserSummary,
      status: 201,
      errors: { 409: 'CONFLICT: a user of that name exists' },
      handler: async ({ body, req }) => {
        const actor = requirePrincipal(req);
        const user = await auth.users.add(body);
        await auth.audit.record({ actor: actor.name, role: actor.role, action: 'user.add', target: user.name, detail: `role ${user.role}` });
        return user;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/users/:name',
      tag: 'users',
      access: 'admin',
      summary: 'Change a user',
      description:
        'Sets the role, disables or enables (enabling also unlocks a locked account), or sets a new password. A new role, a new password or disabling ends the user’s sessions at once.',
      params: UserNameParams,
      body: UpdateUserBody,
      response: UserSummary,
      errors: {
        400: 'A password for a single sign-on user (they have none here)',
        404: 'No user has that name',
        409: 'LAST_ADMIN: the change would leave no enabled admin',
      },
      handler: async ({ params, body, req }) => {
        const actor = requirePrincipal(req);
        const { before, after } = await auth.users.update(params.name, body);
        await auth.audit.record({ actor: actor.name, role: actor.role, action: 'user.update', target: after.name, detail: describeUserChange(before, after, body) });
        return after;
      },
    }),
  ];
}
