import type { Request } from 'express';
import { UnauthenticatedError, ForbiddenError } from '../errors';
import { hasRole, type Access, type Principal } from '../../contract/auth';

/**
 * Who is asking: set once per request by the authentication middleware (server/auth/middleware.ts), read by
 * the route layer to authorise and by services to record owners and audit events.
 */
const PRINCIPAL = Symbol('principal');

type WithPrincipal = Request & { [PRINCIPAL]?: Principal | null };

/** The principal of the open mode: the one person at a loopback install, allowed everything. */
export const OPEN_PRINCIPAL: Principal = Object.freeze({ name: 'local', displayName: 'Lokal användare', role: 'admin', via: 'open' });

/** Attaches the request's principal (null: nobody signed in). */
export function setPrincipal(req: Request, principal: Principal | null): void {
  (req as WithPrincipal)[PRINCIPAL] = principal;
}

/** The request's principal, or null when nobody is signed in. */
export function principalOf(req: Request): Principal | null {
  return (req as WithPrincipal)[PRINCIPAL] ?? null;
}

/** The principal of a request that passed `authorize` for a role: never null there. */
export function requirePrincipal(req: Request): Principal {
  const p = principalOf(req);
  if (!p) throw new UnauthenticatedError();
  return p;
}

const ROLE_NAMES: Record<Exclude<Access, 'public'>, string> = { viewer: 'viewer', analyst: 'analyst', curator: 'curator', admin: 'admin' };

/** 401 when the operation needs a user and nobody is signed in; 403 when the user's role is below it. */
export function authorize(req: Request, access: Access): void {
  if (access === 'public') return;
  const p = principalOf(req);
  if (!p) throw new UnauthenticatedError();
  if (!hasRole(p.role, access)) {
    throw new ForbiddenError('FORBIDDEN', `This needs the ${ROLE_NAMES[access]} role or higher; you are signed in as ${p.name} with the ${p.role} role.`, { required: access, role: p.role });
  }
}
