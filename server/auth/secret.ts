import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bytes of randomness in a new secret file. */
const SECRET_BYTES = 32;

/** The secret file cannot be used; the message says what to do. */
export class AuthSecretError extends Error {
  readonly code = 'AUTH_SECRET_INVALID';
}

/**
 * The server's own secret, kept in AUTH_SECRET_FILE outside Neo4j: the pepper of password hashes (a hash read
 * out of the database cannot be attacked without it) and the key of signed cookies. Read (or created, 0600)
 * on first use, so that building routes has no side effect on the disk.
 */
export class AuthSecret {
  private secret: Buffer | undefined;

  constructor(readonly file: string) {}

  /** The raw secret; creates the file on first use. */
  value(): Buffer {
    this.secret ??= loadOrCreateSecret(this.file);
    return this.secret;
  }

  /** A key for one purpose (`'pepper'`, `'oidc-state'`, …): HMAC-SHA256 of the purpose under the secret. */
  key(purpose: string): Buffer {
    return createHmac('sha256', this.value()).update(`digiforv-explorer:${purpose}`).digest();
  }
}

/** Reads the secret file, or creates it with fresh random bytes readable by the owner only. */
export function loadOrCreateSecret(file: string): Buffer {
  try {
    writeSecret(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new AuthSecretError(`Cannot create the sign-in secret file ${file}: ${(err as Error).message}. Set AUTH_SECRET_FILE to a writable path.`);
    }
  }
  let stat;
  try {
    stat = statSync(file);
  } catch (err) {
    throw new AuthSecretError(`Cannot read the sign-in secret file ${file}: ${(err as Error).message}.`);
  }
  // Group or others reading it would undo what the pepper is for.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new AuthSecretError(`The sign-in secret file ${file} is readable by other users (mode ${(stat.mode & 0o777).toString(8)}). Run: chmod 600 ${file}`);
  }
  const text = readFileSync(file, 'utf8').trim();
  const secret = Buffer.from(text, 'base64');
  if (secret.length < SECRET_BYTES || !/^[A-Za-z0-9+/=]+$/.test(text)) {
    throw new AuthSecretError(`The sign-in secret file ${file} does not hold a secret of at least ${SECRET_BYTES} bytes in base64. Restore it from a backup; a new one makes every stored password unusable.`);
  }
  return secret;
}

/** Writes a new secret; fails with EEXIST when the file is there (never overwrites: that would lose every password). */
function writeSecret(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${randomBytes(SECRET_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
}
