/** The ingest store against a fake API: sending the form, a duplicate, resuming a draft, accepting and discarding. */
import { describe, expect, it, vi } from 'vitest';
import type { AcceptBody, Proposal } from '../../../contract/ingest';
import { ApiRequestError } from '../../../client/src/api/client';
import { IngestStore, type Api, type Go } from '../../../client/src/ingest/store';

const TEXT = '– Vi måste samarbeta mer, säger Karin Lund, generaldirektör på DIGG.';
const quote = { start: 0, end: 24 };

const proposal: Proposal = {
  id: 'draft-t1',
  title: 'Samarbete',
  text: TEXT,
  published: '2026-11-30',
  publishedHint: null,
  outlet: null,
  url: null,
  sha256: 'x',
  createdAt: '2026-12-01T10:00:00Z',
  extractor: 'rules-sv@1',
  duplicates: [],
  entities: [{ key: 'new-1', name: 'Karin Lund', label: 'Person', kind: 'person', maybeSameAs: [], confidence: 0.95, rule: 'säger-namn' }],
  mentions: [{ start: 32, end: 42, surface: 'Karin Lund', entityId: null, newEntity: { key: 'new-1', name: 'Karin Lund', label: 'Person' }, confidence: 0.95, rule: 'säger-namn' }],
  facts: [{ key: 'f1', type: 'QUOTED_IN', from: 'new-1', to: 'article', properties: {}, evidence: [{ quote: TEXT.slice(0, 24), ...quote }], confidence: 0.9, rule: 'citat' }],
};

function fakeApi(overrides: Partial<Api> = {}): Api {
  return {
    ingestConvert: vi.fn(async () => ({ text: TEXT, title: null, publishedHint: null })),
    ingestPropose: vi.fn(async () => proposal),
    ingestDrafts: vi.fn(async () => ({ proposals: [{ id: 'draft-t1', title: 'Samarbete', published: '2026-11-30', createdAt: '2026-12-01T10:00:00Z', outlet: null, mentions: 1, facts: 1 }] })),
    ingestDraft: vi.fn(async () => proposal),
    ingestDiscard: vi.fn(async () => undefined),
    ingestAccept: vi.fn(async () => ({ articleId: 'article-ny', createdEntities: [{ key: 'new-1', id: 'person-karin-lund' }], linkedEntities: [], mentions: 1, facts: [{ key: 'f1', id: 'fact-1' }], reviewedAt: '2026-12-01T10:05:00Z' })),
    node: vi.fn(async () => {
      throw new Error('not used');
    }),
    ...overrides,
  } as Api;
}

describe('the ingest store', () => {
  it('does not send a form with problems, and shows them', async () => {
    const api = fakeApi();
    const store = new IngestStore(vi.fn(), api);
    await store.submit();
    expect(api.ingestPropose).not.toHaveBeenCalled();
    expect(store.getState().showProblems).toBe(true);
  });

  it('sends the form and opens the review of the new draft without fetching it again', async () => {
    const go = vi.fn<Go>();
    const api = fakeApi();
    const store = new IngestStore(go, api);
    store.setText(TEXT);
    store.setField('title', 'Samarbete');
    await store.submit();
    expect(api.ingestPropose).toHaveBeenCalledWith({ title: 'Samarbete', text: TEXT });
    expect(go).toHaveBeenCalledWith({ screen: 'review', draftId: 'draft-t1' });
    await store.openDraft('draft-t1');
    expect(api.ingestDraft).not.toHaveBeenCalled();
    expect(store.getState().session?.review?.proposal.id).toBe('draft-t1');
  });

  it('turns a 409 into a duplicate with the existing article to open', async () => {
    const err = new ApiRequestError({ code: 'DUPLICATE_ARTICLE', message: 'same text', status: 409, details: { articleId: 'article-handslag' } });
    const store = new IngestStore(vi.fn(), fakeApi({ ingestPropose: vi.fn(async () => Promise.reject(err)) }));
    store.setText(TEXT);
    store.setField('title', 'x');
    await store.submit();
    expect(store.getState().submit).toMatchObject({ state: 'duplicate', articleId: 'article-handslag', draftId: null });
  });

  it('accepts the decisions and goes to the explorer on the new person, replacing the review in the history', async () => {
    const go = vi.fn<Go>();
    const api = fakeApi();
    const store = new IngestStore(go, api);
    await store.openDraft('draft-t1');
    store.dispatch({ type: 'accept', item: { kind: 'fact', key: 'f1' } });
    const result = await store.accept();
    expect(result?.articleId).toBe('article-ny');
    const body = (api.ingestAccept as ReturnType<typeof vi.fn>).mock.calls[0]![1] as AcceptBody;
    expect(body.facts).toEqual([{ key: 'f1', action: 'accept' }]);
    expect(body.entities).toEqual([{ key: 'new-1', action: 'create' }]);
    expect(go).toHaveBeenLastCalledWith(null, { replace: true, explorerHash: 'nodes=person-karin-lund,article-ny&sel=person-karin-lund' });
    expect(store.getState().session).toBeNull();
  });

  it('keeps the review and says why when the accept fails', async () => {
    const err = new ApiRequestError({ code: 'VALIDATION_FAILED', message: 'quote not verbatim', status: 400 });
    const store = new IngestStore(vi.fn(), fakeApi({ ingestAccept: vi.fn(async () => Promise.reject(err)) }));
    await store.openDraft('draft-t1');
    expect(await store.accept()).toBeNull();
    expect(store.getState().session?.accepting).toMatchObject({ state: 'error', error: { code: 'VALIDATION_FAILED' } });
  });

  it('discards the open draft, drops it from the list and returns to the add screen', async () => {
    const go = vi.fn<Go>();
    const api = fakeApi();
    const store = new IngestStore(go, api);
    await store.loadDrafts();
    await store.openDraft('draft-t1');
    expect(await store.discard('draft-t1')).toBe(true);
    expect(api.ingestDiscard).toHaveBeenCalledWith('draft-t1');
    expect(store.getState().drafts).toEqual({ state: 'ready', data: [] });
    expect(go).toHaveBeenLastCalledWith({ screen: 'add' }, { replace: true });
  });
});
