import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { ConfigError, type OidcConfig } from '../config';
import type { Logger } from '../neo4j/connect';
import { isLoopbackAddress } from './mode';
import { hasRole, OIDC_ERROR_CODES, ROLES, UserName, type OidcErrorCode, type Role } from '../../contract/auth';

export { OIDC_ERROR_CODES, type OidcErrorCode };

/**
 * Single sign-on through OpenID Connect (docs/auth-design.md, issue 14): the authorization code flow with PKCE,
 * `state` and `nonce`, through `openid-client`. The provider is discovered from OIDC_ISSUER on first use (an
 * identity provider that is down when the app starts does not stop the app), and again after a failure.
 */

/** A sign-in through the provider that ends at the sign-in page with `code`; `message` is for the log. */
export class OidcSignInError extends Error {
  /** The user name, when the refusal concerns a known person (for the audit trail). */
  readonly user: string | undefined;

  constructor(
    readonly code: OidcErrorCode,
    message: string,
    options: { cause?: unknown; user?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'OidcSignInError';
    this.user = options.user;
  }
}

/** The cookie that carries one sign-in's state, nonce and PKCE verifier from /start to /callback. */
export const OIDC_FLOW_COOKIE = 'kg_oidc';
/** How long a started sign-in may take at the provider. */
export const OIDC_FLOW_SECONDS = 600;
/** The path of the callback (the redirect URI is PUBLIC_URL + this). */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** What the app asks the provider for: the ID token, the profile (names) and the e-mail address. */
const SCOPE = 'openid profile email';
/** Seconds a discovery, token or userinfo request may take before the provider counts as unavailable. */
const REQUEST_TIMEOUT_SECONDS = 8;

/** The rules that turn a provider's claims into a role (the OIDC_ROLE_* settings). */
export type RoleRules = Pick<OidcConfig, 'roleClaim' | 'roleMap' | 'defaultRole'>;

/**
 * A claim's value by name; a dotted name reaches into objects when no top-level claim has that name
 * (Keycloak's `realm_access.roles`).
 */
export function claimValue(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The role a user gets from their claims: each value of the role claim (a string or an array of strings) that
 * OIDC_ROLE_MAP names, or that is itself a role's name, maps to that role; the highest wins. Without any, the
 * default role — or null when the default is `none` (the sign-in is refused).
 */
export function mapRole(claims: Record<string, unknown>, rules: RoleRules): Role | null {
  const raw = claimValue(claims, rules.roleClaim);
  const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  let best: Role | null = null;
  for (const value of values) {
    const role = Object.hasOwn(rules.roleMap, value) ? rules.roleMap[value] : (ROLES as readonly string[]).includes(value) ? (value as Role) : undefined;
    if (role && (best === null || hasRole(role, best))) best = role;
  }
  return best ?? (rules.defaultRole === 'none' ? null : rules.defaultRole);
}

/**
 * The user name a provider's claims give: `preferred_username`, else `email` (unless the provider says it is not
 * verified), else `sub` — the first that is a valid user name here (contract/auth.ts `UserName`), unchanged.
 * Null when none is: a name is never rewritten, since two different people could then end up with one account.
 */
export function userNameFrom(claims: Record<string, unknown>): string | null {
  const candidates = [claims['preferred_username'], claims['email_verified'] === false ? undefined : claims['email'], claims['sub']];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && UserName.safeParse(candidate).success) return candidate;
  }
  return null;
}

/** The name to show: the `name` claim, else given and family name, else the user name. */
export function displayNameFrom(claims: Record<string, unknown>, userName: string): string {
  const str = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string).trim() : '');
  const full = str('name') || [str('given_name'), str('family_name')].filter(Boolean).join(' ');
  return (full || userName).slice(0, 200);
}

/** Who signs in, from the provider's claims; refuses (OIDC_BAD_NAME, OIDC_NO_ROLE) as the settings say. */
export function identityFrom(claims: Record<string, unknown>, rules: RoleRules): { name: string; displayName: string; role: Role } {
  const name = userNameFrom(claims);
  if (!name) {
    throw new OidcSignInError('OIDC_BAD_NAME', `None of preferred_username, email and sub (${JSON.stringify(claims['sub'])}) is a valid user name (1–64 letters, digits, ".", "_", "@" or "-").`);
  }
  const role = mapRole(claims, rules);
  if (!role) {
    throw new OidcSignInError(
      'OIDC_NO_ROLE',
      `${name} has no value of the claim "${rules.roleClaim}" that maps to a role (got ${JSON.stringify(claimValue(claims, rules.roleClaim) ?? null)}), and OIDC_DEFAULT_ROLE is none.`,
      { user: name },
    );
  }
  return { name, displayName: displayNameFrom(claims, name), role };
}

/** What the flow cookie holds: state, nonce, PKCE verifier, the redirect URI used, and when it expires. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  expires: number;
}

/** Whether the issuer may be spoken to over plain HTTP: only a provider on this machine. */
function insecureAllowed(issuer: URL): boolean {
  return issuer.protocol === 'http:' && isLoopbackAddress(issuer.hostname);
}

/**
 * One identity provider: starts sign-ins (the URL to send the browser to, and the sealed flow cookie) and
 * finishes them (checks the answer, exchanges the code, answers the user's claims).
 */
export class OidcClient {
  private readonly issuer: URL;
  private configuration: Promise<client.Configuration> | undefined;

