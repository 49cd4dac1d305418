import { SPEECH_VERB_RE } from './lexicon';
import { targetRef, type Found, type SpanIndex } from './model';
import type { PersonHit } from './people';
import type { Doc, Span } from './segment';

/**
 * Who says what. Swedish news sets quotes as paragraphs opened by a dialogue dash ("– Vi välkomnar …,
 * säger Lena Micko."); a dash paragraph without attribution right after an attributed one continues the
 * same speaker; "Hon säger att …" reports the last speaker; quotation marks with a speech verb count too.
 */

export interface QuoteEvidence extends Span {
  /** A person's entity id or new-entity key. */
  speaker: string;
  rule: string;
  confidence: number;
}

/** A quotation in quotation marks right before its attribution: ”…”, säger / "…" säger. */
const INLINE_QUOTE = new RegExp(`[”"«»]([^”"«»]{3,}?)[,.!?]?[”"«»][,]?[ \\u00a0]*(?:${SPEECH_VERB_RE})[ \\u00a0]+(?:\\S+[ \\u00a0]+){0,3}$`, 'u');
const DASH_OPEN = /^[–—-][ \u00a0]+/u;
const QUOTE_OPEN = /^[”"«»]/u;
const ATTRIBUTION = new RegExp(`[,?!][ \\u00a0]*(?:${SPEECH_VERB_RE})(?![\\p{L}])`, 'u');
const PRONOUN_AFTER = new RegExp(`[,?!][ \\u00a0]*(?:${SPEECH_VERB_RE})[ \\u00a0]+(?:han|hon)(?![\\p{L}])`, 'u');
const PRONOUN_SUBJECT = new RegExp(`(?<![\\p{L}])(Han|Hon|han|hon)[ \\u00a0]+(?:${SPEECH_VERB_RE})(?![\\p{L}])`, 'u');

/** The person mention covering a speech hit, as an entity ref. */
function speakerAt(hit: PersonHit, people: SpanIndex<Found>): string | null {
  const f = people.covering(hit.start);
  return f ? targetRef(f.target) : null;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s"”«»]/.test(text[start]!)) start++;
  // A sentence's own full stop stays with the quote; the comma before an attribution does not.
  while (end > start && /[\s,:;"”«»–—-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Quote evidence per paragraph: what is said, by whom. "han"/"hon" refer back to the last person named
 * before them whose given name fits the pronoun (or is unknown).
 */
export function findQuotes(doc: Doc, hits: readonly PersonHit[], people: SpanIndex<Found>, pronounOf: (ref: string) => 'hon' | 'han' | null): QuoteEvidence[] {
  const text = doc.text;
  const referent = (at: number, pronoun: string): string | null => {
    const p = pronoun.toLowerCase();
    for (const f of people.before(at)) {
      const ref = targetRef(f.target);
      if (!ref) continue;
      const fits = pronounOf(ref);
      if (fits === null || fits === p) return ref;
    }
    return null;
  };
  const out: QuoteEvidence[] = [];
  let lastSpeaker: string | null = null;
  let previousWasQuote = false;
  const speechHits = hits.filter((h) => h.speaks).sort((a, b) => a.start - b.start);
  const sentencesOf = new Map<number, typeof doc.sentences>();
  for (const s of doc.sentences) {
    const list = sentencesOf.get(s.paragraph);
    if (list) list.push(s);
    else sentencesOf.set(s.paragraph, [s]);
  }
  let nextHit = 0;
  for (const [index, p] of doc.paragraphs.entries()) {
    while (nextHit < speechHits.length && speechHits[nextHit]!.start < p.start) nextHit++;
    const speech: PersonHit[] = [];
    for (let i = nextHit; i < speechHits.length && speechHits[i]!.start < p.end; i++) if (speechHits[i]!.end <= p.end) speech.push(speechHits[i]!);
    const dash = DASH_OPEN.exec(p.text);
    const isQuote = dash !== null || QUOTE_OPEN.test(p.text);
    const first = speech[0];
    let speaker = first ? speakerAt(first, people) : null;
    let rule = 'quote.saeger';
    let confidence = 0.9;
    const pronounAfter = PRONOUN_AFTER.exec(p.text);
    if (!speaker && pronounAfter) {
      speaker = referent(p.start + pronounAfter.index, /hon/.test(pronounAfter[0]) ? 'hon' : 'han');
      rule = 'quote.saeger-pronoun';
      confidence = 0.75;
    }
    if (isQuote) {
      // "Anna Holm är nöjd:" — a paragraph ending in a colon introduces the quote after it.
      const previous = index > 0 ? doc.paragraphs[index - 1]! : null;
      if (!speaker && previous && previous.text.endsWith(':')) {
        const named = people.covering(previous.end - 1) ?? people.before(previous.end).next().value;
        const ref = named && named.start >= previous.start ? targetRef(named.target) : null;
        if (ref) {
          speaker = ref;
          rule = 'quote.introduced';
          confidence = 0.8;
        }
      }
      if (!speaker && previousWasQuote && lastSpeaker) {
        speaker = lastSpeaker;
        rule = 'quote.continued';
        confidence = 0.7;
      }
      if (speaker) {
        const contentStart = p.start + (dash ? dash[0].length : 0);
        // The quote ends where the attribution starts (", säger …", "? säger …"), else with the paragraph.
        const cut = ATTRIBUTION.exec(text.slice(contentStart, p.end));
        const end = cut ? contentStart + cut.index + (cut[0].startsWith(',') ? 0 : 1) : p.end;
        const span = trimSpan(text, contentStart, end);
        if (span.end > span.start) out.push({ ...span, speaker, rule, confidence });
        lastSpeaker = speaker;
      }
      previousWasQuote = true;
      continue;
    }
    previousWasQuote = false;
    // Inside a paragraph: ”Det är ett bra val”, säger Lisa Berg. / Det är ett bra val, säger Lisa Berg.
    for (const h of speech) {
      if (h.rule !== 'person.speech-verb') continue;
      const who = speakerAt(h, people);
      const s = sentencesOf.get(index)?.find((x) => x.start <= h.start && h.start < x.end);
      if (!who || !s) continue;
      const before = text.slice(s.start, h.start);
      const marked = INLINE_QUOTE.exec(before);
      if (marked) {
        const start = s.start + marked.index + marked[0].indexOf(marked[1]!);
        out.push({ start, end: start + marked[1]!.length, speaker: who, rule: 'quote.marked', confidence: 0.85 });
      } else {
        const cut = ATTRIBUTION.exec(before);
        const span = cut ? trimSpan(text, s.start, s.start + cut.index) : null;
        if (span && span.end - span.start > 10) out.push({ ...span, speaker: who, rule: 'quote.saeger-inline', confidence: 0.7 });
      }
      lastSpeaker = who;
    }
    // Reported speech: "Therese Kristensson säger att …", "Hon säger att …": the sentence is the evidence.
    for (const s of sentencesOf.get(index) ?? []) {
      const own = speech.find((h) => h.start >= s.start && h.end <= s.end && h.rule === 'person.subject-speech-verb');
      const pronoun = own ? null : PRONOUN_SUBJECT.exec(s.text);
      const who = own ? speakerAt(own, people) : pronoun ? referent(s.start + pronoun.index, pronoun[1]!) : null;
      if (who) {
        out.push({ start: s.start, end: s.end, speaker: who, rule: own ? 'quote.reported' : 'quote.reported-pronoun', confidence: own ? 0.75 : 0.65 });
        lastSpeaker = who;
      }
    }
    if (speaker) lastSpeaker = speaker;
  }
  return out;
}
