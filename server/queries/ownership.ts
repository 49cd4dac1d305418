import { ForbiddenError } from '../errors';
import { hasRole, type Principal } from '../../contract/auth';
import { OPEN_PRINCIPAL } from '../auth/principal';
import type { QuerySummary } from '../../contract/queries';
import type { StoredQuery } from './store';

/**
 * Who sees and who changes a saved query (docs/auth-design.md, "Saved queries have owners"). Library queries
 * are everyone's and no one's to change; a saved query is its owner's, seen by others only when shared; one
 * saved before queries had owners is shared and in the admins' care.
 */

/**
 * The owner that counts: a query saved in open mode (owner `local`, a name no account may take) is treated as
 * saved before owners existed, so that it stays visible and in the admins' care once sign-in is switched on.
 */
function ownerOf(query: StoredQuery): string | null {
  return query.owner === OPEN_PRINCIPAL.name ? null : query.owner;
}

/** Whether `asker` may see, get and run the query: shared, without an owner, or their own. */
export function canSee(query: StoredQuery, asker: Principal): boolean {
  return query.source === 'library' || ownerOf(query) === null || query.visibility === 'shared' || query.owner === asker.name;
}

/** Whether `asker` owns the query as far as changing it goes: its owner, or an admin for a query without one. */
export function ownsForEditing(query: StoredQuery, asker: Principal): boolean {
  if (query.source === 'library') return false;
  return ownerOf(query) === null ? asker.role === 'admin' : query.owner === asker.name;
}

/** The query as `asker` sees it: `canEdit` also needs the analyst role that PUT and DELETE require. */
export function summaryFor(query: StoredQuery, asker: Principal): QuerySummary {
  return { ...query, canEdit: hasRole(asker.role, 'analyst') && ownsForEditing(query, asker) };
}

/** 403 NOT_OWNER unless `asker` may change or delete the (visible) saved query. */
export function requireOwner(query: StoredQuery, asker: Principal, verb: 'changed' | 'deleted'): void {
  if (ownsForEditing(query, asker)) return;
  if (ownerOf(query) === null) {
    throw new ForbiddenError(
      'NOT_OWNER',
      `"${query.name}" was saved before queries had owners; only an admin can change or delete it. To make your own version, save a copy under another name.`,
      { owner: null },
    );
  }
  throw new ForbiddenError(
    'NOT_OWNER',
    `"${query.name}" belongs to ${query.owner}; only its owner can change or delete it, so it was not ${verb}. To make your own version, save a copy under another name.`,
    { owner: query.owner },
  );
}
