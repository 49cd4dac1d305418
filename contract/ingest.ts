import { z } from 'zod';
import { IsoDate } from './graph';
import { NOT_BLANK, text } from './wire';

/**
 * The contract of article ingestion: an analyst submits an article, the extractor proposes mentions, new
 * entities and facts (each with its sentence, offsets, confidence and rule), a person decides, and only the
 * accepted decisions reach the graph. Offsets are UTF-16 code units of `text` (JavaScript string indices),
 * end exclusive, as in the seed corpus.
 */

/** The largest article text accepted, in UTF-8 bytes. */
export const MAX_ARTICLE_BYTES = 1_000_000;

/** Node labels a proposed new entity may have (the model's entity labels). */
export const ProposalLabel = z.enum(['Actor', 'Person', 'Role', 'Agreement', 'AgreementPoint', 'Document', 'Service', 'Event', 'Place', 'Topic']);
export type ProposalLabel = z.infer<typeof ProposalLabel>;

// C0 controls other than tab, line and page breaks, DEL and the C1 controls mark a binary file or a wrong
// character set; the pattern lets the OpenAPI document say so.
const NO_CONTROL_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F]*$';
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;

/** What a person reads when the article text is blank. */
export const EMPTY_ARTICLE_MESSAGE = 'the article text is empty: paste the article, or upload a .txt, .md or .html file';

/** Line and column (1-based) of a string index, for messages a person can act on. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** `U+0003` for a character. */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a text cannot be an article because of a control character in it, with where it is; undefined if none. */
export function controlCharacterProblem(text: string): string | undefined {
  const control = CONTROL.exec(text);
  if (!control) return undefined;
  const { line, column } = lineColumn(text, control.index);
  return `the text holds the control character ${codePoint(control[0])} at line ${line}, column ${column} (index ${control.index}): it looks like a binary file or text read with the wrong character set; submit the article as UTF-8 text`;
}

/**
 * Article text (or a file's content) as submitted: not blank, no control characters. The 1 MB limit counts
 * UTF-8 bytes, which JSON Schema cannot state; the server answers 400 past it.
 */
const ArticleText = (empty: string) =>
  z
    .string()
    .regex(NOT_BLANK, empty)
    .superRefine((v, ctx) => {
      const problem = controlCharacterProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({ minLength: 1, allOf: [{ pattern: NOT_BLANK.source }, { pattern: NO_CONTROL_PATTERN }] });

/** An http(s) address: scheme, a host without spaces or controls, then anything printable. */
const HTTP_URL = /^https?:\/\/[^\u0000-\u0020\u007F-\u009F/?#@]+(?:[/?#][^\u0000-\u0020\u007F-\u009F]*)?$/;
const Url = text(2000)
  .regex(HTTP_URL, 'an http:// or https:// address')
  .meta({ maxLength: 2000 });

/** What an analyst submits: the text exactly as taken in, and what is known about it. */
export const IngestInput = z.strictObject({
  title: text(500, { nonBlank: true, trim: true, message: 'give the article a title' }),
  text: ArticleText(EMPTY_ARTICLE_MESSAGE),
  published: IsoDate.optional().describe('Publication date YYYY-MM-DD; proposed from the text when absent'),
  outlet: text(200, { nonBlank: true, trim: true }).optional(),
  url: Url.optional(),
});
export type IngestInput = z.infer<typeof IngestInput>;

/** An existing entity a proposal may refer to ("maybe the same as …"). */
export const EntityCandidate = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  score: z.number().min(0).max(1),
});
export type EntityCandidate = z.infer<typeof EntityCandidate>;

/** A new entity the extractor found; `key` is local to the proposal (`new-1`, …) until a person decides. */
export const NewEntity = z.object({
  key: z.string(),
  name: z.string(),
  label: ProposalLabel,
  kind: z.string(),
  /** Role only: the title as written ("ordförande", "generaldirektör"). */
  title: z.string().optional(),
  /** Likely existing matches, best first; empty when the graph has nothing like it. */
  maybeSameAs: z.array(EntityCandidate),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
});
export type NewEntity = z.infer<typeof NewEntity>;

/** One span of the text that names an entity: an existing one (`entityId`), a new one (`newEntity`), or neither when ambiguous. */
export const ProposedMention = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  surface: z.string(),
  entityId: z.string().nullable(),
  newEntity: NewEntity.pick({ key: true, name: true, label: true }).nullable(),
  /** Where the context does not settle which entity a surface names: the entities it could be. Never linked silently. */
  ambiguous: z.array(EntityCandidate).optional(),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
});
export type ProposedMention = z.infer<typeof ProposedMention>;

export const ProposedEvidence = z.object({ quote: z.string(), start: z.number().int().nonnegative(), end: z.number().int().positive() });
export type ProposedEvidence = z.infer<typeof ProposedEvidence>;

const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number())]);

/** A fact the extractor proposes: `from`/`to` are existing entity ids, new-entity keys, or `article` for the article itself. */
export const ProposedFact = z.object({
  key: z.string(),
  type: z.string(),
  from: z.string(),
  to: z.string(),
  properties: z.record(z.string(), PropertyValue),
  evidence: z.array(ProposedEvidence).min(1),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
});
export type ProposedFact = z.infer<typeof ProposedFact>;

