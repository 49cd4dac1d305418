/**
 * The ingest screens' one store (the explorer's pattern): the add form, the list of unfinished drafts, and the
 * review of one draft. User intents are named actions; the actions are the only code here that calls the API;
 * components read the state with `useIngest(selector)`. Decisions themselves are plain data (review.ts).
 */
import { api as realApi, isAborted, toApiError } from '../api/client';
import type { ApiError } from '../api/types';
import type { AcceptResult, Proposal } from '../../../contract/ingest';
import { displayName } from '../graph/elements';
import { primaryKind } from '../graph/kinds';
import { EMPTY_FORM, formatOf, formProblems, toIngestInput, withHint, type AddForm, type FormProblems } from './addForm';
import { ARTICLE_REF, initialReview, reviewReducer, toAcceptBody, type FactTypeSpecs, type ReviewAction, type ReviewState } from './review';
import type { IngestRoute } from './route';

type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

export type DraftSummary = Awaited<ReturnType<typeof realApi.ingestDrafts>>['proposals'][number];

/** What sending the form led to. */
export type SubmitState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'error'; error: ApiError }
  /** The same text is already in the graph (an article) or waiting for review (a draft). */
  | { state: 'duplicate'; articleId: string | null; draftId: string | null; error: ApiError };

export interface ReviewSession {
  draftId: string;
  load: Loadable<true>;
  review: ReviewState | null;
  /** The near-duplicate warning was read and set aside. */
  duplicatesSeen: boolean;
  accepting: { state: 'idle' } | { state: 'running' } | { state: 'error'; error: ApiError };
  discarding: { state: 'idle' } | { state: 'confirm' } | { state: 'running' } | { state: 'error'; error: ApiError };
}

export interface IngestState {
  form: AddForm;
  /** Field problems are shown once the form was sent (or the field left). */
  showProblems: boolean;
  converting: { state: 'idle' } | { state: 'running' } | { state: 'error'; error: ApiError } | { state: 'refused'; reason: 'fileType' | 'fileEmpty'; fileName: string };
  submit: SubmitState;
  drafts: Loadable<DraftSummary[]>;
  session: ReviewSession | null;
  /** The model's fact types with their allowed ends, for the reviewer's type choices. */
  specs: FactTypeSpecs | null;
}

export type Api = Pick<typeof realApi, 'ingestConvert' | 'ingestPropose' | 'ingestDrafts' | 'ingestDraft' | 'ingestDiscard' | 'ingestAccept' | 'node'>;

/** Where the store sends the page: an ingest route, or the explorer at a hash (null: the explorer as it was). */
export type Go = (route: IngestRoute | null, opts?: { replace?: boolean; explorerHash?: string }) => void;

/** How long typing may pause before the text is read for a date. */
const HINT_DELAY = 700;