  /** `key` signs the flow cookie (read when first needed). Throws a ConfigError for an http issuer off loopback. */
  constructor(
    private readonly settings: OidcConfig,
    private readonly key: () => Buffer,
    private readonly log: Logger,
  ) {
    this.issuer = new URL(settings.issuer);
    if (this.issuer.protocol !== 'https:' && !insecureAllowed(this.issuer)) {
      throw new ConfigError(`Invalid configuration:\n  OIDC_ISSUER: must be an https:// URL (http:// only for a provider on this machine: 127.0.0.1, ::1 or localhost); got ${settings.issuer}`);
    }
  }

  /** Starts a sign-in: where to send the browser, and the value of the flow cookie to set. */
  async start(redirectUri: string): Promise<{ url: string; cookie: string }> {
    const config = await this.discovered();
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      redirectUri,
      expires: Math.floor(Date.now() / 1000) + OIDC_FLOW_SECONDS,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPE,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie: this.seal(flow) };
  }

  /**
   * Finishes a sign-in: `query` is the callback's query string, `cookie` the flow cookie. Checks that the answer
   * belongs to the sign-in this browser started, exchanges the code (PKCE), checks the ID token (signature,
   * issuer, audience, nonce) and answers its claims merged with the userinfo endpoint's.
   */
  async finish(query: string, cookie: string | undefined): Promise<Record<string, unknown>> {
    const flow = cookie ? this.unseal(cookie) : null;
    const params = new URLSearchParams(query);
    if (!flow) throw new OidcSignInError('OIDC_STATE', cookie ? 'The sign-in cookie is forged or older than 10 minutes.' : 'No sign-in was started in this browser (no sign-in cookie).');
    const state = params.get('state');
    if (state === null || !sameText(state, flow.state)) throw new OidcSignInError('OIDC_STATE', 'The answer’s state does not match the sign-in this browser started.');
    const error = params.get('error');
    if (error !== null) {
      const why = `${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`;
      throw new OidcSignInError(error === 'access_denied' || error === 'login_required' || error === 'consent_required' ? 'OIDC_DENIED' : 'OIDC_FAILED', `The identity provider answered ${why}`);
    }
    const config = await this.discovered();
    const currentUrl = new URL(flow.redirectUri);
    currentUrl.search = params.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
    } catch (err) {
      throw providerError(err, 'The code could not be exchanged for tokens');
    }
    const idToken = tokens.claims();
    if (!idToken) throw new OidcSignInError('OIDC_FAILED', 'The identity provider sent no ID token.');
    let userinfo: Record<string, unknown> = {};
    if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      } catch (err) {
        throw providerError(err, 'The userinfo endpoint did not answer as expected');
      }
    }
    // Providers differ in where they put profile and group claims: the ID token, the userinfo answer, or both.
    return { ...idToken, ...userinfo, sub: idToken.sub };
  }

  /** The provider's metadata and this client's settings; discovered once, and again on the next call after a failure. */
  private discovered(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((err: unknown) => {
      this.configuration = undefined;
      throw providerError(err, `Discovery at ${this.settings.issuer} failed`, 'OIDC_UNAVAILABLE');
    });
    return this.configuration;
  }

  private async discover(): Promise<client.Configuration> {
    const { clientId, clientSecret } = this.settings;
    const execute = insecureAllowed(this.issuer) ? [client.allowInsecureRequests] : [];
    const auth = clientSecret === undefined ? client.None() : client.ClientSecretBasic(clientSecret);
    const config = await client.discovery(this.issuer, clientId, clientSecret, auth, { execute, timeout: REQUEST_TIMEOUT_SECONDS });
    this.log.info({ issuer: this.settings.issuer }, 'single sign-on: identity provider discovered');
    const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
    // client_secret_basic is the standard's default; a provider that lists only client_secret_post gets that.
    if (clientSecret !== undefined && methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')) {
      const post = new client.Configuration(config.serverMetadata(), clientId, clientSecret, client.ClientSecretPost(clientSecret));
      for (const fn of execute) fn(post);
      post.timeout = REQUEST_TIMEOUT_SECONDS;
      return post;
    }
    return config;
  }

  /** The flow as cookie text: base64url JSON, a dot, and its HMAC-SHA256 under the app's secret. */
  private seal(flow: Flow): string {
    const payload = Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The flow a cookie holds, or null when it was not made here, is malformed, or has expired. */
  private unseal(cookie: string): Flow | null {
    const dot = cookie.indexOf('.');
    if (dot < 0) return null;
    const payload = cookie.slice(0, dot);
    if (!sameText(cookie.slice(dot + 1), this.mac(payload))) return null;
    try {
      const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Flow;
      return typeof flow.expires === 'number' && flow.expires > Date.now() / 1000 ? flow : null;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key()).update(payload).digest('base64url');
  }
}

/** Constant-time comparison of two texts. */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** An error from talking to the provider as a sign-in error: could not reach it, or it answered wrongly. */
function providerError(err: unknown, what: string, otherwise: OidcErrorCode = 'OIDC_FAILED'): OidcSignInError {
  if (err instanceof OidcSignInError) return err;
  const unreachable = err instanceof TypeError || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'));
  const detail = err instanceof Error ? err.message : String(err);
  return new OidcSignInError(unreachable ? 'OIDC_UNAVAILABLE' : otherwise, `${what}: ${detail}`, { cause: err });
}
