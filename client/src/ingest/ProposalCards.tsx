import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../components/SearchBox';
import { kindLabel, kindStyle, primaryKind, relationLabel, subkindLabel } from '../graph/kinds';
import { ENTITY_LABEL_CHOICES, FACT_TYPE_SPECS, kindsOf } from './model';
import { allowedTypes, endChoices, factProblem, itemId, itemMark, refLabel, refName, type Item, type ReviewMark, type ReviewState } from './review';
import { useIngestStore } from './useIngest';
import type { ProposalLabel } from '../../../contract/ingest';

interface CardProps<I extends Item> {
  review: ReviewState;
  item: I;
  focused: boolean;
  open: boolean;
  onToggle(): void;
  onFocus(): void;
}

const STATE_ICON: Record<ReviewMark, string> = { proposed: '○', accepted: '✓', rejected: '✕' };

/** A proposal's frame: state, headline, rule and confidence, the accept/reject pair, and its details when open. */
function Card({ item, review, focused, open, onToggle, onFocus, kind, headline, children, details, acceptLabel, acceptDisabled }: CardProps<Item> & { kind: string; headline: ReactNode; children?: ReactNode; details?: ReactNode; acceptLabel?: string; acceptDisabled?: boolean }) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const mark = itemMark(review, item);
  const id = itemId(item);
  const ref = useRef<HTMLLIElement>(null);
  const proposal = item.kind === 'entity' ? review.proposal.entities.find((e) => e.key === item.key) : item.kind === 'fact' ? review.proposal.facts.find((f) => f.key === item.key) : review.proposal.mentions[item.index];
  const confidence = proposal ? Math.round(proposal.confidence * 100) : null;
  return (
    <li
      ref={ref}
      className={`proposal proposal-${mark}${focused ? ' focused' : ''}`}
      style={{ borderLeftColor: kindStyle(kind).colour }}
      data-item={id}
      data-testid="proposal"
      data-kind={item.kind}
      data-key={item.kind === 'mention' ? String(item.index) : item.key}
      data-state={mark}
      data-type={item.kind === 'fact' ? review.facts[item.key]?.type : undefined}
      aria-current={focused ? 'true' : undefined}
      onFocusCapture={onFocus}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button, a, input, select, textarea, summary')) onFocus();
      }}
    >
      <div className="proposal-head">
        <span className={`state-icon state-${mark}`} role="img" aria-label={t(`state.${mark}`)} title={t(`state.${mark}`)}>
          {STATE_ICON[mark]}
        </span>
        <button type="button" className="proposal-title link-button" aria-expanded={open} onClick={onToggle} data-testid="proposal-open">
          {headline}
        </button>
      </div>
      <p className="proposal-meta small">
        {proposal && t('card.rule', { rule: proposal.rule })} {confidence !== null && <span className="confidence">· {t('card.confidence', { percent: confidence })}</span>}
      </p>
      {children}
      <div className="proposal-actions">
        <button type="button" onClick={() => store.dispatch({ type: 'accept', item })} disabled={acceptDisabled} aria-pressed={mark === 'accepted'} data-testid="proposal-accept">
          {acceptLabel ?? t('card.accept')}
        </button>
        <button type="button" onClick={() => store.dispatch({ type: 'reject', item })} aria-pressed={mark === 'rejected'} data-testid="proposal-reject">
          {t('card.reject')}
        </button>
        {mark !== 'proposed' && (
          <button type="button" className="link-button small" onClick={() => store.dispatch({ type: 'undecide', item })} data-testid="proposal-undo">
            {t('card.undo')}
          </button>
        )}
        {!open && details && (
          <button type="button" className="link-button small" onClick={onToggle} aria-expanded={false}>
            {t('card.more')}
          </button>
        )}
      </div>
      {open && details && <div className="proposal-details">{details}</div>}
    </li>
  );
}

