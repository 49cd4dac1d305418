import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError } from '../api/client';
import type { ApiError, OwnedQuery, QueryParam, QueryParamType, QuerySummary, QueryVisibility, SchemaResponse } from '../api/types';
import { useAuth, type AuthView } from '../auth/store';
import type { Loadable } from '../components/DetailsPanel';
import { formatDate } from '../components/format';
import { errorMessage } from '../i18n/errors';
import { ParamForm } from './ParamForm';
import './workspace.css';
import { coerceParams, cypherParamNames, describeRunState, paramDescription, queryDescription, queryTitle, rawDefault, validQueryName, type RawValue, type RunState } from './queryState';

const CypherInput = lazy(() => import('./CypherInput'));

export interface QueryWorkspaceProps {
  queries: Loadable<QuerySummary[]>;
  reloadQueries(): Promise<void>;
  schema: SchemaResponse | null;
  openName: string | null;
  onOpen(name: string | null): void;
  raw: Record<string, RawValue>;
  onRaw(raw: Record<string, RawValue>): void;
  run: RunState;
  onRunNamed(q: QuerySummary, values: Record<string, unknown>): void;
  onRunCypher(cypher: string, values: Record<string, unknown>, types: Record<string, QueryParamType>): void;
}

/** A new query, one's own query changed, or someone else's (or a library) query copied to save under a new name. */
type Editing = { mode: 'new' } | { mode: 'edit'; query: OwnedQuery } | { mode: 'copy'; query: OwnedQuery };

/**
 * Whether the asker may change or delete a query: the server says so (`canEdit`, issue 14); a server that does
 * not say leaves saved queries to analysts, as before.
 */
function mayEdit(q: OwnedQuery, auth: AuthView): boolean {
  return q.source === 'saved' && auth.can('analyst') && (q.canEdit ?? true);
}

const EXAMPLE = 'MATCH (p:Person)-[r:HOLDS]->(role:Role)-[:AT]->(a:Actor)\nRETURN p, r, role, a\nLIMIT 50';

/**
 * Library and saved queries with typed parameter forms, and a Cypher editor for ad-hoc queries. Loaded on
 * demand (the default export is for `React.lazy`); titles, descriptions and messages follow the UI language.
 */
