/**
 * The roles in order, for deciding on the client what to show whom. Typed as the contract's own tuple, so the
 * compiler refuses a list that differs from contract/auth.ts in any name or in the order; kept here rather than
 * imported so the main bundle does not load zod for four words.
 */
import type { ROLES, Role } from '../../../contract/auth';

export const ROLE_ORDER: typeof ROLES = ['viewer', 'analyst', 'curator', 'admin'];

/** Whether `actual` may do what needs `required` (the contract's `hasRole`). */
export function roleAtLeast(actual: Role, required: Role): boolean {
  return ROLE_ORDER.indexOf(actual) >= ROLE_ORDER.indexOf(required);
}

export type { Role };
