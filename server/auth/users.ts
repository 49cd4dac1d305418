import type { Database } from '../neo4j/database';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors';
import { toPlain } from '../neo4j/values';
import type { Passwords } from './passwords';
import { ROLES, type Role, type UserSummary } from '../../contract/auth';

/** A user as the sign-in check needs them. */
export interface SignInUser {
  name: string;
  displayName: string;
  role: Role;
  via: 'local' | 'oidc';
  epoch: number;
}

/** What checking a name and password found. Only `ok` signs in; the others all answer without a session. */
export type PasswordCheck =
  | { outcome: 'ok'; user: SignInUser }
  /** No such local user, a wrong password, or a disabled account (one answer for all three). */
  | { outcome: 'failed'; reason: 'unknown' | 'wrong-password' | 'disabled' }
  /** Locked after repeated wrong passwords (`justLocked`: this attempt locked it). */
  | { outcome: 'locked'; retryAfterSeconds: number; justLocked: boolean };

/** How many wrong passwords lock an account, and for how long. */
export interface LockoutPolicy {
  after: number;
  minutes: number;
}

/** A change an admin or `npm run user` makes to an account. */
export interface UserChange {
  role?: Role | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
  displayName?: string | undefined;
}

/** The refusal to take the last admin's rights away (nobody could manage users after it). */
export class LastAdminError extends AppError {
  constructor(name: string) {
    super('LAST_ADMIN', 409, `${name} is the only enabled admin; make another user admin first, or nobody could manage users.`, { name });
  }
}

const SUMMARY = `u {
  .name, .displayName, .role, .via,
  disabled: coalesce(u.disabled, false),
  locked: coalesce(u.lockedUntil > datetime(), false),
  createdAt: toString(u.createdAt),
  lastSignInAt: toString(u.lastSignInAt)
}`;

function toSummary(value: unknown): UserSummary {
  const u = toPlain(value) as UserSummary;
  return { ...u, displayName: u.displayName || u.name, lastSignInAt: u.lastSignInAt ?? null };
}

/** Whether a change takes rights away or replaces the credentials, so sessions issued before must stop working. */
export function changeBumpsEpoch(before: { role: Role; disabled: boolean }, change: UserChange): boolean {
  return (change.role !== undefined && change.role !== before.role) || (change.disabled === true && !before.disabled) || change.password !== undefined;
}

/** What a change did, in words, for the audit trail: "role viewer → analyst; new password". */
export function describeUserChange(before: UserSummary, after: UserSummary, change: UserChange): string {
  const parts: string[] = [];
  if (before.role !== after.role) parts.push(`role ${before.role} → ${after.role}`);
  if (!before.disabled && after.disabled) parts.push('disabled');
  if (before.disabled && !after.disabled) parts.push('enabled');
  if (change.disabled === false && before.locked) parts.push('unlocked');
  if (change.password !== undefined) parts.push('new password');
  if (before.displayName !== after.displayName) parts.push(`display name "${after.displayName}"`);
  return parts.join('; ') || 'no change';
}

/**
 * The accounts, as `(:User)` nodes in Neo4j: local ones with a peppered scrypt hash, and the ones single sign-on
 * created. `epoch` counts changes that must end existing sessions (password, role, disabling).
 */
export class UserStore {
  /** `passwords` is needed for local accounts (adding, changing and checking passwords); SSO needs none. */
  constructor(
    private readonly db: Database,
    private readonly passwords?: Passwords,
  ) {}

  private hasher(): Passwords {
    if (!this.passwords) throw new Error('UserStore was built without Passwords; local accounts need them');
    return this.passwords;
  }

  /** Creates the uniqueness constraint and indexes users and sessions are looked up by (idempotent). */
  async init(): Promise<void> {
    for (const statement of [
      'CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.name IS UNIQUE',
      'CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE',
      'CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.user)',
      'CREATE INDEX session_expires IF NOT EXISTS FOR (s:Session) ON (s.expiresAt)',
    ]) {
      await this.db.write(statement, {}, { timeoutMs: 60_000 });
    }
    await this.db.write('CALL db.awaitIndexes(60)', {}, { timeoutMs: 70_000 });
  }

  /** Whether anyone can sign in with a local account (the signin mode refuses to start without one or SSO). */
  async hasEnabledUser(): Promise<boolean> {
    const r = await this.db.read<{ n: unknown }>("MATCH (u:User) WHERE u.via = 'local' AND NOT coalesce(u.disabled, false) RETURN count(u) AS n");
    return Number(toPlain(r.records[0]?.get('n'))) > 0;
  }