export function QueryWorkspace(props: QueryWorkspaceProps) {
  const { queries, openName, onOpen, raw, onRaw, run } = props;
  const { t, i18n } = useTranslation('query');
  const lng = i18n.language;
  const auth = useAuth();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const list: OwnedQuery[] = queries.state === 'ready' ? queries.data : [];
  const open = list.find((q) => q.name === openName) ?? null;
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    // Both languages are searched, so a query is found by the words of either.
    const text = (q: QuerySummary) => `${q.name} ${q.title} ${q.description} ${q.i18n?.en.title ?? ''} ${q.i18n?.en.description ?? ''}`.toLowerCase();
    return f ? list.filter((q) => text(q).includes(f)) : list;
  }, [list, filter]);
  const { values, errors } = useMemo(() => coerceParams(open?.params ?? [], raw), [open, raw, lng]);
  const [showErrors, setShowErrors] = useState(false);
  useEffect(() => setShowErrors(false), [openName]);

  if (editing) {
    return (
      <CypherWorkbench
        key={editing.mode === 'new' ? 'new' : `${editing.mode}:${editing.query.name}`}
        editing={editing}
        teamMode={auth.mode === 'signin'}
        schema={props.schema}
        run={run}
        onRun={props.onRunCypher}
        onDone={async (saved) => {
          setEditing(null);
          await props.reloadQueries();
          if (saved) onOpen(saved);
        }}
      />
    );
  }

  return (
    <div className="query-workspace" data-testid="query-workspace">
      <div className="workspace-actions">
        <label className="visually-hidden" htmlFor="query-filter">
          {t('workspace.filterLabel')}
        </label>
        <input id="query-filter" type="search" placeholder={t('workspace.filterPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="query-filter" />
        {/* Ad-hoc Cypher is for analysts and up (the server refuses the rest). */}
        {auth.can('analyst') && (
          <button type="button" onClick={() => setEditing({ mode: 'new' })} data-testid="new-cypher">
            {t('workspace.new')}
          </button>
        )}
      </div>
      {queries.state === 'loading' && (
        <p className="muted" role="status">
          {t('workspace.loading')}
        </p>
      )}
      {queries.state === 'error' && (
        <p className="error-text" role="alert">
          {t('workspace.loadFailed', { message: errorMessage(queries.error) })}{' '}
          <button type="button" className="link-button" onClick={() => void props.reloadQueries()}>
            {t('workspace.retry')}
          </button>
        </p>
      )}
      {queries.state === 'ready' && (
        <ul className="query-list" data-testid="query-list" aria-label={t('workspace.listLabel')}>
          {shown.length === 0 && <li className="muted">{t('workspace.noMatch')}</li>}
          {shown.map((q) => (
            <li key={q.name}>
              <button
                type="button"
                className={`query-item${q.name === openName ? ' active' : ''}`}
                aria-current={q.name === openName ? 'true' : undefined}
                onClick={() => {
                  onOpen(q.name);
                  onRaw(Object.fromEntries(q.params.map((p) => [p.name, rawDefault(p)])));
                }}
                data-testid="query-item"
                data-query-name={q.name}
              >
                <span className="query-title">{queryTitle(q)}</span>
                <span className={`source-badge ${badge(q)}`}>{t(`workspace.source.${badge(q)}`)}</span>
                <span className="query-desc" title={queryDescription(q)}>
                  {queryDescription(q)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form
          className="query-open"
          data-testid="query-open"
          onSubmit={(e) => {
            e.preventDefault();
            setShowErrors(true);
            if (Object.keys(errors).length === 0) props.onRunNamed(open, values);
          }}
        >
          <h3>{queryTitle(open)}</h3>
          <p className="small">{queryDescription(open)}</p>
          {open.updatedAt && <p className="muted small">{t('workspace.changed', { date: formatDate(open.updatedAt) })}</p>}
          {auth.mode === 'signin' && open.source === 'saved' && open.owner && (
            <p className="muted small" data-testid="query-owner">
              {open.owner === auth.user?.name ? t('workspace.ownerYou') : t('workspace.owner', { owner: open.owner })} · {open.visibility === 'shared' ? t('workspace.shared') : t('workspace.private')}
            </p>
          )}
          <ParamForm
            params={open.params}
            raw={{ ...Object.fromEntries(open.params.map((p) => [p.name, rawDefault(p)])), ...raw }}
            errors={showErrors ? errors : {}}
            onChange={(name, v) => onRaw({ ...raw, [name]: v })}
            describe={(p) => paramDescription(open, p)}
          />
          <details className="cypher-source">
            <summary>{t('workspace.showCypher')}</summary>
            <pre className="mono">{open.cypher}</pre>
          </details>
          <div className="button-row">
            <button type="submit" className="primary" disabled={run.status === 'running'} data-testid="query-run">
              {t('workspace.run')}
            </button>
            {mayEdit(open, auth) && (
              <>
                <button type="button" onClick={() => setEditing({ mode: 'edit', query: open })} data-testid="query-edit">
                  {t('workspace.edit')}
                </button>
                <DeleteButton query={open} onDeleted={async () => {
                  onOpen(null);
                  await props.reloadQueries();
                }} />
              </>
            )}
            {open.source === 'saved' && !mayEdit(open, auth) && auth.can('analyst') && (
              <button type="button" onClick={() => setEditing({ mode: 'copy', query: open })} title={t('workspace.copyTitle')} data-testid="query-copy">
                {t('workspace.copy')}
              </button>
            )}
          </div>
        </form>
      )}
      <RunStatusLine run={run} />
    </div>
  );
}

/** The list's badge: library, a shared saved query, or one's own saved query. */
function badge(q: OwnedQuery): 'library' | 'saved' | 'shared' {
  return q.source === 'saved' && q.visibility === 'shared' ? 'shared' : q.source;
}

function DeleteButton({ query, onDeleted }: { query: QuerySummary; onDeleted(): Promise<void> }) {
  const { t } = useTranslation('query');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!confirming)
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="query-delete">
        {t('workspace.delete')}
      </button>
    );
  return (
    <span className="confirm">
      {t('workspace.deleteConfirm', { title: queryTitle(query) })}{' '}
      <button
        type="button"
        className="danger"
        data-testid="query-delete-confirm"
        onClick={async () => {
          try {
            await api.deleteQuery(query.name);
            await onDeleted();
          } catch (err) {
            setError(toApiError(err));
          }
        }}
      >
        {t('workspace.deleteYes')}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {t('workspace.cancel')}
      </button>
      {error && (
        <span className="error-text" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </span>
  );
}

/** One line that says what the last run did; the rows themselves show under the graph. */
export function RunStatusLine({ run }: { run: RunState }) {
  // Subscribes to the language, so the sentence follows a switch.
  useTranslation('query');
  if (run.status === 'idle') return null;
  const bad = run.status === 'error' || run.status === 'refused' || run.status === 'timeout';
  return (
    <p className={`run-status ${run.status}${bad ? ' error-text' : ''}`} role={bad ? 'alert' : 'status'} data-testid="run-status" data-status={run.status}>
      {describeRunState(run)}
    </p>
  );
}

interface WorkbenchProps {
  editing: Editing;
  /** Signed-in use: a saved query may be shared with the team. */
  teamMode: boolean;
  schema: SchemaResponse | null;
  run: RunState;
  onRun(cypher: string, values: Record<string, unknown>, types: Record<string, QueryParamType>): void;
  onDone(saved: string | null): Promise<void>;
}

/** Ad-hoc Cypher: edit, run read-only, save as a named query (private or shared), update one's own, or copy another's. */
function CypherWorkbench({ editing, teamMode, schema, run, onRun, onDone }: WorkbenchProps) {
  const { t } = useTranslation('query');
  const initial = editing.mode === 'new' ? null : editing.query;
  const editingOwn = editing.mode === 'edit';
  const [cypher, setCypher] = useState(initial?.cypher ?? EXAMPLE);
  const [types, setTypes] = useState<Record<string, QueryParamType>>(() => Object.fromEntries((initial?.params ?? []).map((p) => [p.name, p.type])));
  const [raw, setRaw] = useState<Record<string, RawValue>>(() => Object.fromEntries((initial?.params ?? []).map((p) => [p.name, rawDefault(p)])));
  const [name, setName] = useState(editingOwn ? (initial?.name ?? '') : '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [shared, setShared] = useState(editingOwn && initial?.visibility === 'shared');
  const [saveState, setSaveState] = useState<{ state: 'idle' | 'saving' } | { state: 'error'; message: string }>({ state: 'idle' });
  const [showErrors, setShowErrors] = useState(false);

  const params: QueryParam[] = cypherParamNames(cypher).map((n) => ({ name: n, type: types[n] ?? 'string' }));
  const { values, errors } = coerceParams(params, raw);
  const valid = Object.keys(errors).length === 0;
  const doRun = () => {
    setShowErrors(true);
    if (valid && cypher.trim()) onRun(cypher, values, Object.fromEntries(params.map((p) => [p.name, p.type])));
  };

  const save = async () => {
    if (!validQueryName(name)) {
      setSaveState({ state: 'error', message: t('workbench.badName') });
      return;
    }
    if (!description.trim()) {
      setSaveState({ state: 'error', message: t('workbench.noDescription') });
      return;
    }
    setSaveState({ state: 'saving' });
    const withDefaults: QueryParam[] = params.map((p) => (values[p.name] === undefined ? p : { ...p, default: values[p.name] as QueryParam['default'] }));
    // Sent when it says something: shared, or a change back to private (the server's default is private).
    const visibility: { visibility?: QueryVisibility } = teamMode && (shared || initial?.visibility === 'shared') ? { visibility: shared ? 'shared' : 'private' } : {};
    try {
      if (editing.mode === 'edit') await api.updateQuery(editing.query.name, { title: title || undefined, description, cypher, params: withDefaults, ...visibility });
      else await api.saveQuery({ name, title: title || undefined, description, cypher, params: withDefaults, ...(teamMode && shared ? { visibility: 'shared' as const } : {}) });
      await onDone(editing.mode === 'edit' ? editing.query.name : name);
    } catch (err) {
      setSaveState({ state: 'error', message: errorMessage(toApiError(err)) });
    }
  };

  return (
    <div className="query-workspace workbench" data-testid="cypher-workbench">
      <div className="workspace-actions">
        <button type="button" className="link-button" onClick={() => void onDone(null)} data-testid="workbench-back">
          {t('workbench.back')}
        </button>
        <span className="muted small">
          {editing.mode === 'edit' ? t('workbench.editing', { title: queryTitle(editing.query) }) : editing.mode === 'copy' ? t('workbench.copying', { title: queryTitle(editing.query) }) : t('workbench.newQuery')}
        </span>
      </div>
      <Suspense
        fallback={
          <p className="muted" role="status">
            {t('workbench.loadingEditor')}
          </p>
        }
      >
        <CypherInput initialValue={initial?.cypher ?? EXAMPLE} onChange={setCypher} schema={schema} onRun={doRun} label={t('workbench.editorLabel')} />
      </Suspense>
      <p className="muted small">{t('workbench.hint')}</p>
      {params.length > 0 && (
        <ParamForm params={params} raw={raw} errors={showErrors ? errors : {}} onChange={(n, v) => setRaw({ ...raw, [n]: v })} onTypeChange={(n, t) => setTypes({ ...types, [n]: t })} />
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={doRun} disabled={run.status === 'running' || !cypher.trim()} data-testid="cypher-run">
          {t('workspace.run')}
        </button>
      </div>
      <RunStatusLine run={run} />
      <details className="save-form" open={editing.mode !== 'new'}>
        <summary>{editing.mode === 'edit' ? t('workbench.saveChanges') : t('workbench.saveAsNew')}</summary>
        <div className="field">
          <label htmlFor="save-name" className="field-label">
            {t('workbench.name')}
          </label>
          <input id="save-name" value={name} onChange={(e) => setName(e.target.value)} disabled={editing.mode === 'edit'} className="mono" data-testid="save-name" />
        </div>
        <div className="field">
          <label htmlFor="save-title" className="field-label">
            {t('workbench.title')}
          </label>
          <input id="save-title" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="save-title" />
        </div>
        <div className="field">
          <label htmlFor="save-description" className="field-label">
            {t('workbench.description')}
          </label>
          <textarea id="save-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={2} data-testid="save-description" />
        </div>
        {teamMode && (
          <div className="field share-field">
            <label className="inline">
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} aria-describedby="save-share-hint" data-testid="save-shared" />
              {t('workbench.share')}
            </label>
            <p id="save-share-hint" className="muted small">
              {t('workbench.shareHint')}
            </p>
          </div>
        )}
        <button type="button" onClick={() => void save()} disabled={saveState.state === 'saving'} data-testid="save-query">
          {saveState.state === 'saving' ? t('workbench.saving') : editing.mode === 'edit' ? t('workbench.saveChanges') : t('workbench.save')}
        </button>
        {saveState.state === 'error' && (
          <p className="error-text" role="alert">
            {saveState.message}
          </p>
        )}
      </details>
    </div>
  );
}

export default QueryWorkspace;
