import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import type { Logger } from '../neo4j/connect';
import { AppError, NotFoundError } from '../errors';
import { defineRoute } from '../http/route';
import { authOf } from '../auth/services';
import { readCookie } from '../auth/sessions';
import { identityFrom, OIDC_CALLBACK_PATH, OIDC_FLOW_COOKIE, OIDC_FLOW_SECONDS, OidcClient, OidcSignInError } from '../auth/oidc';

/** The query the identity provider sends the browser back with (RFC 6749 §4.1.2, RFC 9207). */
const CallbackQuery = z.object({
  code: z.string().max(4096).optional().describe('The authorization code'),
  state: z.string().max(512).optional().describe('Echoes the state of the sign-in this browser started'),
  iss: z.string().max(2048).optional().describe('The issuer that answered'),
  error: z.string().max(256).optional().describe('Why the provider did not sign the user in, e.g. access_denied'),
  error_description: z.string().max(2048).optional(),
});

const NOT_CONFIGURED = 'Single sign-on is not configured on this server. An admin sets OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and PUBLIC_URL to turn it on.';

const REDIRECT_ERRORS = {
  404: 'NOT_FOUND: single sign-on is not configured (OIDC_ISSUER is not set)',
};

/** The code the sign-in page shows for a failure, logged with its reason: the sign-in error's, the API error's, or INTERNAL. */
function failureCode(err: unknown, log: Logger): string {
  if (err instanceof OidcSignInError || err instanceof AppError) {
    log.warn({ code: err.code, user: err instanceof OidcSignInError ? err.user : undefined, reason: err.message }, 'single sign-on refused');
    return err.code;
  }
  log.error({ err }, 'single sign-on failed');
  return 'INTERNAL';
}

/**
 * GET /api/auth/oidc/start and /callback: single sign-on through the OpenID provider (docs/auth-design.md). Both
 * answer the browser with redirects; every failure lands on the sign-in page as `#/signin?error=CODE`.
 */
export function oidcRoutes(ctx: AppContext) {
  const { config, log } = ctx;
  const settings = config.oidc;
  const auth = authOf(ctx);
  const sso = settings ? new OidcClient(settings, () => auth.secret.key('oidc-state'), log) : undefined;
  const publicUrl = config.auth.publicUrl;
  // The app is reached where PUBLIC_URL points, a path prefix included (behind a proxy that strips it).
  const prefix = publicUrl ? new URL(publicUrl).pathname.replace(/\/+$/, '') : '';
  const home = `${prefix}/#/`;
  const signInPage = (code: string) => `${home}signin?error=${encodeURIComponent(code)}`;

  /** The redirect URI registered at the provider: PUBLIC_URL's, else the address this request came to. */
  const redirectUri = (req: Request) => `${publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`}${OIDC_CALLBACK_PATH}`;

  const flowCookie = (req: Request) => ({ httpOnly: true, sameSite: 'lax' as const, path: `${prefix}${OIDC_CALLBACK_PATH}`, secure: config.auth.cookieSecure || req.secure });

  const redirect = (res: Response, location: string) => {
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, location);
  };

  const configured = (): OidcClient => {
    if (!sso) throw new NotFoundError(NOT_CONFIGURED);
    return sso;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/oidc/start',
      tag: 'auth',
      access: 'public',
      summary: 'Sign in through the identity provider',
      description: `Sends the browser (302) to the OpenID provider's sign-in page (authorization code flow with PKCE), with a short-lived cookie ${OIDC_FLOW_COOKIE} holding the sign-in's state. When the provider cannot be reached, sends it to \`/#/signin?error=OIDC_UNAVAILABLE\`. In open mode, where nobody signs in, to \`/#/\`.`,
      response: z.undefined(),
      status: 302,
      errors: REDIRECT_ERRORS,
      handler: async ({ req, res }) => {
        const oidc = configured();
        if (auth.mode === 'open') {
          redirect(res, home);
          return undefined;
        }
        try {
          const { url, cookie } = await oidc.start(redirectUri(req));
          res.cookie(OIDC_FLOW_COOKIE, cookie, { ...flowCookie(req), maxAge: OIDC_FLOW_SECONDS * 1000 });
          redirect(res, url);
        } catch (err) {
          redirect(res, signInPage(failureCode(err, log)));
        }
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: OIDC_CALLBACK_PATH,
      tag: 'auth',
      access: 'public',
      summary: 'Where the identity provider sends the browser back to',
      description:
        'The redirect URI to register at the provider (PUBLIC_URL + this path). Checks the answer against the sign-in this browser started, exchanges the code, maps the role claim to a role, creates or refreshes the user and starts a session (cookie kg_session); then sends the browser (302) to `/#/`. ' +
        'Any failure sends it to `/#/signin?error=CODE`: OIDC_DENIED (cancelled or refused at the provider), OIDC_STATE (not a sign-in this browser started, or older than 10 minutes), OIDC_NO_ROLE (no group maps to a role), OIDC_UNAVAILABLE, OIDC_FAILED, OIDC_BAD_NAME, OIDC_NAME_TAKEN (a local account has the name), OIDC_DISABLED.',
      query: CallbackQuery,
      response: z.undefined(),
      status: 302,
      errors: REDIRECT_ERRORS,
      handler: async ({ req, res }) => {
        const oidc = configured();
        const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
        const sealed = readCookie(req.headers.cookie, OIDC_FLOW_COOKIE);
        // One use only: whatever happens next, the sign-in's state is spent.
        res.clearCookie(OIDC_FLOW_COOKIE, flowCookie(req));
        if (auth.mode === 'open') {
          redirect(res, home);
          return undefined;
        }
        let name: string | undefined;
        try {
          const claims = await oidc.finish(query, sealed);
          const identity = identityFrom(claims, settings!);
          name = identity.name;
          const user = await auth.users.upsertOidcUser(identity);
          if (user.disabled) throw new OidcSignInError('OIDC_DISABLED', `${user.name} is disabled here; an admin can enable them.`);
          await auth.sessions.issue(req, res, user);
          await auth.audit.record({ actor: user.name, role: identity.role, action: 'signin', target: user.name, detail: 'oidc' });
          redirect(res, home);
        } catch (err) {
          const code = failureCode(err, log);
          name ??= err instanceof OidcSignInError ? err.user : undefined;
          // Refusals of a known person go to the audit trail; a bad or replayed answer names nobody.
          if (name) await auth.audit.record({ actor: name, role: '', action: 'signin.failed', target: name, detail: `oidc: ${code}` });
          redirect(res, signInPage(code));
        }
        return undefined;
      },
    }),
  ];
}
