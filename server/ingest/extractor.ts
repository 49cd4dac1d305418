import type { NewEntity, ProposedFact, ProposedMention, PublishedHint } from '../../contract/ingest';

/**
 * The seam between the ingestion service and whatever proposes mentions, entities and facts. The default is
 * the offline rule-based extractor for Swedish (`rules-sv`); another (for instance a local LLM served over
 * HTTP) can be added by configuration without touching the review flow.
 */

/** A name an organisation bore over a period (SKL until 2019-11-27, SKR from then). */
export interface KnownName {
  value: string;
  short?: string;
  /** ISO date, inclusive; absent = since always. */
  validFrom?: string;
  /** ISO date, exclusive; absent = still. */
  validTo?: string;
}

/** An entity already in the graph, as the extractor sees it. */
export interface KnownEntity {
  id: string;
  label: string;
  kind: string;
  name: string;
  aliases: string[];
  names: KnownName[];
  validFrom?: string;
  validTo?: string;
  /** Role only: its title and the organisation it is AT. */
  title?: string;
  at?: string;
  /** Person only: ids of the organisations the graph links them to (through roles or affiliation). */
  organisations?: string[];
}

/** What the extractor may ask of the graph. A snapshot: the graph is small enough to hand over whole. */
export interface GraphLookup {
  entities: readonly KnownEntity[];
}

export interface ExtractInput {
  text: string;
  title: string;
  /** The article's date when known (ISO); names are matched as valid on this date. */
  published?: string;
}

export interface Extraction {
  entities: NewEntity[];
  mentions: ProposedMention[];
  facts: ProposedFact[];
  /** A publication date stated in the text, if any. */
  publishedHint: PublishedHint | null;
}

export interface Extractor {
  /** Name and version, recorded on every draft (e.g. "rules-sv@1"). */
  readonly name: string;
  extract(input: ExtractInput, graph: GraphLookup): Promise<Extraction>;
}
