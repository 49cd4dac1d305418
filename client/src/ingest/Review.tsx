import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { LoadingState } from '../components/LoadingState';
import { useTranslation } from 'react-i18next';
import { IsoDateInput } from '../components/IsoDateInput';
import { useExplorerStore } from '../explorer/useExplorer';
import { formatNumber } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { isIsoDate } from './addForm';
import { ArticleText } from './ArticleText';
import { FACT_TYPE_SPECS } from './model';
import { EntityCard, FactCard, MentionCard } from './ProposalCards';
import { focusedItem, itemId, items, progress, sameItem, type Item, type ReviewState } from './review';
import { navigate } from './route';
import { useIngest, useIngestStore } from './useIngest';

/** The review of one draft: the text with its proposals on the left, the proposals to decide on the right. */
export function Review({ draftId }: { draftId: string }) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const session = useIngest((s) => s.session);

  useEffect(() => {
    void store.openDraft(draftId);
  }, [store, draftId]);

  if (!session || session.draftId !== draftId || session.load.state === 'loading')
    return (
      <LoadingState as="main" className="ingest-page" testId="review-loading">
        {t('review.loading')}
      </LoadingState>
    );
  if (session.load.state === 'error' || !session.review)
    return (
      <main className="ingest-page" data-testid="review-error">
        <div className="error-box" role="alert">
          <p>{session.load.state === 'error' && session.load.error.status === 404 ? t('review.notFound') : t('review.failed')}</p>
          {session.load.state === 'error' && <p className="small">{errorMessage(session.load.error)}</p>}
          <a href="#/ingest">{t('review.toAdd')}</a>
        </div>
      </main>
    );
  return <ReviewScreen review={session.review} />;
}

function ReviewScreen({ review }: { review: ReviewState }) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const all = items(review);
  const focus = focusedItem(review);
  const [open, setOpen] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const onMention = useCallback(
    (index: number) => {
      const m = review.proposal.mentions[index];
      const target: Item | undefined = all.find((it) => (it.kind === 'mention' && it.index === index) || (it.kind === 'entity' && it.key === m?.newEntity?.key));
      if (target) store.dispatch({ type: 'focus', index: all.findIndex((it) => sameItem(it, target)) });
    },
    [all, review.proposal.mentions, store],
  );
  const onSelect = useCallback((span: { start: number; end: number } | null) => store.dispatch({ type: 'select', span }), [store]);

  // The focused card comes into view in the list.
  const focusId = focus ? itemId(focus) : '';
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-item="${focusId}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [focusId]);

  useReviewKeys(review, open, setOpen);

  const entityItems = all.filter((it) => it.kind === 'entity');
  const mentionItems = all.filter((it) => it.kind === 'mention');
  const factItems = all.filter((it) => it.kind === 'fact');
  const card = (it: Item) => {
    const props = { review, item: it, focused: sameItem(it, focus), open: open === itemId(it), onToggle: () => setOpen(open === itemId(it) ? null : itemId(it)), onFocus: () => store.dispatch({ type: 'focus', index: all.findIndex((x) => sameItem(x, it)) }) };
    if (it.kind === 'entity') return <EntityCard key={itemId(it)} {...props} item={it} />;
    if (it.kind === 'mention') return <MentionCard key={itemId(it)} {...props} item={it} />;
    return <FactCard key={itemId(it)} {...props} item={it} />;
  };

  return (
    <main className="ingest-page review-page" aria-labelledby="review-title" data-testid="review" data-draft-id={review.proposal.id}>
      <ReviewHeader review={review} />
      <div className="review-body">
        {/* Focusable so the text scrolls from the keyboard (Page Down, Space) as well. */}
        <section className="review-text" aria-label={t('review.textLabel')} tabIndex={0}>
          <TextLegend />
          <ArticleText review={review} onSelect={onSelect} onMention={onMention} />
        </section>
        <div className="review-side" ref={listRef}>
          <p className="shortcut-hint small" data-testid="review-shortcuts">
            <kbd>j</kbd>/<kbd>k</kbd> {t('keys.or')} <kbd>↓</kbd>/<kbd>↑</kbd> {t('keys.step')} · <kbd>a</kbd> {t('keys.accept')} · <kbd>r</kbd> {t('keys.reject')} · <kbd>Enter</kbd> {t('keys.open')} · <kbd>Esc</kbd> {t('keys.close')} · <kbd>e</kbd> {t('keys.evidence')}
          </p>
          {all.length === 0 && <p className="muted">{t('review.nothing')}</p>}
          {entityItems.length > 0 && (
            <section aria-labelledby="review-entities">
              <h3 id="review-entities">{t('review.entities', { count: entityItems.length, formatted: formatNumber(entityItems.length) })}</h3>
              <ul className="proposal-list">{entityItems.map(card)}</ul>
            </section>
          )}
          {mentionItems.length > 0 && (
            <section aria-labelledby="review-mentions">
              <h3 id="review-mentions">{t('review.mentions', { count: mentionItems.length, formatted: formatNumber(mentionItems.length) })}</h3>
              <ul className="proposal-list">{mentionItems.map(card)}</ul>
            </section>
          )}
          {factItems.length > 0 && (
            <section aria-labelledby="review-facts">
              <h3 id="review-facts">{t('review.facts', { count: factItems.length, formatted: formatNumber(factItems.length) })}</h3>
              <ul className="proposal-list">{factItems.map(card)}</ul>
            </section>
          )}
        </div>
      </div>
    </main>
  );
}

