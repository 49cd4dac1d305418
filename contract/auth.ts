import { z } from 'zod';
import { queryInt, text } from './wire';

/**
 * The contract of signing in, roles, users and the audit trail (issue 14; docs/auth-design.md). Shared by the
 * server (validation, OpenAPI) and the client (types, what to show whom).
 */

/** The four roles, each allowed what the one before it is, and more. */
export const ROLES = ['viewer', 'analyst', 'curator', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Whether a principal with `actual` may do what needs `required`. */
export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

/** Who may call an operation: anyone (`public`, no sign-in needed), or a signed-in user with at least that role. */
export type Access = 'public' | Role;

/**
 * How the app decides who is asking. `open`: bound to loopback with no sign-in; the one person at the keyboard
 * acts as admin. `signin`: every protected request needs a session.
 */
export const AuthMode = z.enum(['open', 'signin']);
export type AuthMode = z.infer<typeof AuthMode>;

/** Actor names of the open mode and the command line: no account may take them. */
export const RESERVED_NAMES: readonly string[] = ['local', 'cli'];

/** A user name: what a person types to sign in, and what the audit trail and saved queries record. */
export const UserName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'a user name: 1–64 letters a–z, digits, ".", "_", "@" or "-", starting with a letter or digit')
  .refine((name) => !RESERVED_NAMES.includes(name.toLowerCase()), 'a name the audit trail uses for itself ("local", "cli"); choose another');

/** The person behind a request. `via`: how they signed in (`open` = the loopback mode's implicit admin). */
export const Principal = z.object({
  name: z.string(),
  displayName: z.string(),
  role: Role,
  via: z.enum(['local', 'oidc', 'open']),
});
export type Principal = z.infer<typeof Principal>;

/** GET /api/auth/me: the mode, who is signed in (null if nobody), the CSRF token to send back, and the SSO button. */
export const MeResponse = z.object({
  mode: AuthMode,
  user: Principal.nullable(),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE while signed in'),
  oidc: z.object({ label: z.string().describe('What the sign-in button calls the identity provider') }).nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** The header a signed-in client repeats its CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** The session cookie's name. */
export const SESSION_COOKIE = 'kg_session';

/** The shortest password `npm run user` and the API accept. */
export const MIN_PASSWORD_LENGTH = 10;

/** POST /api/auth/signin */
export const SignInBody = z.strictObject({
  name: UserName,
  password: z.string().min(1, 'type the password').max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

/** A user as admins see them; never the password hash. */
export const UserSummary = z.object({
  name: z.string(),
  displayName: z.string(),
  role: Role,
  via: z.enum(['local', 'oidc']),
  disabled: z.boolean(),
  locked: z.boolean().describe('Locked out after repeated wrong passwords, until lockedUntil'),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;
export const UserList = z.object({ users: z.array(UserSummary) });

/** POST /api/admin/users: an admin adds a local account. */
export const AddUserBody = z.strictObject({
  name: UserName,
  displayName: text(200, { nonBlank: true, trim: true }).optional(),
  role: Role,
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});
export type AddUserBody = z.infer<typeof AddUserBody>;

/** PATCH /api/admin/users/:name: change the role, disable or enable, set a new password. */
export const UpdateUserBody = z.strictObject({
  role: Role.optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024).optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;
export const UserNameParams = z.object({ name: UserName });

/** What the audit trail records. */
export const AUDIT_ACTIONS = [
  'signin',
  'signin.failed',
  'signin.locked',
  'signout',
  'user.add',
  'user.update',
  'query.create',
  'query.update',
  'query.delete',
  'ingest.draft',
  'ingest.discard',
  'ingest.accept',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** One audit event: who, when, what, on what. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string().describe('ISO date-time'),
  actor: z.string().describe('The user name; "local" in open mode, "cli" for npm run user'),
  role: z.string().describe('The actor’s role at the time, or "" when not signed in (a failed sign-in)'),
  action: AuditAction,
  target: z.string().describe('What it was done to: a user, a saved query, a draft or an article id'),
  detail: z.string().describe('A short human-readable note, e.g. the accepted article’s title'),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /api/audit: newest first, paged by `before` (the `at` of the last entry seen). */
export const AuditQuery = z.object({
  limit: queryInt(1, 500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
  action: AuditAction.optional(),
  actor: z.string().max(64).optional(),
});
export const AuditList = z.object({ entries: z.array(AuditEntry), next: z.string().nullable().describe('Pass as `before` for the next page') });
export type AuditList = z.infer<typeof AuditList>;

/** Why a sign-in through the identity provider did not succeed; the browser lands on `#/signin?error=CODE`. */
export const OIDC_ERROR_CODES = [
  /** The user cancelled at the provider, or the provider refused them. */
  'OIDC_DENIED',
  /** The answer does not belong to a sign-in this browser started (forged, replayed, or older than 10 minutes). */
  'OIDC_STATE',
  /** None of the user's groups maps to a role, and OIDC_DEFAULT_ROLE is `none`. */
  'OIDC_NO_ROLE',
  /** The provider cannot be reached (discovery, token or userinfo request failed to connect or timed out). */
  'OIDC_UNAVAILABLE',
  /** The provider's answer did not check out (token exchange refused, signature, nonce, issuer …). */
  'OIDC_FAILED',
  /** Neither preferred_username, email nor sub is usable as a user name here. */
  'OIDC_BAD_NAME',
  /** A local account has the same name; single sign-on never takes one over. */
  'OIDC_NAME_TAKEN',
  /** An admin disabled this single sign-on user here. */
  'OIDC_DISABLED',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];
