import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../context';
import { ForbiddenError } from '../errors';
import { CSRF_HEADER } from '../../contract/auth';
import { OPEN_PRINCIPAL, setPrincipal } from './principal';
import { hostAllowed, hostName, originAllowed } from './host';
import { isLoopbackAddress } from './mode';
import { authOf } from './services';
import { sameToken, setSession } from './sessions';

/** The header the start-up warm-up sends its token in (server/main.ts). */
export const WARM_UP_HEADER = 'X-Warm-Up-Token';
const WARM_UP_PRINCIPAL = Object.freeze({ name: 'warm-up', displayName: 'Start-up warm-up', role: 'viewer' as const, via: 'local' as const });

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The operations a request without a CSRF token may call even with a session cookie: signing in again. */
const CSRF_EXEMPT = new Set(['/api/auth/signin']);

/** Whether the request changes something (and so needs a same-site Origin and, with a session, the CSRF token). */
export function isStateChanging(req: Request): boolean {
  return STATE_CHANGING.has(req.method);
}

/**
 * Who is asking, decided before any route runs (docs/auth-design.md): the Host check (DNS rebinding), the
 * Origin check on writes, then the principal — the open mode's local admin, or the user of a valid session —
 * and, for a session's writes, the CSRF token. Errors go to the app's error middleware.
 */
export function authentication(ctx: AppContext): RequestHandler {
  const { config } = ctx;
  const auth = authOf(ctx);
  const hostPolicy = { loopbackBound: isLoopbackAddress(config.host), allowedHosts: config.auth.allowedHosts };
  const trustedOrigins = [...config.corsOrigins, ...(config.auth.publicUrl ? [new URL(config.auth.publicUrl).origin] : [])];
  const port = config.port;

  return (req: Request, res: Response, next: NextFunction) => {
    (async () => {
      const host = req.host;
      if (!hostAllowed(host, hostPolicy)) {
        const name = host === undefined ? '' : (hostName(host) ?? host);
        throw new ForbiddenError(
          'HOST_REFUSED',
          `This server does not answer to the host name "${name}". Open it at http://localhost:${port}, or add the name to ALLOWED_HOSTS if it is yours.`,
          { host: name },
        );
      }
      const stateChanging = isStateChanging(req);
      if (stateChanging && !originAllowed(req.headers.origin, host, trustedOrigins)) {
        throw new ForbiddenError('ORIGIN_REFUSED', `A page from another site (${req.headers.origin}) may not change anything here. Use the app itself.`, { origin: req.headers.origin });
      }
      if (auth.mode === 'open') {
        setPrincipal(req, OPEN_PRINCIPAL);
        setSession(req, null);
        return;
      }
      const warmUp = req.get(WARM_UP_HEADER);
      if (warmUp && auth.warmUpToken && !stateChanging && sameToken(warmUp, auth.warmUpToken)) {
        setPrincipal(req, WARM_UP_PRINCIPAL);
        setSession(req, null);
        return;
      }
      // Static files and the UI need no principal: only the API looks the session up.
      const session = req.path.startsWith('/api/') ? await auth.sessions.lookup(req) : null;
      setSession(req, session);
      setPrincipal(req, session?.principal ?? null);
      if (session && stateChanging && !CSRF_EXEMPT.has(req.path)) {
        const sent = req.get(CSRF_HEADER);
        if (!sent || !sameToken(sent, session.csrfToken)) {
          throw new ForbiddenError(
            'CSRF_FAILED',
            `This request did not carry the ${CSRF_HEADER} header of your session. Reload the page; scripts send the csrfToken from GET /api/auth/me.`,
          );
        }
      }
    })().then(() => next(), next);
  };
}
