import { z } from 'zod';
import { FACT_ID_PREFIX, FACT_TYPE_NAMES, factPropertyProblems, ID_PREFIXES, KINDS, type EntityLabel } from './model';

/** Schemas of the curated YAML files in seed/data/. Cross-file rules (references, quotes) live in validate.ts. */

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether y-m-d names a real calendar day (rejects 2017-13-40 and 2019-02-29). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** YAML reads an unquoted `2011` as a number; dates are text, so accept it as the string it was meant to be. */
const yearAsText = (value: unknown): unknown => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value);

/** A full ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => isCalendarDay(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), 'not a real calendar date');

/**
 * A start date as precise as the text is: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` ("funnits sedan 2011",
 * "under 2017"). The loader stores the first day of the period plus `validFromPrecision`.
 */
export const PartialIsoDate = z.preprocess(
  yearAsText,
  z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected an ISO date YYYY, YYYY-MM or YYYY-MM-DD')
    .refine((s) => isCalendarDay(Number(s.slice(0, 4)), s.length >= 7 ? Number(s.slice(5, 7)) : 1, s.length === 10 ? Number(s.slice(8, 10)) : 1), 'not a real calendar date'),
);

function prefixedId(prefix: string) {
  return z
    .string()
    .regex(KEBAB_ID, 'ids are kebab-case: lower-case letters, digits and single hyphens')
    .refine((s) => s.startsWith(prefix), `expected an id starting with "${prefix}"`);
}

/** Any id in the corpus: kebab-case. Which kind of node it names is checked when references are resolved. */
export const Id = z.string().regex(KEBAB_ID, 'ids are kebab-case: lower-case letters, digits and single hyphens');

/** One piece of evidence: an exact substring of an article's text at [start, end) (JavaScript string indices). */
export const Evidence = z.strictObject({
  /** The article the quote is from; defaults to the article of the file the fact is in. */
  article: prefixedId(ID_PREFIXES.Article).optional(),
  quote: z.string().min(1),
  start: z.int().nonnegative(),
  end: z.int().positive(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Evidence inside an article's own metadata: always that article. */
export const OwnEvidence = Evidence.omit({ article: true });
export type OwnEvidence = z.infer<typeof OwnEvidence>;

const entityCommon = {
  name: z.string().min(1),
  /** Every other name or spelling the articles use (and, for SKL/SKR, the curator's official names). */
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().min(1).optional(),
  validFrom: PartialIsoDate.optional(),
  validTo: IsoDate.optional(),
  /** Why the curator modelled it this way, where a reader could doubt it. */
  note: z.string().min(1).optional(),
};

function entityOf<L extends EntityLabel, S extends z.ZodRawShape>(label: L, extra: S) {
  return z.strictObject({
    id: prefixedId(ID_PREFIXES[label]),
    label: z.literal(label),
    kind: z.enum(KINDS[label]),
    ...entityCommon,
    ...extra,
  });
}

/** A name an Actor bore over time; the NAMED fact that links them carries the dates and the evidence. */
export const NameEntry = z.strictObject({
  id: prefixedId(ID_PREFIXES.Name),
  value: z.string().min(1),
  short: z.string().min(1).optional(),
});
export type NameEntry = z.infer<typeof NameEntry>;

export const Entity = z.discriminatedUnion('label', [
  entityOf('Actor', { names: z.array(NameEntry).optional() }),
  entityOf('Person', {}),
  entityOf('Role', { title: z.string().min(1) }),
  entityOf('Agreement', {}),
  entityOf('AgreementPoint', { number: z.int().positive(), text: z.string().min(1) }),
  entityOf('Document', {}),
  entityOf('Service', {}),
  entityOf('Event', {}),
  entityOf('Place', {}),
  entityOf('Topic', {}),
]);
export type Entity = z.infer<typeof Entity>;

export const EntitiesFile = z.strictObject({ entities: z.array(Entity).min(1) });
export type EntitiesFile = z.infer<typeof EntitiesFile>;

const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number())]);

export const Fact = z
  .strictObject({
    id: prefixedId(FACT_ID_PREFIX),
    type: z.enum(FACT_TYPE_NAMES),
    from: Id,
    to: Id,
    validFrom: PartialIsoDate.optional(),
    validTo: IsoDate.optional(),
    /** The fact's own properties; which ones a type allows, and their types, are in contract/model.ts. */
    properties: z.record(z.string(), PropertyValue).default({}),
    /** `text`: the articles state it; `curator`: outside knowledge, the evidence shows the articles' own usage. */
    source: z.enum(['text', 'curator']).default('text'),
    note: z.string().min(1).optional(),
    evidence: z.array(Evidence).min(1),
  })
  .refine((f) => f.source === 'text' || f.note !== undefined, { message: 'a fact with source: curator needs a note saying where it comes from', path: ['note'] })
  .superRefine((f, ctx) => {
    for (const p of factPropertyProblems(f.type, f.properties)) ctx.addIssue({ code: 'custom', message: p.message, path: p.property ? ['properties', p.property] : ['properties'] });
  });
export type Fact = z.infer<typeof Fact>;

export const Mention = z.strictObject({
  entity: Id,
  /** Exact, case-sensitive strings of this article; the loader turns every whole-word occurrence into a span. */
  surfaces: z.array(z.string().min(1)).min(1),
});
export type Mention = z.infer<typeof Mention>;

export const ArticleMeta = z
  .strictObject({
    id: prefixedId(ID_PREFIXES.Article),
    file: z.string().regex(/^[^/\\]+\.txt$/, 'expected a file name in seed/articles, e.g. 000_abc.txt'),
    title: z.string().min(1),
    outlet: z.string().min(1).nullable(),
    outletNote: z.string().min(1).optional(),
    published: IsoDate,
    /** Where the text states the date. A reviewer may give a date the text does not print: then `publishedNote` says so. */
    publishedEvidence: OwnEvidence.optional(),
    publishedNote: z.string().min(1).optional(),
    /** Issue line as printed, for pages that show one ("År 42 / Nr 3 2024"). */
    issue: z.string().min(1).optional(),
    authors: z.array(prefixedId(ID_PREFIXES.Person)).default([]),
    /** Where the article was read. */
    url: z.url({ protocol: /^https?$/, error: 'expected an http or https URL' }).optional(),
    /** Set when an analyst accepted the article in the review UI (ISO date-time); hand-written articles have none. */
    reviewedAt: z.iso.datetime({ offset: true, error: 'expected an ISO date-time such as 2026-12-01T10:15:00Z' }).optional(),
    reviewedBy: z.string().min(1).optional(),
  })
  .refine((a) => a.outlet !== null || a.outletNote !== undefined, { message: 'outlet is null: say why in outletNote', path: ['outletNote'] })
  .refine((a) => a.publishedEvidence !== undefined || a.publishedNote !== undefined, {
    message: 'no publishedEvidence: say where the date comes from in publishedNote (e.g. "date given by the reviewer")',
    path: ['publishedNote'],
  });
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const ArticleFile = z.strictObject({
  article: ArticleMeta,
  mentions: z.array(Mention).default([]),
  facts: z.array(Fact).default([]),
});
export type ArticleFile = z.infer<typeof ArticleFile>;
