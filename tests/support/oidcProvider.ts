import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID Foundation) on loopback,
 * for the single sign-on tests (issue 14). It knows one static confidential client and a few people, and has a
 * plain HTML sign-in page at /interaction/:uid that a test fills in with ordinary HTTP requests.
 */

/** A person the test provider knows: the password typed on its sign-in page and the claims it releases. */
export interface TestAccount {
  password: string;
  claims: { preferred_username?: string; email?: string; name?: string; roles?: string[] | string; groups?: string[] };
}

/** The people of the test provider, by their `sub`. */
export const TEST_ACCOUNTS: Record<string, TestAccount> = {
  'sub-carla': { password: 'carla-at-the-idp', claims: { preferred_username: 'carla', name: 'Carla Kurator', email: 'carla@myndighet.example', roles: ['curator'] } },
  'sub-ada': { password: 'ada-at-the-idp', claims: { preferred_username: 'ada', name: 'Ada Analytiker', roles: ['kg-analysts', 'viewer'] } },
  'sub-nils': { password: 'nils-at-the-idp', claims: { preferred_username: 'nils', name: 'Nils Utan Roll', roles: ['payroll'] } },
  'sub-vera': { password: 'vera-at-the-idp', claims: { preferred_username: 'vera svensson', name: 'Vera Svensson', email: 'vera@myndighet.example' } },
};

export interface TestProvider {
  /** The issuer URL, e.g. http://127.0.0.1:40123 (what OIDC_ISSUER is set to). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * Starts the provider on 127.0.0.1 (port 0 = a free one) with a client allowed to redirect to `redirectUri`.
 * Sign-in finishes login and consent in one step (the client is first-party), like a company's IdP would.
 */
export async function startTestProvider(redirectUri: string, port = 0): Promise<TestProvider> {
  const clientId = 'kg-explorer';
  const clientSecret = randomBytes(24).toString('base64url');
  const server = createServer();
  server.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' } as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'roles', 'groups'], email: ['email'] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = TEST_ACCOUNTS[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account.claims }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  const oidc = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname)?.[1];
    if (!uid) {
      oidc(req, res);
      return;
    }
    interaction(provider, req, res).catch((err: unknown) => {
      res.statusCode = 400;
      res.end(`interaction failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider's sign-in page: GET shows the form; POST checks the password (or cancels) and resumes. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    page(res, 200, details.uid, '');
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  if (form.has('cancel')) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }, { mergeWithLastSubmission: false });
    return;
  }
  let accountId = details.session?.accountId;
  if (details.prompt.name === 'login') {
    const login = form.get('login') ?? '';
    const account = Object.entries(TEST_ACCOUNTS).find(([sub, a]) => sub === login || a.claims.preferred_username === login);
    if (!account || account[1].password !== form.get('password')) {
      page(res, 401, details.uid, 'Wrong user name or password.');
      return;
    }
    accountId = account[0];
  }
  if (!accountId) throw new Error('no account for the consent step');
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

function page(res: ServerResponse, status: number, uid: string, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(
    `<!doctype html><title>Test IdP</title><p>${message}</p><form method="post" action="/interaction/${uid}">` +
      '<input name="login"><input name="password" type="password"><button>Sign in</button><button name="cancel" value="1">Cancel</button></form>',
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A minimal browser for tests: follows nothing by itself, keeps cookies per host with Path matching. */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** Sends a request with the cookies that apply, stores what comes back; redirects are not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = [...this.cookies]
      .filter(([key, c]) => key.startsWith(`${target.host}|`) && (target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map(([key, c]) => `${key.slice(key.lastIndexOf('|') + 1)}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.store(target, line);
    return res;
  }

  /** The value of a cookie the jar holds for a host, whatever its path. */
  get(host: string, name: string): string | undefined {
    return [...this.cookies].find(([key]) => key.startsWith(`${host}|`) && key.endsWith(`|${name}`))?.[1].value;
  }

  /** Replaces a cookie's value in place (to test tampering). */
  set(host: string, name: string, value: string): void {
    for (const [key, c] of this.cookies) if (key.startsWith(`${host}|`) && key.endsWith(`|${name}`)) c.value = value;
  }

  private store(target: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (n: string) => attributes.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1);
    const path = attr('path') ?? '/';
    const key = `${target.host}|${path}|${name}`;
    const maxAge = attr('max-age');
    const expires = attr('expires');
    const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone) this.cookies.delete(key);
    else this.cookies.set(key, { value, path });
  }
}

/**
 * Plays the user at the provider: from the app's redirect (`authorizationUrl`), follows the provider's
 * redirects, fills in the sign-in form (or presses Cancel), and returns where the provider finally sends the
 * browser back to — the app's callback URL with `code`/`state` or `error`.
 */
export async function signInAtProvider(jar: CookieJar, authorizationUrl: string, login: string, password: string, opts: { cancel?: boolean } = {}): Promise<string> {
  const issuerOrigin = new URL(authorizationUrl).origin;
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (new URL(url).origin !== issuerOrigin) return url;
    const res = await jar.fetch(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action) throw new Error(`the provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    const form = opts.cancel ? new URLSearchParams({ cancel: '1' }) : new URLSearchParams({ login, password });
    const posted = await jar.fetch(new URL(action, url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    if (posted.status < 300 || posted.status >= 400) throw new Error(`signing in at the provider answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`);
    url = new URL(posted.headers.get('location') ?? '', url).href;
  }
  throw new Error('the provider redirected more than 10 times');
}
