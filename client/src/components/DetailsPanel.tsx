import { useMemo, useState } from 'react';
import { LoadingState } from './LoadingState';
import { useTranslation } from 'react-i18next';
import type { ApiError, Evidence, NodeDetails, NodeFact } from '../api/types';
import { displayName } from '../graph/elements';
import { kindLabel, kindStyle, primaryKind, relationLabel, subkindLabel, subkindRepeatsKind } from '../graph/kinds';
import { formatDate, formatNumber } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { EvidenceList } from './EvidenceList';
import { formatPeriod } from './format';
import { PropertyList } from './PropertyList';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

export interface ExpansionInfo {
  nodeId: string;
  types: string[];
  total: number;
  loaded: number;
  hasMore: boolean;
  loading: boolean;
  /** Relationships to the loaded neighbours not drawn (the API brings at most 10 per neighbour). */
  leftOut: number;
}

interface Props {
  details: Loadable<NodeDetails>;
  pinned: boolean;
  inView: boolean;
  expansion: ExpansionInfo | null;
  onExpand(types: string[]): void;
  onMore(): void;
  onHide(): void;
  onPin(): void;
  onRemove(): void;
  onAdd(): void;
  onGoTo(id: string): void;
  onOpenEvidence(e: Evidence): void;
  onOpenArticle(articleId: string): void;
  onPathFrom(): void;
  onPathTo(): void;
  onClose(): void;
}

/** Hidden in the panel: shown elsewhere (names, kind) or internal to the search index. */
const SKIP_PROPERTIES = new Set(['id', 'name', 'aliases', 'searchText', 'kind', 'description', 'text']);

/** Everything known about one node: names over time, kind, properties, roles, facts with their evidence, mentions. */
export function DetailsPanel(props: Props) {
  const { details } = props;
  const { t } = useTranslation('components');
  if (details.state === 'loading')
    return (
      <LoadingState className="panel-body panel-state" testId="details-loading">
        {t('details.loading')}
      </LoadingState>
    );
  if (details.state === 'error')
    return (
      <section className="panel-body panel-state" data-testid="details-error">
        <header className="details-header">
          <span className="spacer" />
          <CloseButton onClose={props.onClose} />
        </header>
        <div className="error-box" role="alert">
          {details.error.status === 404 ? (
            <p>{t('details.notFound')}</p>
          ) : (
            <>
              <p>{t('details.loadFailed')}</p>
              <p className="small">{errorMessage(details.error)}</p>
            </>
          )}
        </div>
      </section>
    );
  return <NodeDetailsView {...props} data={details.data} />;
}