  /** Every account, by name. */
  async list(): Promise<UserSummary[]> {
    const r = await this.db.read(`MATCH (u:User) RETURN ${SUMMARY} AS user ORDER BY u.name`);
    return r.records.map((rec) => toSummary(rec.get('user')));
  }

  /** One account, or null. */
  async get(name: string): Promise<UserSummary | null> {
    const r = await this.db.read(`MATCH (u:User {name: $name}) RETURN ${SUMMARY} AS user`, { name });
    const rec = r.records[0];
    return rec ? toSummary(rec.get('user')) : null;
  }

  /** Adds a local account; 409 when the name is taken. */
  async add(input: { name: string; displayName?: string | undefined; role: Role; password: string }): Promise<UserSummary> {
    const passwordHash = await this.hasher().hash(input.password);
    const r = await this.db.write(
      `MERGE (u:User {name: $name})
       ON CREATE SET u.displayName = $displayName, u.role = $role, u.via = 'local', u.passwordHash = $passwordHash,
                     u.disabled = false, u.epoch = 0, u.failedSignIns = 0, u.createdAt = datetime(), u.isNew = true
       WITH u, coalesce(u.isNew, false) AS created
       REMOVE u.isNew
       RETURN created, ${SUMMARY} AS user`,
      { name: input.name, displayName: input.displayName ?? input.name, role: input.role, passwordHash },
    );
    const rec = r.records[0]!;
    if (!rec.get('created')) throw new ConflictError(`A user named "${input.name}" already exists; choose another name, or change that user instead.`, { name: input.name });
    return toSummary(rec.get('user'));
  }

  /**
   * Changes an account. A new password, a new role or disabling increments `epoch` (sessions issued before stop
   * working at once, and are deleted); enabling also unlocks. Refuses to demote or disable the last enabled admin.
   */
  async update(name: string, change: UserChange): Promise<{ before: UserSummary; after: UserSummary }> {
    const current = await this.get(name);
    if (!current) throw new NotFoundError(`There is no user named "${name}".`, { name });
    if (change.password !== undefined && current.via !== 'local') {
      throw new ValidationError(`${name} signs in through single sign-on and has no password here; change it at the identity provider.`, [{ parameter: 'password', message: 'not a local account' }]);
    }
    const passwordHash = change.password === undefined ? null : await this.hasher().hash(change.password);
    const r = await this.db.write(
      `MATCH (u:User {name: $name})
       OPTIONAL MATCH (other:User {role: 'admin'}) WHERE other.name <> u.name AND NOT coalesce(other.disabled, false)
       WITH u, count(other) AS otherAdmins, ${SUMMARY} AS before
       WITH u, before,
            (u.role = 'admin' AND NOT coalesce(u.disabled, false) AND otherAdmins = 0 AND (coalesce($role, 'admin') <> 'admin' OR coalesce($disabled, false))) AS lastAdmin,
            (coalesce($role, u.role) <> u.role OR (coalesce($disabled, false) AND NOT coalesce(u.disabled, false)) OR $passwordHash IS NOT NULL) AS bump
       FOREACH (_ IN CASE WHEN lastAdmin THEN [] ELSE [1] END |
         SET u.role = coalesce($role, u.role),
             u.disabled = coalesce($disabled, u.disabled),
             u.displayName = coalesce($displayName, u.displayName),
             u.passwordHash = coalesce($passwordHash, u.passwordHash),
             u.epoch = coalesce(u.epoch, 0) + CASE WHEN bump THEN 1 ELSE 0 END,
             u.failedSignIns = CASE WHEN $disabled = false THEN 0 ELSE u.failedSignIns END,
             u.lockedUntil = CASE WHEN $disabled = false THEN null ELSE u.lockedUntil END)
       WITH u, before, lastAdmin
       OPTIONAL MATCH (s:Session {user: u.name}) WHERE s.epoch <> u.epoch
       WITH u, before, lastAdmin, collect(s) AS stale
       FOREACH (s IN stale | DETACH DELETE s)
       RETURN before, ${SUMMARY} AS after, lastAdmin`,
      { name, role: change.role ?? null, disabled: change.disabled ?? null, displayName: change.displayName ?? null, passwordHash },
    );
    const rec = r.records[0];
    if (!rec) throw new NotFoundError(`There is no user named "${name}".`, { name });
    if (rec.get('lastAdmin')) throw new LastAdminError(name);
    return { before: toSummary(rec.get('before')), after: toSummary(rec.get('after')) };
  }

