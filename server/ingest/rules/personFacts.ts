import { SpanIndex, targetRef, type Found } from './model';
import type { PersonHit } from './people';
import { sentenceAt } from './segment';
import { infoFor, type Work } from './work';

/** Facts about people read from the page's layout: addresses, bylines and photo captions. */

/** "c/o Marianne Olofsson, Munkedals kommun", "Anna Svensson på Inera": a person at an organisation, no title. */
export function affiliations(work: Work, people: readonly Found[], all: SpanIndex<Found>): void {
  const { doc, facts } = work;
  const info = infoFor(work);
  for (const p of people) {
    const ref = targetRef(p.target);
    if (!ref) continue;
    const after = /^(?:[ \u00a0]+(?:på|vid|hos|från)[ \u00a0]+|,[ \u00a0]*)/u.exec(doc.text.slice(p.end, p.end + 12));
    if (!after) continue;
    const comma = after[0].startsWith(',');
    const co = /c\/o[ \u00a0]*$/u.exec(doc.text.slice(Math.max(0, p.start - 8), p.start));
    if (comma && !co) continue;
    const candidate = all.startingAt(p.end + after[0].length);
    const org = candidate && info(candidate.target)?.label === 'Actor' ? candidate : undefined;
    const orgRef = org ? targetRef(org.target) : null;
    // A title already placed this person there; the bare preposition adds nothing.
    if (!org || !orgRef || work.placed.has(`${ref}|${orgRef}`)) continue;
    const basis = comma ? 'postadress c/o' : after[0].trim();
    facts.add('AFFILIATED_WITH', ref, orgRef, { start: co && comma ? p.start - co[0].length : p.start, end: org.end }, 0.65, comma ? 'affiliation.co' : 'affiliation.preposition', { basis });
  }
}

/** Captions: a paragraph that is nothing but people's names ("Lena Micko och Ardalan Shekarabi."). */
export function captions(work: Work, people: readonly Found[]): void {
  const { doc, facts } = work;
  const byParagraph = new Map<number, Found[]>();
  for (const f of people) {
    const s = sentenceAt(doc, f.start);
    if (!s) continue;
    const list = byParagraph.get(s.paragraph);
    if (list) list.push(f);
    else byParagraph.set(s.paragraph, [f]);
  }
  for (const [index, inside] of byParagraph) {
    const p = doc.paragraphs[index]!;
    let rest = p.text;
    for (const f of [...inside].sort((a, b) => b.start - a.start)) rest = rest.slice(0, f.start - p.start) + rest.slice(f.end - p.start);
    if (!/^[\s,.]*(?:(?:och|,)[\s,.]*)*$/u.test(rest)) continue;
    for (const f of inside) {
      const ref = targetRef(f.target);
      if (ref) facts.add('PICTURED_IN', ref, 'article', p, 0.6, 'caption.names-only');
    }
  }
}

/** "Text: Christina Berg": the byline names the article's author. */
export function bylines(work: Work, hits: readonly PersonHit[], people: SpanIndex<Found>): void {
  for (const h of hits) {
    if (h.rule !== 'person.byline') continue;
    const p = people.startingAt(h.start);
    const ref = p ? targetRef(p.target) : null;
    const line = work.doc.paragraphs.find((x) => x.start <= h.start && h.end <= x.end);
    if (ref && line) work.facts.add('WROTE', ref, 'article', line, 0.8, 'byline');
  }
}
