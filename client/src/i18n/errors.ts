/**
 * User-facing error text: the API's stable error codes (server/errors.ts, server/neo4j/errors.ts,
 * server/queries/guard.ts) and the client's own (NETWORK, ABORTED, BAD_RESPONSE, CLIENT) translated in the
 * `errors` namespace. The server's message is English and names the exact cause; it is kept as a detail where it
 * says more than the translation, and it is the fallback for a code this file does not know.
 */
import { currentLanguage, i18n, type Language } from './index';

/** What every API failure looks like on the client (`ApiError` fits). */
export interface ErrorLike {
  code: string;
  message: string;
  status?: number;
  /** The server's `details`; a 403 FORBIDDEN names `{ required, role }`, said here in the UI language. */
  details?: unknown;
}

const ROLE_WORDS = new Set(['viewer', 'analyst', 'curator', 'admin']);

/** The roles a FORBIDDEN answer names, when it names them. */
function forbiddenRoles(err: ErrorLike): { required: string; role: string } | null {
  if (err.code !== 'FORBIDDEN' || typeof err.details !== 'object' || err.details === null) return null;
  const { required, role } = err.details as { required?: unknown; role?: unknown };
  return typeof required === 'string' && typeof role === 'string' && ROLE_WORDS.has(required) && ROLE_WORDS.has(role) ? { required, role } : null;
}

/** Codes whose server message names the specific cause (the parameter, the parse position, the procedure, the id). */
const SPECIFIC = new Set(['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'CYPHER_SYNTAX', 'CYPHER_ERROR', 'PROCEDURE_REFUSED']);

/** The translated sentence for an error, without the server's detail; the server's own message for an unknown code. */
export function errorSummary(err: ErrorLike, lng: Language = currentLanguage()): string {
  const t = i18n.getFixedT(lng, 'errors');
  const status = err.status ?? 0;
  const key = `code.${err.code}`;
  const roles = forbiddenRoles(err);
  if (roles) {
    const word = i18n.getFixedT(lng, 'auth');
    return t('forbiddenRole', { required: word(`role.${roles.required}`), role: word(`role.${roles.role}`) });
  }
  if (i18n.exists(key, { ns: 'errors', lng })) return t(key, { status, message: err.message });
  if (err.message.trim()) return err.message;
  if (status >= 500) return t('status.5xx', { status });
  if (status >= 400) return t('status.4xx', { status });
  return t('unknown');
}

/** The server's own words when they add to the translation (which parameter, where the parse failed), else null. */
export function errorDetail(err: ErrorLike, lng: Language = currentLanguage()): string | null {
  if (!SPECIFIC.has(err.code) || !err.message.trim()) return null;
  return i18n.getFixedT(lng, 'errors')('detail', { message: err.message });
}

/** The whole user-facing message for an error: the translated sentence, then the server's detail where it helps. */
export function errorMessage(err: ErrorLike, lng: Language = currentLanguage()): string {
  const detail = errorDetail(err, lng);
  const summary = errorSummary(err, lng);
  return detail ? `${summary} ${detail}` : summary;
}
