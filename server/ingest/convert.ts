import { convert as htmlToText, type HtmlToTextOptions } from 'html-to-text';

/**
 * Turns an uploaded file into article text and the title it gives itself. HTML goes through html-to-text (a
 * maintained converter); Markdown loses its markup; plain text is kept as it is. The converted text is what
 * is then stored: every offset the review shows indexes into it.
 */

export type SourceFormat = 'txt' | 'md' | 'html';

export interface Converted {
  text: string;
  title: string | null;
}

const HTML_OPTIONS: HtmlToTextOptions = {
  // Lines stay as the page has them; wrapping would put line breaks into quotes.
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** At most one blank line in a row, no trailing spaces, no blank lines at either end. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function oneLine(s: string): string | null {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 0 ? line : null;
}

/** The text of the first element matching `selector` ('' when there is none). */
function elementText(html: string, selector: string): string {
  return htmlToText(html, { ...HTML_OPTIONS, baseElements: { selectors: [selector], returnDomByDefault: false }, limits: { maxBaseElements: 1 } });
}

/** HTML → text with headings, paragraphs and list items on lines of their own; title from the first <h1>, else <title>. */
export function convertHtml(html: string): Converted {
  const text = tidyLines(htmlToText(html, HTML_OPTIONS).replace(/\r\n?/g, '\n'));
  // The headline (<h1>) is in the text; <title> often carries the site's name as well, so it comes second.
  const title = oneLine(elementText(html, 'h1')) ?? oneLine(elementText(html, 'title'));
  return { text, title };
}

/** Markdown → text: heading marks, emphasis, link and image syntax, block quotes and code fences removed. */
export function convertMarkdown(md: string): Converted {
  const lines = md.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let title: string | null = null;
  const out: string[] = [];
  for (const raw of lines) {
    if (/^\s*(```|~~~)/.test(raw)) continue;
    if (/^\s*\[[^\]]+\]:\s+\S+/.test(raw)) continue; // reference-style link definitions
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      out.push('');
      continue;
    }
    let line = raw.replace(/^\s{0,3}>\s?/, '');
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(\s+#+\s*)?$/.exec(line);
    if (heading) {
      line = heading[1]!;
      if (title === null && /^\s{0,3}#\s/.test(raw)) title = oneLine(inlineMarkdown(line));
    }
    out.push(inlineMarkdown(line));
  }
  // Setext headings ("Title\n=====") have their underline dropped.
  const text = tidyLines(out.filter((l, i) => !(/^=+\s*$|^-+\s*$/.test(l) && i > 0 && out[i - 1]!.trim() !== '')).join('\n'));
  return { text, title };
}

function inlineMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(.+?)~~/g, '$1');
}

/** Plain text is kept exactly (a byte-order mark aside); its first non-empty line, if short, is proposed as the title. */
export function convertText(txt: string): Converted {
  const text = txt.replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/).find((l) => l.trim().length > 0);
  const title = first !== undefined && first.trim().length <= 300 ? oneLine(first) : null;
  return { text, title };
}

/** Converts a file's content by its format. */
export function convertSource(format: SourceFormat, content: string): Converted {
  if (format === 'html') return convertHtml(content);
  if (format === 'md') return convertMarkdown(content);
  return convertText(content);
}

/** The format a file name implies, or null for one the app does not read. */
export function formatOfFileName(name: string): SourceFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}
