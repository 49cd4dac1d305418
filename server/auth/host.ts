/** Which `Host` names a request may carry. */
export interface HostPolicy {
  /** The server listens on a loopback address only: then only loopback names and ALLOWED_HOSTS are accepted. */
  loopbackBound: boolean;
  /** Lower-case host names without port; `*.example.org` accepts every subdomain of example.org. */
  allowedHosts: readonly string[];
}

/** The host name of a Host header value, lower case, without port or IPv6 brackets; undefined if malformed. */
export function hostName(host: string): string | undefined {
  const h = host.trim().toLowerCase();
  const v6 = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h);
  if (v6) return v6[1];
  const named = /^([a-z0-9._-]+)(?::\d{1,5})?$/.exec(h);
  return named ? named[1]!.replace(/\.$/, '') : undefined;
}

/** The names a browser on this machine uses for it; a DNS-rebinding page carries its own name instead. */
export function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function listed(name: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => (a.startsWith('*.') ? name.endsWith(a.slice(1)) && name.length > a.length - 1 : name === a.replace(/^\[(.*)\]$/, '$1')));
}

/**
 * Whether a request naming `host` is served (DNS-rebinding defence). Loopback names always are; bound to
 * loopback, other names only when listed in ALLOWED_HOSTS; bound elsewhere, any name unless ALLOWED_HOSTS is set.
 * A request without a Host header (HTTP/1.0 tools) is not a browser's and is served.
 */
export function hostAllowed(host: string | undefined, policy: HostPolicy): boolean {
  if (host === undefined || host === '') return true;
  const name = hostName(host);
  if (name === undefined) return false;
  if (isLoopbackName(name) || listed(name, policy.allowedHosts)) return true;
  return !policy.loopbackBound && policy.allowedHosts.length === 0;
}

/** `host:port` as a URL of `protocol` writes it (default ports dropped), or undefined if it is not a host. */
function normalHost(host: string, protocol: string): string | undefined {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return undefined;
  }
}

/**
 * Whether a state-changing request from `origin` (its Origin header) may go ahead: no Origin (not a browser, or
 * an old one), the same host the request was sent to, or an origin configured as trusted (PUBLIC_URL,
 * CORS_ORIGINS). `null` (sandboxed frames, some redirects) and any other site are refused.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, trusted: readonly string[]): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (trusted.some((t) => t.replace(/\/+$/, '').toLowerCase() === url.origin.toLowerCase())) return true;
  return host !== undefined && normalHost(host, url.protocol) === url.host;
}
