import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters (docs/auth-design.md): 2^15 × 8 × 1 takes ~32 MiB and ~50–100 ms per hash. */
export const SCRYPT = Object.freeze({ N: 32_768, r: 8, p: 1, saltBytes: 16, keyBytes: 64 });

/** Version of the pepper scheme in the stored string: 1 = HMAC-SHA256 of the password under the pepper. */
const PEPPER_VERSION = '1';

function scryptAsync(password: Buffer, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told. */
function memoryFor(N: number, r: number): number {
  return 128 * N * r * 2;
}

/** A stored hash split into its parts, or undefined when the text is not one. */
export function parseHash(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 7 || parts[0] !== 'scrypt' || parts[1] !== PEPPER_VERSION) return undefined;
  const [N, r, p] = [Number(parts[2]), Number(parts[3]), Number(parts[4])];
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || (N & (N - 1)) !== 0 || N > 2 ** 20 || r > 32 || p > 16) return undefined;
  const salt = Buffer.from(parts[5]!, 'base64');
  const key = Buffer.from(parts[6]!, 'base64');
  if (salt.length < 16 || key.length < 32) return undefined;
  return { N, r, p, salt, key };
}

/**
 * Hashes and checks passwords: scrypt (Node's built-in, OpenSSL's) over HMAC-SHA256(pepper, password), so a
 * hash copied out of Neo4j is useless without the pepper file. Stored as `scrypt$1$N$r$p$<salt>$<key>`.
 */
export class Passwords {
  private dummy: Promise<string> | undefined;

  /** `pepper` is called on first use (reading the secret file only when a password is hashed). */
  constructor(
    private readonly pepper: () => Buffer,
    private readonly cost: { N: number; r: number; p: number } = SCRYPT,
  ) {}

  private peppered(password: string): Buffer {
    return createHmac('sha256', this.pepper()).update(password.normalize('NFC'), 'utf8').digest();
  }

  /** The string to store for `password`. */
  async hash(password: string): Promise<string> {
    const { N, r, p } = this.cost;
    const salt = randomBytes(SCRYPT.saltBytes);
    const key = await scryptAsync(this.peppered(password), salt, SCRYPT.keyBytes, { N, r, p, maxmem: memoryFor(N, r) });
    return ['scrypt', PEPPER_VERSION, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** Whether `password` matches `stored`; false for a stored text that is not a hash (never throws on it). */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseHash(stored);
    if (!parsed) return false;
    const { N, r, p, salt, key } = parsed;
    const candidate = await scryptAsync(this.peppered(password), salt, key.length, { N, r, p, maxmem: memoryFor(N, r) });
    return timingSafeEqual(candidate, key);
  }

  /** Spends the time a real check takes, for a name that has no password, so timing does not tell which names exist. */
  async verifyNobody(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(24).toString('base64'));
    await this.verify(password, await this.dummy);
    return false;
  }

  /** Whether a stored hash was made with weaker parameters than the current ones (to re-hash at the next sign-in). */
  outdated(stored: string): boolean {
    const parsed = parseHash(stored);
    return !parsed || parsed.N < this.cost.N || parsed.r < this.cost.r || parsed.p < this.cost.p;
  }
}
