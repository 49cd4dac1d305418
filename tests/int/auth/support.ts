import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startExplorer, type Explorer } from '../api/harness';
import { getTestDatabase } from '../../support/neo4j';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: IncomingHttpHeaders;
}

/**
 * One HTTP request with exactly the headers given (fetch would replace Host), JSON in and out. Keep-alive is off,
 * so a closed app has no idle connection left.
 */
export function send<T = any>(base: string, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
  const url = new URL(path, base);
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        agent: false,
        headers: {
          connection: 'close',
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // HTML pages and CSV stay text.
          }
          resolve({ status: res.statusCode ?? 0, body: body as T, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A browser's view of the API: keeps the session cookie the server sets (and drops it when cleared) and sends
 * the CSRF token on writes, as the client does.
 */
export class Browser {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const write = method !== 'GET' && method !== 'HEAD';
    const reply = await send<T>(this.base, method, path, {
      body,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(write && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
    for (const set of [reply.headers['set-cookie'] ?? []].flat()) {
      const pair = set.split(';')[0]!;
      if (!pair.startsWith('kg_session=')) continue;
      this.cookie = pair === 'kg_session=' ? undefined : pair;
      if (!this.cookie) this.csrfToken = undefined;
    }
    const token = (reply.body as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
    return reply;
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.call<T>('GET', path, undefined, headers);
  }

  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body, headers);
  }

  /** Signs in; throws unless the server answered 200. */
  async signIn(name: string, password: string): Promise<this> {
    const reply = await this.post('/api/auth/signin', { name, password });
    if (reply.status !== 200) throw new Error(`Signing in as ${name} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return this;
  }
}

export interface SigninApp extends Explorer {
  /** The AUTH_SECRET_FILE the app uses (addTestUser needs it). */
  secretFile: string;
  browser(): Browser;
}

/** The real app in-process in signin mode on loopback, with its own secret file; `env` adds configuration. */
export async function startSigninApp(env: Record<string, string> = {}): Promise<SigninApp> {
  const dir = mkdtempSync(join(tmpdir(), 'auth-test-'));
  const secretFile = join(dir, 'auth-secret');
  const app = await startExplorer(getTestDatabase(), undefined, undefined, { AUTH_MODE: 'signin', AUTH_SECRET_FILE: secretFile, SIGNIN_RATE: '1000', ...env });
  return {
    ...app,
    secretFile,
    browser: () => new Browser(app.base),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A password long enough for the rules, different per user. */
export function passwordOf(name: string): string {
  return `lösenord-för-${name}-123`;
}
