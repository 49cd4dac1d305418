/**
 * The UI's languages: Swedish by default, English on request. Every user-facing string sits behind a key in
 * one JSON file per namespace and language (`sv/<ns>.json`, `en/<ns>.json`); each part of the client owns its
 * namespace. Dates are formatted here, never by the browser's locale.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enApp from './en/app.json';
import enAuth from './en/auth.json';
import enComponents from './en/components.json';
import enErrors from './en/errors.json';
import enGraph from './en/graph.json';
import enIngest from './en/ingest.json';
import enKinds from './en/kinds.json';
import enLegend from './en/legend.json';
import enQuery from './en/query.json';
import enTime from './en/time.json';
import svApp from './sv/app.json';
import svAuth from './sv/auth.json';
import svComponents from './sv/components.json';
import svErrors from './sv/errors.json';
import svGraph from './sv/graph.json';
import svIngest from './sv/ingest.json';
import svKinds from './sv/kinds.json';
import svLegend from './sv/legend.json';
import svQuery from './sv/query.json';
import svTime from './sv/time.json';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const NAMESPACES = ['app', 'auth', 'components', 'errors', 'graph', 'ingest', 'kinds', 'legend', 'query', 'time'] as const;

export const resources = {
  sv: { app: svApp, auth: svAuth, components: svComponents, errors: svErrors, graph: svGraph, ingest: svIngest, kinds: svKinds, legend: svLegend, query: svQuery, time: svTime },
  en: { app: enApp, auth: enAuth, components: enComponents, errors: enErrors, graph: enGraph, ingest: enIngest, kinds: enKinds, legend: enLegend, query: enQuery, time: enTime },
} as const;

const STORAGE_KEY = 'explorer.language';

/** The language chosen before (kept in localStorage), else Swedish whatever the browser says. */
export function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'sv' || stored === 'en') return stored;
  } catch {
    // Storage can be disabled; Swedish it is.
  }
  return 'sv';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'sv',
  ns: [...NAMESPACES],
  defaultNS: 'app',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

// Screen readers and hyphenation follow <html lang>; keep it in step with the UI language however it changes.
function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng === 'en' ? 'en' : 'sv';
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** Switches the UI language and remembers the choice. */
export function setLanguage(lng: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered; still switched.
  }
  void i18n.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** An ISO date (`yyyy-mm-dd`) as the UI shows it: ISO in short form, or "6 december 2017" / "6 December 2017" in long form. */
export function formatDate(iso: string, style: 'short' | 'long' = 'short', lng: Language = currentLanguage()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (style === 'short') return `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A number as the UI shows it (Swedish: "1 234"). */
export function formatNumber(n: number, lng: Language = currentLanguage()): string {
  return new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'sv-SE').format(n);
}