/** What the marks in the text mean, in words as well as in colour and line. */
function TextLegend() {
  const { t } = useTranslation('ingest');
  return (
    <p className="review-legend small" aria-label={t('legend.label')}>
      <span className="review-mention mention-proposed sample">{t('legend.proposed')}</span>
      <span className="review-mention mention-accepted mention-end sample" data-icon="✓">
        {t('legend.accepted')}
      </span>
      <span className="review-mention mention-rejected mention-end sample" data-icon="✕">
        {t('legend.rejected')}
      </span>
      <span className="evidence-run evidence-proposed sample">{t('legend.evidence')}</span>
      <span className="focus-run sample">{t('legend.focus')}</span>
    </p>
  );
}

/** Title, the article's own fields, progress, and the actions on the whole draft. */
function ReviewHeader({ review }: { review: ReviewState }) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const x = useExplorerStore();
  const session = useIngest((s) => s.session)!;
  const id = useId();
  const p = review.proposal;
  const prog = progress(review, FACT_TYPE_SPECS);
  const a = review.article;
  const dateOk = isIsoDate(a.published);
  const titleOk = a.title.trim().length > 0;
  const blocked = prog.problems.length > 0 || !dateOk || !titleOk;
  const undecided = prog.total - prog.decided;
  const accepting = session.accepting.state === 'running';
  const discardRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (session.discarding.state === 'confirm') discardRef.current?.focus();
  }, [session.discarding.state]);

  const accept = async () => {
    const result = await store.accept();
    if (result) x.refreshSources();
    if (result) x.notify(t('review.accepted', { title: a.title, entities: result.createdEntities.length, facts: result.facts.length }));
  };

  return (
    <header className="review-head">
      <div className="review-title-row">
        <a href="#/ingest" className="back-link" data-testid="review-back">
          {t('review.back')}
        </a>
        <h2 id="review-title" data-testid="review-title">
          {a.title || p.title}
        </h2>
        <span className="spacer" />
        <span className="review-progress small" data-testid="review-progress" role="status">
          {t('review.progress', { decided: prog.decided, total: prog.total })}
        </span>
      </div>
      <details className="article-fields" open={!dateOk || !titleOk ? true : undefined}>
        <summary>
          {t('review.articleFields')}: {[a.outlet, a.published].filter(Boolean).join(' · ') || t('review.noFields')}
          <span className="muted small"> · {t('review.extractor', { name: p.extractor })}</span>
        </summary>
        <div className="article-fields-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-title`}>
              {t('add.articleTitle')}
            </label>
            <input id={`${id}-title`} type="text" value={a.title} aria-invalid={!titleOk || undefined} onChange={(e) => store.dispatch({ type: 'setArticle', patch: { title: e.target.value } })} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-outlet`}>
              {t('add.outlet')}
            </label>
            <input id={`${id}-outlet`} type="text" value={a.outlet} onChange={(e) => store.dispatch({ type: 'setArticle', patch: { outlet: e.target.value } })} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-url`}>
              {t('add.url')}
            </label>
            <input id={`${id}-url`} type="url" value={a.url} onChange={(e) => store.dispatch({ type: 'setArticle', patch: { url: e.target.value } })} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-published`}>
              {t('add.published')}
            </label>
            <IsoDateInput id={`${id}-published`} value={a.published} invalid={!dateOk} onChange={(e) => store.dispatch({ type: 'setArticle', patch: { published: e.target.value } })} data-testid="review-published" />
            {p.publishedHint && a.published === p.publishedHint.date && <p className="muted small field-hint">{t('add.hintUsed', { quote: p.publishedHint.quote })}</p>}
          </div>
        </div>
      </details>
      {p.duplicates.length > 0 && !session.duplicatesSeen && (
        <div className="warn-box" role="alert" data-testid="review-duplicates">
          <p>
            <strong>{t('review.duplicatesTitle')}</strong> {t('review.duplicatesText')}
          </p>
          <ul>
            {p.duplicates.map((d) => (
              <li key={d.articleId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    navigate(null);
                    x.openArticle(d.articleId);
                  }}
                >
                  {d.title}
                </button>{' '}
                <span className="small">
                  ({d.published} · {t(`review.duplicateReason.${d.reason}`, { percent: Math.round(d.similarity * 100) })})
                </span>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" onClick={store.setDuplicatesSeen} data-testid="review-duplicates-seen">
              {t('review.duplicatesReview')}
            </button>
          </div>
        </div>
      )}
      <div className="review-actions">
        <button type="button" onClick={store.acceptConfident} disabled={accepting} data-testid="review-accept-confident" title={t('review.acceptConfidentHint')}>
          {t('review.acceptConfident')}
        </button>
        {session.discarding.state === 'confirm' || session.discarding.state === 'running' ? (
          <span className="confirm" role="group" aria-label={t('review.discard')}>
            {t('review.discardConfirm')}
            <button ref={discardRef} type="button" className="danger" onClick={() => void store.discard(p.id)} disabled={session.discarding.state === 'running'} data-testid="review-discard-yes">
              {t('review.discardYes')}
            </button>
            <button type="button" onClick={store.cancelDiscard}>
              {t('review.keep')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={store.askDiscard} data-testid="review-discard">
            {t('review.discard')}
          </button>
        )}
        <span className="spacer" />
        <span className="muted small accept-summary" id={`${id}-summary`}>
          {!titleOk
            ? t('review.needTitle')
            : !dateOk
              ? t('review.needDate')
              : prog.problems.length
                ? t('review.problems', { count: prog.problems.length })
                : undecided
                  ? t('review.undecided', { count: undecided })
                  : t('review.allDecided')}
        </span>
        <button type="button" className="primary" onClick={() => void accept()} disabled={blocked || accepting} aria-describedby={`${id}-summary`} data-testid="review-accept">
          {accepting ? (
            <>
              <span className="spinner" aria-hidden="true" /> {t('review.accepting')}
            </>
          ) : (
            t('review.accept')
          )}
        </button>
      </div>
      {session.accepting.state === 'error' && (
        <div className="error-box" role="alert" data-testid="review-accept-error">
          <p>{t('review.acceptFailed')}</p>
          <p className="small">{errorMessage(session.accepting.error)}</p>
        </div>
      )}
      {session.discarding.state === 'error' && (
        <div className="error-box" role="alert">
          <p>{t('review.discardFailed')}</p>
          <p className="small">{errorMessage(session.discarding.error)}</p>
        </div>
      )}
    </header>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** j/k or ↓/↑ step, a accepts, r rejects, Enter opens the focused card and Escape closes it, e uses the selected text as its evidence. */
function useReviewKeys(review: ReviewState, open: string | null, setOpen: (id: string | null) => void): void {
  const store = useIngestStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      // Buttons and links keep their own Enter.
      const onControl = (e.target as HTMLElement | null)?.closest?.('button, a, summary, [role=button]');
      const focus = focusedItem(review);
      const key = e.key;
      if (key === 'j' || key === 'ArrowDown') store.dispatch({ type: 'step', by: 1 });
      else if (key === 'k' || key === 'ArrowUp') store.dispatch({ type: 'step', by: -1 });
      else if (key === 'a' && focus) store.dispatch({ type: 'accept', item: focus });
      else if (key === 'r' && focus) store.dispatch({ type: 'reject', item: focus });
      else if (key === 'Enter' && focus && !onControl) setOpen(open === itemId(focus) ? null : itemId(focus));
      else if (key === 'e' && focus?.kind === 'fact' && review.selection) store.dispatch({ type: 'setEvidence', key: focus.key, span: review.selection, mode: 'replace' });
      else if (key === 'Escape' && open) setOpen(null);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [review, open, setOpen, store]);
}