/** A proposed new entity: create (renamed, re-kinded), link to an existing one, merge into another new one, or reject. */
export function EntityCard(props: CardProps<Extract<Item, { kind: 'entity' }>>) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const id = useId();
  const { review, item } = props;
  const e = review.entities[item.key]!;
  const orig = review.proposal.entities.find((x) => x.key === item.key)!;
  const d = e.decision;
  const label = refLabel(review, item.key) ?? e.label;
  const others = Object.values(review.entities).filter((o) => o.key !== e.key && o.decision.action !== 'reject' && o.decision.action !== 'merge');
  const count = review.proposal.mentions.filter((m) => m.newEntity?.key === item.key).length;
  const headline = (
    <>
      <span className="kind-badge" style={{ background: kindStyle(label).colour }}>
        {kindLabel(label)}
      </span>{' '}
      <span className="proposal-name">{d.action === 'link' ? d.name : e.name}</span>
      {e.title && <span className="muted"> · {e.title}</span>}
    </>
  );
  const outcome =
    d.action === 'link' ? t('entity.linkedTo', { name: d.name }) : d.action === 'merge' ? t('entity.mergedInto', { name: refName(review, d.into) }) : d.action === 'create' ? t('entity.willCreate') : d.action === 'reject' ? t('entity.rejected') : t('entity.new', { count, formatted: count });
  return (
    <Card
      {...props}
      kind={label}
      headline={headline}
      acceptLabel={d.action === 'link' || d.action === 'merge' ? t('entity.keep') : t('entity.create')}
      details={
        <>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-name`}>
              {t('entity.name')}
            </label>
            <input id={`${id}-name`} type="text" value={e.name} onChange={(ev) => store.dispatch({ type: 'editEntity', key: e.key, patch: { name: ev.target.value } })} data-testid="entity-name" />
          </div>
          <div className="field-row">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-label`}>
                {t('entity.label')}
              </label>
              <select
                id={`${id}-label`}
                value={e.label}
                onChange={(ev) => {
                  const next = ev.target.value as ProposalLabel;
                  const kinds = kindsOf(next);
                  store.dispatch({ type: 'editEntity', key: e.key, patch: { label: next, kind: kinds.includes(e.kind) ? e.kind : (kinds[0] ?? e.kind) } });
                }}
              >
                {ENTITY_LABEL_CHOICES.map((l) => (
                  <option key={l} value={l}>
                    {kindLabel(l)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-kind`}>
                {t('entity.kind')}
              </label>
              <select id={`${id}-kind`} value={e.kind} onChange={(ev) => store.dispatch({ type: 'editEntity', key: e.key, patch: { kind: ev.target.value } })}>
                {[...new Set([...kindsOf(e.label), e.kind])].map((k) => (
                  <option key={k} value={k}>
                    {subkindLabel(k)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {e.label === 'Role' && (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-title`}>
                {t('entity.title')}
              </label>
              <input id={`${id}-title`} type="text" value={e.title ?? ''} onChange={(ev) => store.dispatch({ type: 'editEntity', key: e.key, patch: { title: ev.target.value } })} />
            </div>
          )}
          <div className="field">
            <span className="field-label">{t('entity.linkExisting')}</span>
            <SearchBox
              label={t('entity.linkExisting')}
              placeholder={t('entity.searchPlaceholder')}
              testId={`link-search-${e.key}`}
              requestKey={`ingest-link-${e.key}`}
              initialValue={orig.name}
              onChoose={(hit) => store.dispatch({ type: 'linkEntity', key: e.key, entity: { id: hit.id, name: hit.name, label: primaryKind(hit.labels) } })}
            />
          </div>
          {others.length > 0 && (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-merge`}>
                {t('entity.merge')}
              </label>
              <select id={`${id}-merge`} value={d.action === 'merge' ? d.into : ''} onChange={(ev) => ev.target.value && store.dispatch({ type: 'mergeEntity', key: e.key, into: ev.target.value })}>
                <option value="">{t('entity.mergeNone')}</option>
                {others.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name} ({kindLabel(o.label)})
                  </option>
                ))}
              </select>
            </div>
          )}
        </>
      }
    >
      <p className="proposal-outcome small" data-testid="entity-outcome">
        {outcome}
      </p>
      {orig.maybeSameAs.length > 0 && d.action !== 'link' && (
        <div className="maybe-same small" data-testid="maybe-same">
          <span>{t('entity.maybeSame')}</span>
          {orig.maybeSameAs.slice(0, 3).map((c) => (
            <button
              key={c.id}
              type="button"
              className="candidate"
              onClick={() => store.dispatch({ type: 'linkEntity', key: e.key, entity: { id: c.id, name: c.name, label: c.label } })}
              title={t('entity.linkTo', { name: c.name })}
              data-testid="maybe-same-link"
              data-id={c.id}
            >
              <span className="kind-dot" style={{ background: kindStyle(c.label).colour }} aria-hidden="true" />
              {c.name} <span className="muted">({kindLabel(c.label)}, {Math.round(c.score * 100)} %)</span>
            </button>
          ))}
        </div>
      )}
    </Card>
  );
}

/** A mention the context did not settle: link it to one of its candidates (or reject it). */
export function MentionCard(props: CardProps<Extract<Item, { kind: 'mention' }>>) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const { review, item } = props;
  const m = review.proposal.mentions[item.index]!;
  const own = review.mentions[item.index];
  const label = m.ambiguous?.[0]?.label ?? 'Other';
  return (
    <Card {...props} kind={label} headline={<span className="proposal-name">«{m.surface}»</span>} acceptLabel={t('mention.best')} acceptDisabled={!m.ambiguous?.length}>
      <p className="proposal-outcome small">{own?.action === 'link' ? t('mention.linkedTo', { name: own.name }) : t('mention.ambiguous')}</p>
      <div className="maybe-same small">
        {(m.ambiguous ?? []).map((c) => (
          <button key={c.id} type="button" className="candidate" aria-pressed={own?.action === 'link' && own.to === c.id} onClick={() => store.dispatch({ type: 'linkMention', index: item.index, to: c.id, name: c.name, label: c.label })} data-testid="mention-candidate" data-id={c.id}>
            <span className="kind-dot" style={{ background: kindStyle(c.label).colour }} aria-hidden="true" />
            {c.name} <span className="muted">({kindLabel(c.label)})</span>
          </button>
        ))}
      </div>
    </Card>
  );
}

/** A proposed fact: accept or reject, and change its type, ends or evidence. */
export function FactCard(props: CardProps<Extract<Item, { kind: 'fact' }>>) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const id = useId();
  const { review, item, open } = props;
  const f = review.facts[item.key]!;
  const text = review.proposal.text;
  const fromLabel = refLabel(review, f.from);
  const toLabel = refLabel(review, f.to);
  const types = allowedTypes(FACT_TYPE_SPECS, fromLabel, toLabel);
  const typeChoices = types.includes(f.type) ? types : [f.type, ...types];
  const ends = endChoices(review);
  const problem = f.decision === 'accept' ? factProblem(review, f.key, FACT_TYPE_SPECS) : null;
  const selection = review.selection;
  const useSelectionRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open && selection) useSelectionRef.current?.focus();
  }, [open, selection]);
  const endSelect = (end: 'from' | 'to') => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${end}`}>
        {t(`fact.${end}`)}
      </label>
      <select id={`${id}-${end}`} value={f[end]} onChange={(ev) => store.dispatch({ type: 'setFactEnd', key: f.key, end, ref: ev.target.value })}>
        {!ends.some((c) => c.ref === f[end]) && <option value={f[end]}>{refName(review, f[end])}</option>}
        {ends.map((c) => (
          <option key={c.ref} value={c.ref}>
            {c.ref === 'article' ? t('fact.theArticle') : c.name} ({kindLabel(c.label || 'Other')})
          </option>
        ))}
      </select>
    </div>
  );
  const headline = (
    <>
      <span className="proposal-name">{f.from === 'article' ? t('fact.theArticle') : refName(review, f.from)}</span> <span className="relation-words">{relationLabel(f.type)}</span>{' '}
      <span className="proposal-name">{f.to === 'article' ? t('fact.theArticle') : refName(review, f.to)}</span>
    </>
  );
  return (
    <Card
      {...props}
      kind={fromLabel ?? 'Other'}
      headline={headline}
      details={
        <>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-type`}>
              {t('fact.type')}
            </label>
            <select id={`${id}-type`} value={f.type} onChange={(ev) => store.dispatch({ type: 'setFactType', key: f.key, factType: ev.target.value })} data-testid="fact-type">
              {typeChoices.map((ty) => (
                <option key={ty} value={ty}>
                  {relationLabel(ty)} ({ty})
                </option>
              ))}
            </select>
          </div>
          <div className="field-row">
            {endSelect('from')}
            {endSelect('to')}
          </div>
          <div className="evidence-tools">
            <p className="small muted">{selection ? t('fact.selection', { quote: shorten(text.slice(selection.start, selection.end)) }) : t('fact.selectHint')}</p>
            <div className="button-row">
              <button ref={useSelectionRef} type="button" disabled={!selection} onClick={() => selection && store.dispatch({ type: 'setEvidence', key: f.key, span: selection, mode: 'replace' })} data-testid="fact-use-selection">
                {t('fact.useSelection')}
              </button>
              <button type="button" disabled={!selection} onClick={() => selection && store.dispatch({ type: 'setEvidence', key: f.key, span: selection, mode: 'add' })}>
                {t('fact.addSelection')}
              </button>
            </div>
          </div>
        </>
      }
    >
      <ul className="fact-evidence">
        {f.evidence.map((ev, i) => (
          <li key={`${ev.start}-${ev.end}`}>
            <q>{text.slice(ev.start, ev.end)}</q>
            {open && f.evidence.length > 1 && (
              <button type="button" className="icon-button" onClick={() => store.dispatch({ type: 'removeEvidence', key: f.key, index: i })} aria-label={t('fact.removeEvidence')} title={t('fact.removeEvidence')}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p className="field-problem small" role="alert" data-testid="fact-problem">
          {t(`fact.problem.${problem}`)}
        </p>
      )}
    </Card>
  );
}

function shorten(s: string, max = 90): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