  /**
   * Checks a local user's password and keeps the lock-out count: a locked account is refused even with the right
   * password; `policy.after` wrong passwords in a row lock it for `policy.minutes`; success resets the count.
   * A name with no local password costs the same hashing time as a real check.
   */
  async checkPassword(name: string, password: string, policy: LockoutPolicy): Promise<PasswordCheck> {
    const r = await this.db.read(
      `MATCH (u:User {name: $name})
       RETURN u { .name, .displayName, .role, .via, .passwordHash, .epoch,
                  disabled: coalesce(u.disabled, false),
                  lockedFor: CASE WHEN u.lockedUntil > datetime() THEN duration.inSeconds(datetime(), u.lockedUntil).seconds + 1 ELSE 0 END } AS user`,
      { name },
    );
    const rec = r.records[0];
    const u = rec ? (toPlain(rec.get('user')) as { name: string; displayName: string | null; role: Role; via: 'local' | 'oidc'; passwordHash: string | null; epoch: number; disabled: boolean; lockedFor: number }) : undefined;
    if (!u || u.via !== 'local' || !u.passwordHash || !ROLES.includes(u.role)) {
      await this.hasher().verifyNobody(password);
      return { outcome: 'failed', reason: 'unknown' };
    }
    if (u.lockedFor > 0) return { outcome: 'locked', retryAfterSeconds: u.lockedFor, justLocked: false };
    if (await this.hasher().verify(password, u.passwordHash)) {
      if (u.disabled) return { outcome: 'failed', reason: 'disabled' };
      const rehash = this.hasher().outdated(u.passwordHash) ? await this.hasher().hash(password) : null;
      await this.db.write(
        `MATCH (u:User {name: $name})
         SET u.failedSignIns = 0, u.lockedUntil = null, u.lastSignInAt = datetime(), u.passwordHash = coalesce($rehash, u.passwordHash)`,
        { name, rehash },
      );
      return { outcome: 'ok', user: { name: u.name, displayName: u.displayName || u.name, role: u.role, via: 'local', epoch: u.epoch ?? 0 } };
    }
    // Counted and locked in one write, so parallel guesses cannot slip past the limit.
    const w = await this.db.write(
      `MATCH (u:User {name: $name})
       SET u.failedSignIns = coalesce(u.failedSignIns, 0) + 1
       WITH u, u.failedSignIns >= $after AS lock
       SET u.lockedUntil = CASE WHEN lock THEN datetime() + duration({seconds: $seconds}) ELSE u.lockedUntil END,
           u.failedSignIns = CASE WHEN lock THEN 0 ELSE u.failedSignIns END
       RETURN lock`,
      { name, after: policy.after, seconds: Math.round(policy.minutes * 60) },
    );
    if (w.records[0]?.get('lock')) return { outcome: 'locked', retryAfterSeconds: Math.round(policy.minutes * 60), justLocked: true };
    return { outcome: 'failed', reason: u.disabled ? 'disabled' : 'wrong-password' };
  }

  /**
   * Creates or refreshes a user who signed in through the identity provider: the role is the one the provider's
   * claims map to now, and a changed role increments `epoch`. A local account of the same name is never taken
   * over (409 OIDC_NAME_TAKEN).
   */
  async upsertOidcUser(u: { name: string; displayName: string; role: Role }): Promise<{ name: string; epoch: number; disabled: boolean }> {
    const r = await this.db.write(
      `MERGE (u:User {name: $name})
       ON CREATE SET u.via = 'oidc', u.role = $role, u.displayName = $displayName, u.epoch = 0, u.disabled = false,
                     u.failedSignIns = 0, u.createdAt = datetime()
       WITH u WHERE u.via = 'oidc'
       WITH u, coalesce(u.role <> $role, true) AS changed
       SET u.epoch = coalesce(u.epoch, 0) + CASE WHEN changed THEN 1 ELSE 0 END,
           u.role = $role, u.displayName = $displayName, u.lastSignInAt = datetime()
       RETURN u.name AS name, u.epoch AS epoch, coalesce(u.disabled, false) AS disabled`,
      { name: u.name, displayName: u.displayName || u.name, role: u.role },
    );
    const rec = r.records[0];
    if (!rec) throw new AppError('OIDC_NAME_TAKEN', 409, `A local account named "${u.name}" already exists, so single sign-on cannot use that name. Ask an admin to rename or remove the local account.`, { name: u.name });
    return { name: rec.get('name'), epoch: Number(toPlain(rec.get('epoch'))), disabled: rec.get('disabled') };
  }
}