/** An existing article this one may repeat. `same-text` is refused outright; the others are flagged for review. */
export const DuplicateHint = z.object({
  articleId: z.string(),
  title: z.string(),
  published: z.string(),
  reason: z.enum(['same-title-date', 'similar-text']),
  /** Share of the text's word shingles the two have in common, 0–1. */
  similarity: z.number().min(0).max(1),
});
export type DuplicateHint = z.infer<typeof DuplicateHint>;

/** A publication date the extractor read from the text ("Publicerad: 6 december 2017"). */
export const PublishedHint = z.object({ date: IsoDate, quote: z.string(), start: z.number().int(), end: z.number().int() });
export type PublishedHint = z.infer<typeof PublishedHint>;

/** A draft: the submitted article and everything proposed for it. Never part of the explorer's graph. */
export const Proposal = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  published: z.string().nullable().describe('The date given, else the one proposed from the text, else null'),
  publishedHint: PublishedHint.nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  sha256: z.string(),
  createdAt: z.string(),
  extractor: z.string().describe('Which extractor proposed this (e.g. "rules-sv@1")'),
  duplicates: z.array(DuplicateHint),
  entities: z.array(NewEntity),
  mentions: z.array(ProposedMention),
  facts: z.array(ProposedFact),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalParams = z.object({ id: z.string().regex(/^draft-[a-z0-9-]{1,80}$/, 'a draft id such as "draft-…"') });

export const ProposalSummary = Proposal.pick({ id: true, title: true, published: true, createdAt: true, outlet: true }).extend({
  mentions: z.number().int(),
  facts: z.number().int(),
});
export const ProposalList = z.object({ proposals: z.array(ProposalSummary) });

/** A person's decision on one proposed new entity. */
export const EntityDecision = z.discriminatedUnion('action', [
  /** Create it, optionally renamed or re-kinded. */
  z.strictObject({
    key: z.string(),
    action: z.literal('create'),
    name: text(300, { nonBlank: true, trim: true }).optional(),
    label: ProposalLabel.optional(),
    kind: text(60, { min: 1 }).optional(),
    title: text(200, { nonBlank: true, trim: true }).optional(),
  }),
  /** It is an existing entity. */
  z.strictObject({ key: z.string(), action: z.literal('link'), entityId: z.string().min(1) }),
  /** It is the same as another new entity of this proposal. */
  z.strictObject({ key: z.string(), action: z.literal('merge'), into: z.string() }),
  z.strictObject({ key: z.string(), action: z.literal('reject') }),
]);
export type EntityDecision = z.infer<typeof EntityDecision>;

/** A person's decision on one proposed fact; `accept` may change type, ends and evidence. */
export const FactDecision = z.discriminatedUnion('action', [
  z.strictObject({
    key: z.string(),
    action: z.literal('accept'),
    type: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    properties: z.record(z.string(), PropertyValue).optional(),
    /** Replaces the proposed evidence: spans of the text; the quote is taken from the text. */
    evidence: z.array(z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().positive() })).min(1).optional(),
  }),
  z.strictObject({ key: z.string(), action: z.literal('reject') }),
]);
export type FactDecision = z.infer<typeof FactDecision>;

/** A person's decision on one mention (by its index in `mentions`). Mentions not listed follow their entity. */
export const MentionDecision = z.discriminatedUnion('action', [
  z.strictObject({ index: z.number().int().nonnegative(), action: z.literal('reject') }),
  /** Link an ambiguous or wrongly linked mention to an existing entity or a new-entity key. */
  z.strictObject({ index: z.number().int().nonnegative(), action: z.literal('link'), to: z.string().min(1) }),
]);
export type MentionDecision = z.infer<typeof MentionDecision>;

/**
 * Everything a reviewer decided. Facts not listed are not written; new entities not listed are written only if
 * an accepted fact or mention needs them (then as proposed). Article fields override the draft's.
 */
export const AcceptBody = z.strictObject({
  article: z
    .strictObject({
      title: text(500, { nonBlank: true, trim: true }).optional(),
      published: IsoDate.optional(),
      outlet: text(200, { nonBlank: true, trim: true }).optional(),
      url: Url.optional(),
    })
    .optional(),
  entities: z.array(EntityDecision).max(5000).default([]),
  mentions: z.array(MentionDecision).max(20000).default([]),
  facts: z.array(FactDecision).max(5000).default([]),
});
export type AcceptBody = z.infer<typeof AcceptBody>;

/** What accepting wrote. */
export const AcceptResult = z.object({
  articleId: z.string(),
  createdEntities: z.array(z.object({ key: z.string(), id: z.string() })),
  linkedEntities: z.array(z.object({ key: z.string(), id: z.string() })),
  mentions: z.number().int(),
  facts: z.array(z.object({ key: z.string(), id: z.string() })),
  reviewedAt: z.string(),
});
export type AcceptResult = z.infer<typeof AcceptResult>;

/** Turns an uploaded file into the article text and what it says about itself. */
export const ConvertBody = z.strictObject({
  format: z.enum(['txt', 'md', 'html']),
  content: ArticleText('the file is empty'),
});
export const ConvertResult = z.object({
  text: z.string(),
  title: z.string().nullable(),
  publishedHint: PublishedHint.nullable(),
});
