import { describe, expect, it } from 'vitest';
import { AddUserBody, MIN_PASSWORD_LENGTH, RESERVED_NAMES, UpdateUserBody, UserName } from '../../../contract/auth';
import { addUserBody, checkNewUser, checkPassword, MIN_PASSWORD, RESERVED, sortUsers, userStatus, type NewUser } from '../../../client/src/auth/userForms';
import { resources } from '../../../client/src/i18n';

const form = (over: Partial<NewUser> = {}): NewUser => ({ name: 'anna', displayName: 'Anna Berg', role: 'analyst', password: 'ett-långt-lösen', repeat: 'ett-långt-lösen', ...over });

describe('the users page checks forms as the API does', () => {
  it('uses the contract’s shortest password and reserved names', () => {
    expect(MIN_PASSWORD).toBe(MIN_PASSWORD_LENGTH);
    expect(RESERVED).toEqual(RESERVED_NAMES);
  });

  it('accepts exactly the user names the contract accepts', () => {
    for (const name of ['anna', 'a', 'anna.berg@myndigheten.se', 'A_1-b', 'ärlig', '.anna', 'anna berg', 'local', 'CLI', 'x'.repeat(64), 'x'.repeat(65)]) {
      const ok = checkNewUser(form({ name })).length === 0;
      expect(ok, name).toBe(UserName.safeParse(name).success);
    }
  });

  it('says which field is wrong: the name, a short password, two different passwords', () => {
    expect(checkNewUser(form({ name: '  ' }))).toEqual([{ field: 'name', key: 'nameMissing' }]);
    expect(checkNewUser(form({ name: 'local' }))).toEqual([{ field: 'name', key: 'nameReserved' }]);
    expect(checkNewUser(form({ name: 'åsa' }))).toEqual([{ field: 'name', key: 'nameForm' }]);
    expect(checkPassword('kort', 'kort')).toEqual([{ field: 'password', key: 'passwordShort' }]);
    expect(checkPassword('x'.repeat(MIN_PASSWORD), 'y'.repeat(MIN_PASSWORD))).toEqual([{ field: 'repeat', key: 'repeatDiffers' }]);
    expect(checkPassword('x'.repeat(MIN_PASSWORD), 'x'.repeat(MIN_PASSWORD))).toEqual([]);
    // A password the page lets through is one the API takes.
    expect(UpdateUserBody.safeParse({ password: 'x'.repeat(MIN_PASSWORD) }).success).toBe(true);
    expect(UpdateUserBody.safeParse({ password: 'x'.repeat(MIN_PASSWORD - 1) }).success).toBe(false);
  });

  it('sends a body the API accepts: trimmed, with no display name when none was typed', () => {
    const body = addUserBody(form({ name: ' anna ', displayName: '   ' }));
    expect(body).toEqual({ name: 'anna', role: 'analyst', password: 'ett-långt-lösen' });
    expect(AddUserBody.safeParse(body).success).toBe(true);
    expect(AddUserBody.safeParse(addUserBody(form())).success).toBe(true);
  });

  it('calls a disabled account disabled even when it is also locked, and lists users by name', () => {
    expect(userStatus({ disabled: true, locked: true })).toBe('disabled');
    expect(userStatus({ disabled: false, locked: true })).toBe('locked');
    expect(userStatus({ disabled: false, locked: false })).toBe('active');
    expect(sortUsers([{ name: 'cora' }, { name: 'ada' }, { name: 'bo' }]).map((u) => u.name)).toEqual(['ada', 'bo', 'cora']);
  });

  it('has a Swedish and an English sentence for every problem it can find', () => {
    const keys = ['nameMissing', 'nameForm', 'nameReserved', 'displayNameLong', 'passwordShort', 'passwordLong', 'repeatDiffers'];
    for (const lang of ['sv', 'en'] as const) {
      const problems = (resources[lang].auth as { users: { problem: Record<string, string> } }).users.problem;
      for (const k of keys) expect(problems[k], `${lang} ${k}`).toBeTruthy();
    }
  });
});