function CloseButton({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('components');
  return (
    <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.closePanel')} title={t('common.closeHint')}>
      ×
    </button>
  );
}

/**
 * The short form of the name shown (SKL beside Sveriges Kommuner och Landsting): the one the name history gives
 * for that name, else the only all-caps alias (DIGG); none when there is no such form.
 */
function shortFormOf(data: NodeDetails, name: string): string | null {
  const entry = data.nameHistory.find((n) => n.value === name);
  if (entry) return entry.short && entry.short !== name ? entry.short : null;
  const aliases = Array.isArray(data.node.properties.aliases) ? data.node.properties.aliases.filter((a): a is string => typeof a === 'string') : [];
  const caps = aliases.filter((a) => /^[A-ZÅÄÖ]{2,6}$/.test(a));
  return caps.length === 1 && caps[0] !== name ? caps[0]! : null;
}

function NodeDetailsView({ data, pinned, inView, expansion, onExpand, onMore, onHide, onPin, onRemove, onAdd, onGoTo, onOpenEvidence, onOpenArticle, onPathFrom, onPathTo, onClose }: Props & { data: NodeDetails }) {
  const { t, i18n } = useTranslation('components');
  const node = data.node;
  const kind = primaryKind(node.labels);
  const style = kindStyle(kind);
  const subkind = typeof node.properties.kind === 'string' && !subkindRepeatsKind(kind, node.properties.kind) ? node.properties.kind : null;
  const name = displayName(node);
  const short = shortFormOf(data, name);
  const [type, setType] = useState('');
  const typeCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const d of data.degree) m.set(d.type, (m.get(d.type) ?? 0) + d.count);
    return m;
  }, [data.degree]);
  // Sorted by the words the user reads, so the order follows the language.
  const types = useMemo(() => [...typeCounts.keys()].sort((a, b) => relationLabel(a).localeCompare(relationLabel(b), i18n.language)), [typeCounts, i18n.language]);
  const degreeTotal = data.degree.reduce((s, d) => s + d.count, 0);
  const grouped = useMemo(() => {
    const m = new Map<string, { type: string; direction: NodeFact['direction']; facts: NodeFact[] }>();
    for (const f of data.facts) {
      const key = `${f.direction}:${f.edge.type}`;
      const group = m.get(key) ?? { type: f.edge.type, direction: f.direction, facts: [] };
      group.facts.push(f);
      m.set(key, group);
    }
    return [...m.values()].sort((a, b) => (a.direction === b.direction ? relationLabel(a.type).localeCompare(relationLabel(b.type), i18n.language) : a.direction === 'out' ? -1 : 1));
  }, [data.facts, i18n.language]);
  const description = typeof node.properties.description === 'string' ? node.properties.description : null;
  const properties = Object.entries(node.properties).filter(([k]) => !SKIP_PROPERTIES.has(k));
  const expandedHere = expansion && expansion.nodeId === node.id ? expansion : null;
  const otherNames = data.names.filter((n) => n !== name && n !== short);

  return (
    <section className="panel-body details-body" data-testid="details-panel" data-node-id={node.id} aria-labelledby="details-title">
      <header className="details-header">
        <span className="kind-badge" style={{ background: style.colour }} data-testid="details-kind">
          {subkind ? t('details.kindAndSubkind', { kind: kindLabel(kind), subkind: subkindLabel(subkind) }) : kindLabel(kind)}
        </span>
        <CloseButton onClose={onClose} />
      </header>
      <h2 id="details-title" className="details-title">
        <span data-testid="details-name">{name}</span>
        {short && (
          <>
            {' '}
            <abbr className="short-name" title={name} data-testid="details-short-name">
              {short}
            </abbr>
          </>
        )}
      </h2>
      {otherNames.length > 0 && (
        <p className="aliases" data-testid="details-aliases">
          {t('details.alsoKnownAs', { names: otherNames.join(' · ') })}
        </p>
      )}
      {data.nameHistory.length > 0 && (
        <div className="section">
          <h3>{t('details.nameHistory')}</h3>
          <ol className="name-history" data-testid="name-history">
            {data.nameHistory.map((n) => (
              <li key={`${n.value}-${n.validFrom}`} aria-current={n.value === name ? 'true' : undefined}>
                <strong>{n.short ?? n.value}</strong> {n.short && <span>{n.value}</span>} <span className="muted">{formatPeriod(n.validFrom, n.validTo)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {description && <p className="description">{description}</p>}

      <div className="button-row" role="group" aria-label={t('details.actions')}>
        {inView ? (
          <button type="button" onClick={() => onExpand(type ? [type] : [])} data-testid="expand-button" disabled={expandedHere?.loading}>
            {t('details.expand')}
          </button>
        ) : (
          <button type="button" onClick={onAdd} data-testid="add-button">
            {t('details.add')}
          </button>
        )}
        <label className="visually-hidden" htmlFor="expand-type">
          {t('details.expandType')}
        </label>
        <select id="expand-type" value={type} onChange={(e) => setType(e.target.value)} data-testid="expand-type">
          <option value="">{t('details.allRelations', { count: degreeTotal, formatted: formatNumber(degreeTotal) })}</option>
          {types.map((ty) => (
            <option key={ty} value={ty}>
              {t('details.relationOption', { label: relationLabel(ty), formatted: formatNumber(typeCounts.get(ty) ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      {expandedHere && (
        <p className="expansion-status" data-testid="expansion-status" role="status">
          {expandedHere.loading
            ? t('details.loadingNeighbours')
            : t('details.showingNeighbours', { count: expandedHere.total, total: formatNumber(expandedHere.total), loaded: formatNumber(expandedHere.loaded) })}
          {!expandedHere.loading && expandedHere.leftOut > 0 && ` ${t('details.leftOut', { count: expandedHere.leftOut, formatted: formatNumber(expandedHere.leftOut) })}`}
          {expandedHere.hasMore && !expandedHere.loading && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={onMore} data-testid="expand-more">
                {t('details.loadMore', { count: expandedHere.total - expandedHere.loaded, formatted: formatNumber(expandedHere.total - expandedHere.loaded) })}
              </button>
            </>
          )}
        </p>
      )}
      <div className="button-row secondary" role="group" aria-label={t('details.view')}>
        <button type="button" onClick={onPin} disabled={!inView} aria-pressed={pinned} data-testid="pin-button">
          {pinned ? t('details.unpin') : t('details.pin')}
        </button>
        <button type="button" onClick={onHide} disabled={!inView} data-testid="hide-button">
          {t('details.hide')}
        </button>
        <button type="button" onClick={onRemove} disabled={!inView} data-testid="remove-button">
          {t('details.remove')}
        </button>
        <button type="button" onClick={onPathFrom} data-testid="path-from-button" title={t('details.pathFromHint')}>
          {t('details.pathFrom')}
        </button>
        <button type="button" onClick={onPathTo} data-testid="path-to-button" title={t('details.pathToHint')}>
          {t('details.pathTo')}
        </button>
      </div>

      {data.roles.length > 0 && (
        <div className="section">
          <h3>{t('details.roles')}</h3>
          <Shown shown={data.roles.length} total={data.totals.roles} what="roles" />
          <ul className="roles" data-testid="roles">
            {data.roles.map((r) => (
              <li key={r.roleId}>
                <div>
                  <button type="button" className="link-button" onClick={() => onGoTo(r.roleId)}>
                    {r.title}
                  </button>
                  {r.organisation && (
                    <>
                      {` ${t('details.roleAt')} `}
                      <button type="button" className="link-button" onClick={() => onGoTo(r.organisation!.id)}>
                        {r.organisation.name}
                      </button>
                    </>
                  )}
                  {r.person && r.person.id !== node.id && (
                    <>
                      {' – '}
                      <button type="button" className="link-button" onClick={() => onGoTo(r.person!.id)}>
                        {r.person.name}
                      </button>
                    </>
                  )}
                  <span className="muted"> {formatPeriod(r.validFrom, r.validTo)}</span>
                </div>
                <EvidenceList evidence={r.evidence} onOpen={onOpenEvidence} />
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="section">
        <h3>{t('details.facts', { count: data.totals.facts, formatted: formatNumber(data.totals.facts) })}</h3>
        {data.facts.length === 0 && <p className="muted">{t('details.noFacts')}</p>}
        <Shown shown={data.facts.length} total={data.totals.facts} what="facts" hint={t('details.factsHint')} />
        {grouped.map(({ type: factType, direction, facts }) => (
          <div key={`${direction}:${factType}`} className="fact-group" data-testid="fact-group" data-type={factType} data-direction={direction}>
            <h4 title={factType}>
              <span aria-hidden="true">{direction === 'out' ? '→' : '←'}</span>
              <span className="visually-hidden">{direction === 'out' ? t('common.outgoing') : t('common.incoming')}: </span> {relationLabel(factType)}{' '}
              <span className="muted small">({formatNumber(facts.length)})</span>
            </h4>
            <ul className="facts">
              {facts.map((f) => (
                <li key={`${f.edge.id}-${f.direction}`} data-testid="fact" data-fact-id={f.edge.id}>
                  <button type="button" className="link-button fact-other" onClick={() => onGoTo(f.other.id)}>
                    {displayName(f.other)}
                  </button>
                  <span className="muted small"> {kindLabel(primaryKind(f.other.labels))}</span>
                  {Boolean(f.edge.properties.validFrom || f.edge.properties.validTo) && (
                    <span className="muted small"> · {formatPeriod(f.edge.properties.validFrom as string, f.edge.properties.validTo as string)}</span>
                  )}
                  <EvidenceList evidence={f.evidence} onOpen={onOpenEvidence} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>

      <PropertyList entries={properties} />

      {data.mentionedIn.length > 0 && (
        <div className="section">
          <h3>{t('details.mentionedIn')}</h3>
          <Shown shown={data.mentionedIn.length} total={data.totals.mentionedIn} what="articles" hint={t('details.articlesHint')} />
          <ul className="mentioned-in">
            {data.mentionedIn.map((m) => (
              <li key={m.articleId}>
                <button type="button" className="link-button" onClick={() => onOpenArticle(m.articleId)}>
                  {m.title}
                </button>
                <span className="muted small">
                  {' '}
                  {m.outlet ? `${m.outlet} · ` : ''}
                  <time dateTime={m.published}>{formatDate(m.published)}</time> · {t('common.times', { count: m.count })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Says that a list stops short of all there is (a hub has thousands of facts), and what to do about it. */
function Shown({ shown, total, what, hint }: { shown: number; total: number; what: 'roles' | 'facts' | 'articles'; hint?: string }) {
  const { t } = useTranslation('components');
  if (shown >= total) return null;
  return (
    <p className="muted small" data-testid="list-capped">
      {t(`details.capped.${what}`, { count: total, shown: formatNumber(shown), formatted: formatNumber(total) })}
      {hint ? ` ${hint}` : ''}
    </p>
  );
}
