import type { AuthMode } from '../../contract/auth';

/** What AUTH_MODE may say: `auto` picks open on loopback, sign-in elsewhere. */
export const AUTH_MODE_SETTINGS = ['auto', 'open', 'signin'] as const;
export type AuthModeSetting = (typeof AUTH_MODE_SETTINGS)[number];

/** Whether a bind address (HOST) only accepts connections from this machine. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h.endsWith('.localhost');
}

/** Why a setting cannot be used; the message names the variables to change. */
export class AuthModeError extends Error {}

/**
 * The mode the app runs in. `auto`: open on a loopback HOST, sign-in on any other. `open` on a non-loopback
 * HOST would hand admin rights to the network, so it is refused.
 */
export function resolveAuthMode(setting: AuthModeSetting, host: string): AuthMode {
  const loopback = isLoopbackAddress(host);
  if (setting === 'open' && !loopback) {
    throw new AuthModeError(
      `AUTH_MODE=open is only allowed when HOST is a loopback address (127.0.0.1, ::1, localhost); HOST is ${host}, so anyone on the network would be admin. ` +
        'Remove AUTH_MODE (sign-in is then required) or set HOST=127.0.0.1.',
    );
  }
  if (setting === 'auto') return loopback ? 'open' : 'signin';
  return setting;
}

/** The address a server bound to `host`:`port` is reached at, for the start banner. */
export function listenAddress(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `http://${host === '::' ? '[::]' : host}:${port} (all interfaces)`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
