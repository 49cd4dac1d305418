import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Passwords, parseHash, SCRYPT } from '../../../server/auth/passwords';
import { AuthSecret, AuthSecretError, loadOrCreateSecret } from '../../../server/auth/secret';

const dir = mkdtempSync(join(tmpdir(), 'auth-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pepper = Buffer.alloc(32, 7);
const passwords = new Passwords(() => pepper);

describe('password hashes', () => {
  it('are scrypt with N=2^15, r=8, p=1, a 16-byte salt and a 64-byte key, in the documented format', async () => {
    const stored = await passwords.hash('korrekt häst batteri');
    expect(stored).toMatch(/^scrypt\$1\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    const parsed = parseHash(stored)!;
    expect(parsed.salt).toHaveLength(SCRYPT.saltBytes);
    expect(parsed.key).toHaveLength(SCRYPT.keyBytes);
  });

  it('accept the right password and refuse a wrong one', async () => {
    const stored = await passwords.hash('korrekt häst batteri');
    expect(await passwords.verify('korrekt häst batteri', stored)).toBe(true);
    expect(await passwords.verify('korrekt häst batter', stored)).toBe(false);
    expect(await passwords.verify('', stored)).toBe(false);
  });

  it('differ for the same password (a fresh salt each time)', async () => {
    expect(await passwords.hash('samma lösenord')).not.toBe(await passwords.hash('samma lösenord'));
  });

  it('are useless without the pepper: another pepper does not verify them', async () => {
    const stored = await passwords.hash('korrekt häst batteri');
    const otherPepper = new Passwords(() => Buffer.alloc(32, 8));
    expect(await otherPepper.verify('korrekt häst batteri', stored)).toBe(false);
  });

  it('treat the composed and decomposed spellings of å as the same password', async () => {
    const stored = await passwords.hash('blåbärssylt!');
    expect(await passwords.verify('bla\u030abärssylt!', stored)).toBe(true);
  });

  it('refuse, without throwing, a stored text that is not a hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$32768$8$1$$', 'scrypt$2$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(88), 'scrypt$1$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(88)]) {
      expect(await passwords.verify('x', bad)).toBe(false);
    }
  });

  it('spend about as long on a name that does not exist as on a real check', async () => {
    const stored = await passwords.hash('korrekt häst batteri');
    await passwords.verifyNobody('warm');
    const time = async (f: () => Promise<unknown>) => {
      const started = performance.now();
      for (let i = 0; i < 3; i++) await f();
      return performance.now() - started;
    };
    const real = await time(() => passwords.verify('fel lösenord', stored));
    const nobody = await time(() => passwords.verifyNobody('fel lösenord'));
    // Both are one scrypt of the same cost; the bounds leave room for a busy machine.
    expect(nobody).toBeGreaterThan(real * 0.4);
    expect(nobody).toBeLessThan(real * 2.5);
  });

  it('flag hashes made with weaker parameters for re-hashing', async () => {
    const weak = new Passwords(() => pepper, { N: 1024, r: 8, p: 1 });
    expect(passwords.outdated(await weak.hash('korrekt häst batteri'))).toBe(true);
    expect(passwords.outdated(await passwords.hash('korrekt häst batteri'))).toBe(false);
    expect(await passwords.verify('korrekt häst batteri', await weak.hash('korrekt häst batteri'))).toBe(true);
  });
});

describe('the secret file', () => {
  it('is created on first use, readable by its owner only, and read back the same', () => {
    const file = join(dir, 'nested', 'auth-secret');
    const secret = new AuthSecret(file);
    const first = secret.value();
    expect(first.length).toBeGreaterThanOrEqual(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecret(file).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('is not touched until a key is needed', () => {
    const file = join(dir, 'lazy-secret');
    new AuthSecret(file);
    expect(() => statSync(file)).toThrow();
  });

  it('derives different keys for different purposes', () => {
    const secret = new AuthSecret(join(dir, 'purposes'));
    expect(secret.key('password-pepper').equals(secret.key('oidc-state'))).toBe(false);
    expect(secret.key('oidc-state').equals(secret.key('oidc-state'))).toBe(true);
  });

  it.runIf(process.platform !== 'win32')('is refused when others may read it, with the chmod that fixes it', () => {
    const file = join(dir, 'open-secret');
    writeFileSync(file, Buffer.alloc(32, 1).toString('base64'));
    chmodSync(file, 0o644);
    expect(() => loadOrCreateSecret(file)).toThrow(AuthSecretError);
    expect(() => loadOrCreateSecret(file)).toThrow(`chmod 600 ${file}`);
  });

  it('is refused when it holds too little to be a secret, rather than replaced', () => {
    const file = join(dir, 'short-secret');
    writeFileSync(file, 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => loadOrCreateSecret(file)).toThrow(/at least 32 bytes/);
    expect(readFileSync(file, 'utf8')).toBe('c2hvcnQ=\n');
  });
});
