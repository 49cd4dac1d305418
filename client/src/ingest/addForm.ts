/**
 * The "Lägg till artikel" form as plain data: its fields, what is wrong with them (as translation keys, shown
 * next to each field), and the request it becomes. Checked here the way the server checks it, so most mistakes
 * are caught before the extractor runs.
 */
import { MAX_ARTICLE_BYTES, type IngestInput, type PublishedHint } from '../../../contract/ingest';

export interface AddForm {
  title: string;
  text: string;
  outlet: string;
  url: string;
  published: string;
  /** The date the text states, as the server read it; the date field was filled from it while `hintUsed`. */
  hint: PublishedHint | null;
  hintUsed: boolean;
  /** The uploaded file's name, if the text came from one. */
  fileName: string | null;
}

export const EMPTY_FORM: AddForm = { title: '', text: '', outlet: '', url: '', published: '', hint: null, hintUsed: false, fileName: null };

export type FormField = 'title' | 'text' | 'url' | 'published' | 'outlet';
/** Per field, the `ingest:add.invalid.*` key that says what to fix. */
export type FormProblems = Partial<Record<FormField, string>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The text's size as the server counts it (UTF-8 bytes). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** What is wrong with the form, field by field; empty when it can be sent. */
export function formProblems(f: AddForm): FormProblems {
  const out: FormProblems = {};
  if (!f.text.trim()) out.text = 'textEmpty';
  else if (utf8Bytes(f.text) > MAX_ARTICLE_BYTES) out.text = 'textTooLarge';
  if (!f.title.trim()) out.title = 'titleEmpty';
  else if (f.title.trim().length > 500) out.title = 'titleTooLong';
  if (f.outlet.trim().length > 200) out.outlet = 'outletTooLong';
  const url = f.url.trim();
  if (url) {
    let ok = false;
    try {
      const u = new URL(url);
      ok = u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) out.url = 'url';
  }
  if (f.published.trim() && !isIsoDate(f.published.trim())) out.published = 'published';
  return out;
}

/** The request body for a valid form (empty optional fields left out). */
export function toIngestInput(f: AddForm): IngestInput {
  const body: IngestInput = { title: f.title.trim(), text: f.text };
  if (f.published.trim()) body.published = f.published.trim();
  if (f.outlet.trim()) body.outlet = f.outlet.trim();
  if (f.url.trim()) body.url = f.url.trim();
  return body;
}

/** The convert format for a file name, or null for a kind of file that is not taken. */
export function formatOf(fileName: string): 'txt' | 'md' | 'html' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

/**
 * The form once the server has read a date (and perhaps a title) from the text: the date field follows the
 * hint unless the analyst typed a date of their own; an empty title takes the one the text states.
 */
export function withHint(f: AddForm, hint: PublishedHint | null, title: string | null): AddForm {
  const ownDate = f.published.trim() !== '' && !f.hintUsed;
  const next: AddForm = { ...f, hint };
  if (!ownDate) {
    next.published = hint?.date ?? '';
    next.hintUsed = !!hint;
  }
  if (!f.title.trim() && title) next.title = title;
  return next;
}
