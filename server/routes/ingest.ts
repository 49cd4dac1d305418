import { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { createExtractor } from '../ingest/extractors';
import { IngestService } from '../ingest/service';
import { authOf } from '../auth/services';
import { requirePrincipal } from '../auth/principal';
import { AcceptBody, AcceptResult, ConvertBody, ConvertResult, IngestInput, MAX_ARTICLE_BYTES, Proposal, ProposalList, ProposalParams } from '../../contract/ingest';

/** The largest JSON body the ingest routes read: a 1 MB article can take several MB once escaped as JSON. */
export const INGEST_JSON_LIMIT = '8mb';

const BAD_TEXT = `the text is empty, over ${MAX_ARTICLE_BYTES.toLocaleString('en')} bytes of UTF-8, binary (control characters other than tab, line and page breaks) or not valid UTF-8 (a lone surrogate; a body that is not UTF-8)`;

/** /api/ingest/*: article drafts with the extractor's proposals, their review, and acceptance into the graph. */
export function ingestRoutes(ctx: AppContext) {
  const service = new IngestService(ctx.db, { extractor: createExtractor(ctx.config.extractor), log: ctx.log, audit: authOf(ctx).audit });
  return [
    defineRoute({
      method: 'post',
      path: '/api/ingest/convert',
      tag: 'ingest',
      access: 'curator',
      summary: 'Turn an uploaded file into article text',
      description: 'HTML (through html-to-text), Markdown (markup removed) or plain text (kept as it is) → the text that will be stored, the title the file gives itself (<h1>, else <title>; the first "# " line; the first line) and the publication date the text states.',
      body: ConvertBody,
      response: ConvertResult,
      errors: { 400: `Unknown format, or ${BAD_TEXT}` },
      handler: async ({ body }) => service.convert(body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/ingest/proposals',
      tag: 'ingest',
      access: 'curator',
      summary: 'Add an article: run the extractor and keep its proposals as a draft',
      description:
        'Mentions of existing entities, proposed new entities and facts, each with its verbatim evidence (offsets in UTF-16 code units of `text`, end exclusive), confidence and rule. Near-duplicates (the same title and date, or a word-shingle overlap of at least 0.6) are listed in `duplicates`. The draft never appears in the explorer until it is accepted.',
      body: IngestInput,
      response: Proposal,
      status: 201,
      errors: {
        400: `A field is missing or invalid, or ${BAD_TEXT}`,
        409: 'DUPLICATE_ARTICLE: the same text is already an article (`details.articleId`); DUPLICATE_DRAFT: it is already a draft (`details.draftId`)',
        413: 'PAYLOAD_TOO_LARGE: the request body is over 8 MB',
      },
      handler: async ({ body, req }) => service.propose(body, requirePrincipal(req)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/ingest/proposals',
      tag: 'ingest',
      access: 'curator',
      summary: 'Drafts waiting for review',
      description: 'Newest first, each with its numbers of proposed mentions and facts.',
      response: ProposalList,
      handler: async () => ({ proposals: await service.list() }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/ingest/proposals/:id',
      tag: 'ingest',
      access: 'curator',
      summary: 'One draft with everything proposed',
      params: ProposalParams,
      response: Proposal,
      errors: { 404: 'No draft has this id (accepted, discarded, or never made)' },
      handler: async ({ params }) => service.get(params.id),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/ingest/proposals/:id',
      tag: 'ingest',
      access: 'curator',
      summary: 'Discard a draft',
      params: ProposalParams,
      response: z.undefined(),
      status: 204,
      errors: { 404: 'No draft has this id' },
      handler: async ({ params, req, res }) => {
        await service.remove(params.id, requirePrincipal(req));
        res.status(204).end();
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/ingest/proposals/:id/accept',
      tag: 'ingest',
      access: 'curator',
      summary: 'Accept a draft as reviewed: write the article, its mentions, new entities and accepted facts',
      description:
        'The decisions and the draft become an article in the seed format (new entities get kebab ids from their names), checked by the seed validator together with the whole graph (quotes verbatim at their offsets, references, allowed ends, property schemas), then written in one transaction that also deletes the draft. Facts not listed as accepted are not written; new entities not decided are written only if an accepted fact or mention needs them.',
      params: ProposalParams,
      body: AcceptBody,
      response: AcceptResult,
      status: 201,
      errors: {
        400: 'A decision names an unknown proposal, entity, fact type or kind, an end the type does not allow, or evidence outside the text; or the result fails the seed checks. `details` lists each problem; nothing is written.',
        404: 'No draft has this id',
        409: 'DUPLICATE_ARTICLE: the same text became an article meanwhile; CONFLICT: the graph changed during the write',
      },
      handler: async ({ params, body, req }) => service.accept(params.id, body, requirePrincipal(req)),
    }),
  ];
}
