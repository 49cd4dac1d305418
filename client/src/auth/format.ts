/** Dates and times on the auth pages, by `Intl` and never by the browser's own locale. */

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * An ISO date-time in the viewer's time zone as "2026-05-04 14:03" in both languages: the ISO order the app
 * uses for short dates everywhere, easy to scan down a column.
 */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return DATE_TIME.format(d);
}

// The server writes its audit notes in English, as a log does; the Swedish page says them in Swedish. Only
// notes the server composes from fixed words are translated: titles of queries and articles stay as written.
const SV_PHRASES: [RegExp, string][] = [
  [/^locked for (\d+) minutes after (\d+) wrong passwords$/, 'låst i $1 minuter efter $2 fel lösenord'],
  [/^refused while locked$/, 'nekad medan kontot är låst'],
  [/^no local user of that name$/, 'ingen lokal användare med det namnet'],
  [/^wrong password$/, 'fel lösenord'],
  [/^account disabled$/, 'kontot är avstängt'],
  [/^password$/, 'lösenord'],
  [/^oidc$/, 'organisationens konto'],
  [/^oidc: (\w+)$/, 'organisationens konto: $1'],
  [/^disabled$/, 'avstängd'],
  [/^enabled$/, 'aktiverad'],
  [/^unlocked$/, 'upplåst'],
  [/^new password$/, 'nytt lösenord'],
  [/^no change$/, 'ingen ändring'],
  [/^display name (".*")$/, 'visningsnamn $1'],
];

/** An audit entry's note in the page's language; `role` names a role in that language. */
export function auditDetail(entry: { action: string; detail: string }, lang: string, role: (r: string) => string): string {
  if (!lang.startsWith('sv')) return entry.detail;
  if (entry.action.startsWith('query.')) return entry.detail.replace(/ \((private|shared)\)$/, (_m, v: string) => (v === 'private' ? ' (privat)' : ' (delad)'));
  if (!entry.action.startsWith('signin') && !entry.action.startsWith('user.')) return entry.detail;
  return entry.detail
    .split('; ')
    .map((part) => {
      const [what, from] = part.split(/, from (?=[^,]+$)/);
      let sv = what ?? part;
      const roleChange = /^role (\w+)(?: → (\w+))?$/.exec(sv);
      if (roleChange) sv = `roll ${role(roleChange[1]!)}${roleChange[2] ? ` → ${role(roleChange[2])}` : ''}`;
      else for (const [pattern, replacement] of SV_PHRASES) if (pattern.test(sv)) sv = sv.replace(pattern, replacement);
      return from ? `${sv}, från ${from}` : sv;
    })
    .join('; ');
}
