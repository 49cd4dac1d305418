/**
 * The checks the users page makes before it asks the server (the server checks again, with contract/auth.ts):
 * the same rules as `AddUserBody` and `UpdateUserBody`, said per field so the form can point at what to fix.
 * Kept free of zod (the contract's values are mirrored, typed against it) so the page's chunk stays small.
 */
import type { MIN_PASSWORD_LENGTH, RESERVED_NAMES, Role, UserSummary } from '../../../contract/auth';

/** The shortest password the API accepts (`MIN_PASSWORD_LENGTH`; the type refuses another number). */
export const MIN_PASSWORD: typeof MIN_PASSWORD_LENGTH = 10;
/** The contract's `UserName` pattern. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
/** Names the audit trail uses for itself (`RESERVED_NAMES`). */
export const RESERVED: typeof RESERVED_NAMES = ['local', 'cli'];

/** A field of the forms, and what is wrong with it (a key under `auth:users.problem`). */
export interface Problem {
  field: 'name' | 'displayName' | 'password' | 'repeat';
  key: 'nameMissing' | 'nameForm' | 'nameReserved' | 'displayNameLong' | 'passwordShort' | 'passwordLong' | 'repeatDiffers';
}

/** What is wrong with a new password typed twice (none: an empty list). */
export function checkPassword(password: string, repeat: string): Problem[] {
  const problems: Problem[] = [];
  if (password.length < MIN_PASSWORD) problems.push({ field: 'password', key: 'passwordShort' });
  else if (password.length > 1024) problems.push({ field: 'password', key: 'passwordLong' });
  if (problems.length === 0 && password !== repeat) problems.push({ field: 'repeat', key: 'repeatDiffers' });
  return problems;
}

export interface NewUser {
  name: string;
  displayName: string;
  role: Role;
  password: string;
  repeat: string;
}

/** What is wrong with the "add a user" form, in the order of its fields. */
export function checkNewUser(u: NewUser): Problem[] {
  const problems: Problem[] = [];
  const name = u.name.trim();
  if (!name) problems.push({ field: 'name', key: 'nameMissing' });
  else if (!USER_NAME_PATTERN.test(name)) problems.push({ field: 'name', key: 'nameForm' });
  else if (RESERVED.includes(name.toLowerCase())) problems.push({ field: 'name', key: 'nameReserved' });
  if (u.displayName.trim().length > 200) problems.push({ field: 'displayName', key: 'displayNameLong' });
  return [...problems, ...checkPassword(u.password, u.repeat)];
}

/** The body of POST /api/admin/users for a checked form: trimmed, and no display name when none was typed. */
export function addUserBody(u: NewUser): { name: string; displayName?: string; role: Role; password: string } {
  const displayName = u.displayName.trim();
  return { name: u.name.trim(), ...(displayName ? { displayName } : {}), role: u.role, password: u.password };
}

/** How a user stands: disabled by an admin, locked after wrong passwords, or active. */
export function userStatus(u: Pick<UserSummary, 'disabled' | 'locked'>): 'disabled' | 'locked' | 'active' {
  return u.disabled ? 'disabled' : u.locked ? 'locked' : 'active';
}

/** The users by name, as the table lists them. */
export function sortUsers<T extends { name: string }>(users: readonly T[]): T[] {
  return [...users].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