export class IngestStore {
  private state: IngestState;
  private readonly listeners = new Set<() => void>();
  private hintTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly go: Go,
    private readonly api: Api = realApi,
    specs: FactTypeSpecs | null = null,
  ) {
    this.state = { form: EMPTY_FORM, showProblems: false, converting: { state: 'idle' }, submit: { state: 'idle' }, drafts: { state: 'loading' }, session: null, specs };
  }

  getState = (): IngestState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(patch: Partial<IngestState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
  private setSession(patch: Partial<ReviewSession>): void {
    const s = this.state.session;
    if (s) this.set({ session: { ...s, ...patch } });
  }

  /** The form's problems (translation keys by field). */
  problems = (): FormProblems => formProblems(this.state.form);

  // ── The add screen ───────────────────────────────────────────────────────────────────────────────
  loadDrafts = async (): Promise<void> => {
    if (this.state.drafts.state !== 'ready') this.set({ drafts: { state: 'loading' } });
    try {
      const r = await this.api.ingestDrafts();
      this.set({ drafts: { state: 'ready', data: r.proposals } });
    } catch (err) {
      if (!isAborted(err)) this.set({ drafts: { state: 'error', error: toApiError(err) } });
    }
  };

  setField = (field: 'title' | 'outlet' | 'url' | 'published', value: string): void => {
    const form = { ...this.state.form, [field]: value };
    // A date typed by hand is the analyst's own, not the text's.
    if (field === 'published') form.hintUsed = !!this.state.form.hint && value === this.state.form.hint.date;
    this.set({ form, submit: this.state.submit.state === 'running' ? this.state.submit : { state: 'idle' } });
  };

  /** Pasted or typed text; the date it states is looked for once typing pauses. */
  setText = (text: string): void => {
    this.set({ form: { ...this.state.form, text, fileName: null }, submit: { state: 'idle' } });
    if (this.hintTimer) clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => void this.readHint(text), HINT_DELAY);
  };

  private async readHint(text: string): Promise<void> {
    if (!text.trim()) {
      this.set({ form: withHint(this.state.form, null, null) });
      return;
    }
    try {
      const r = await this.api.ingestConvert({ format: 'txt', content: text });
      if (this.state.form.text !== text) return;
      // The date only: a pasted text's first line is as often a dateline as a headline, and the analyst types the title.
      this.set({ form: withHint(this.state.form, r.publishedHint, null) });
    } catch {
      // Only a suggestion: the analyst can still type the date.
    }
  }

  /** A file the analyst chose: its text, title and date come from the server's converter. */
  loadFile = async (file: { name: string; content: string }): Promise<void> => {
    const format = formatOf(file.name);
    if (!format) {
      this.set({ converting: { state: 'refused', reason: 'fileType', fileName: file.name } });
      return;
    }
    if (!file.content.trim()) {
      this.set({ converting: { state: 'refused', reason: 'fileEmpty', fileName: file.name } });
      return;
    }
    this.set({ converting: { state: 'running' }, submit: { state: 'idle' } });
    try {
      const r = await this.api.ingestConvert({ format, content: file.content });
      const form = withHint({ ...this.state.form, text: r.text, fileName: file.name }, r.publishedHint, r.title);
      this.set({ form, converting: { state: 'idle' } });
    } catch (err) {
      this.set({ converting: { state: 'error', error: toApiError(err) } });
    }
  };

  resetForm = (): void => this.set({ form: EMPTY_FORM, showProblems: false, submit: { state: 'idle' }, converting: { state: 'idle' } });

  /** Sends the article to the extractor; on success the review of the new draft opens. */
  submit = async (): Promise<void> => {
    if (this.state.submit.state === 'running') return;
    if (Object.keys(formProblems(this.state.form)).length) {
      this.set({ showProblems: true });
      return;
    }
    this.set({ submit: { state: 'running' }, showProblems: true });
    try {
      const proposal = await this.api.ingestPropose(toIngestInput(this.state.form));
      this.set({ submit: { state: 'idle' }, form: EMPTY_FORM, showProblems: false, session: this.sessionFor(proposal) });
      void this.fillNames();
      this.go({ screen: 'review', draftId: proposal.id });
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 409) {
        const d = (error.details ?? {}) as Record<string, unknown>;
        const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
        this.set({ submit: { state: 'duplicate', articleId: str(d['articleId']), draftId: str(d['draftId']) ?? str(d['proposalId']), error } });
      } else this.set({ submit: { state: 'error', error } });
    }
  };

  private sessionFor(proposal: Proposal): ReviewSession {
    return { draftId: proposal.id, load: { state: 'ready', data: true }, review: initialReview(proposal), duplicatesSeen: false, accepting: { state: 'idle' }, discarding: { state: 'idle' } };
  }

  // ── The review screen ────────────────────────────────────────────────────────────────────────────
  /** Opens a draft for review (kept if it is the one already open). */
  openDraft = async (draftId: string): Promise<void> => {
    const s = this.state.session;
    if (s?.draftId === draftId && s.load.state !== 'error') return;
    this.set({ session: { draftId, load: { state: 'loading' }, review: null, duplicatesSeen: false, accepting: { state: 'idle' }, discarding: { state: 'idle' } } });
    try {
      const proposal = await this.api.ingestDraft(draftId);
      if (this.state.session?.draftId !== draftId) return;
      this.set({ session: this.sessionFor(proposal) });
      void this.fillNames();
    } catch (err) {
      if (!isAborted(err) && this.state.session?.draftId === draftId) this.setSession({ load: { state: 'error', error: toApiError(err) } });
    }
  };

  /** The graph's names of existing entities that facts point at: the text may name them only in part ("generaldirektör"), or not at all. */
  private async fillNames(): Promise<void> {
    const r = this.state.session?.review;
    if (!r) return;
    const unknown = new Set<string>();
    for (const f of Object.values(r.facts)) for (const ref of [f.from, f.to]) if (ref !== ARTICLE_REF && !r.entities[ref]) unknown.add(ref);
    for (const id of unknown) {
      try {
        const d = await this.api.node(id);
        const cur = this.state.session?.review;
        if (!cur) return;
        this.setSession({ review: { ...cur, names: { ...cur.names, [id]: { name: displayName(d.node), label: primaryKind(d.node.labels) } } } });
      } catch {
        // The id stays as it is.
      }
    }
  }

  /** One reviewer action on the open draft. */
  dispatch = (action: ReviewAction): void => {
    const r = this.state.session?.review;
    if (!r) return;
    const next = reviewReducer(r, action);
    if (next !== r) this.setSession({ review: next });
  };

  acceptConfident = (): void => this.dispatch({ type: 'acceptConfident', specs: this.state.specs });

  setDuplicatesSeen = (): void => this.setSession({ duplicatesSeen: true });

  /** Writes the decisions; on success the explorer opens on the new article's entities. */
  accept = async (): Promise<AcceptResult | null> => {
    const s = this.state.session;
    if (!s?.review || s.accepting.state === 'running') return null;
    this.setSession({ accepting: { state: 'running' } });
    try {
      const result = await this.api.ingestAccept(s.draftId, toAcceptBody(s.review));
      this.set({ session: null, drafts: this.state.drafts.state === 'ready' ? { state: 'ready', data: this.state.drafts.data.filter((d) => d.id !== s.draftId) } : this.state.drafts });
      this.go(null, { replace: true, explorerHash: explorerHashFor(result, s.review) });
      return result;
    } catch (err) {
      this.setSession({ accepting: { state: 'error', error: toApiError(err) } });
      return null;
    }
  };

  askDiscard = (): void => this.setSession({ discarding: { state: 'confirm' } });
  cancelDiscard = (): void => this.setSession({ discarding: { state: 'idle' } });

  /** Deletes a draft (the open one, or one from the list); the open one gives way to the add screen. */
  discard = async (draftId: string): Promise<boolean> => {
    const open = this.state.session?.draftId === draftId;
    if (open) this.setSession({ discarding: { state: 'running' } });
    try {
      await this.api.ingestDiscard(draftId);
      const drafts = this.state.drafts.state === 'ready' ? { state: 'ready' as const, data: this.state.drafts.data.filter((d) => d.id !== draftId) } : this.state.drafts;
      this.set({ drafts, session: open ? null : this.state.session });
      if (open) this.go({ screen: 'add' }, { replace: true });
      return true;
    } catch (err) {
      if (open) this.setSession({ discarding: { state: 'error', error: toApiError(err) } });
      return false;
    }
  };
}

/**
 * The explorer view after an accept: the new article's entities (created, linked, and those its accepted
 * facts and mentions touch), with the first new person selected, else the first new entity, else the article.
 */
export function explorerHashFor(result: AcceptResult, review: ReviewState): string {
  const created = result.createdEntities.map((c) => c.id);
  const linked = result.linkedEntities.map((c) => c.id);
  const existing = new Set<string>();
  for (const f of Object.values(review.facts)) {
    if (f.decision !== 'accept') continue;
    for (const ref of [f.from, f.to]) if (ref !== ARTICLE_REF && !review.entities[ref]) existing.add(ref);
  }
  const ids = [...new Set([...created, ...linked, ...existing, result.articleId])].slice(0, 300);
  const keyOf = new Map(result.createdEntities.map((c) => [c.id, c.key]));
  const person = created.find((id) => review.entities[keyOf.get(id) ?? '']?.label === 'Person' || id.startsWith('person-'));
  const selected = person ?? created[0] ?? result.articleId;
  return `nodes=${ids.map(encodeURIComponent).join(',')}&sel=${encodeURIComponent(selected)}`;
}
