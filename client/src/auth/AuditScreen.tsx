import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isAborted, toApiError } from '../api/client';
import type { ApiError } from '../api/types';
import { errorMessage } from '../i18n/errors';
import type { AUDIT_ACTIONS, AuditAction, AuditEntry } from '../../../contract/auth';
import { PageFrame } from './PageFrame';
import { auditDetail, formatDateTime } from './format';

/** Every action, in the contract's order (typed as its tuple, so a new action cannot be left untranslated). */
const ACTIONS: typeof AUDIT_ACTIONS = ['signin', 'signin.failed', 'signin.locked', 'signout', 'user.add', 'user.update', 'query.create', 'query.update', 'query.delete', 'ingest.draft', 'ingest.discard', 'ingest.accept'];

/** The key under `auth:audit.actions` of an action ("signin.failed" → "signinFailed"). */
export const actionKey = (a: AuditAction): string => a.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

const PAGE = 50;

type Load = { state: 'loading' } | { state: 'ready' } | { state: 'more' } | { state: 'error'; error: ApiError };

/**
 * The audit trail for admins (`#/audit`): who did what and when, newest first, fifty at a time ("Visa fler"),
 * narrowed by event or user, and the whole log as a CSV file.
 */
export default function AuditScreen() {
  const { t, i18n } = useTranslation('auth');
  const [action, setAction] = useState<AuditAction | ''>('');
  const [actor, setActor] = useState('');
  const [actorInput, setActorInput] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const countRef = useRef<HTMLParagraphElement>(null);

  const fetchPage = useCallback(
    async (before: string | null) => {
      setLoad({ state: before ? 'more' : 'loading' });
      try {
        const page = await api.audit({ limit: PAGE, before, action: action || null, actor: actor || null });
        setEntries((prev) => (before ? [...prev, ...page.entries] : page.entries));
        setNext(page.next);
        setLoad({ state: 'ready' });
        // "Visa fler" goes away after the last page: the focus moves to the line that says so, not to the page's top.
        if (before && !page.next) requestAnimationFrame(() => countRef.current?.focus());
      } catch (err) {
        if (!isAborted(err)) setLoad({ state: 'error', error: toApiError(err) });
      }
    },
    [action, actor],
  );
  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const filtered = action !== '' || actor !== '';
  const applyActor = (e: FormEvent) => {
    e.preventDefault();
    setActor(actorInput.trim());
  };

  return (
    <PageFrame title={t('audit.title')} intro={t('audit.intro')} testId="audit-page">
      <div className="audit-bar">
        <form className="audit-filters" onSubmit={applyActor} aria-label={t('audit.filters')}>
          <div className="field">
            <label htmlFor="audit-action" className="field-label">
              {t('audit.action')}
            </label>
            <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')} data-testid="audit-action">
              <option value="">{t('audit.allActions')}</option>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.actions.${actionKey(a)}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor" className="field-label">
              {t('audit.actor')}
            </label>
            <input id="audit-actor" type="search" value={actorInput} placeholder={t('audit.actorPlaceholder')} onChange={(e) => setActorInput(e.target.value)} autoComplete="off" spellCheck={false} data-testid="audit-actor" />
          </div>
          <button type="submit" data-testid="audit-apply">
            {t('audit.apply')}
          </button>
          {filtered && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setAction('');
                setActor('');
                setActorInput('');
              }}
              data-testid="audit-clear"
            >
              {t('audit.clear')}
            </button>
          )}
        </form>
        <a className="button-link" href="/api/audit.csv" download title={t('audit.downloadTitle')} data-testid="audit-csv">
          <span aria-hidden="true">↓</span> {t('audit.download')}
        </a>
      </div>

      {load.state === 'error' && (
        <p className="auth-alert" role="alert" data-testid="audit-error">
          {t('audit.failed', { message: errorMessage(load.error) })}{' '}
          <button type="button" className="link-button" onClick={() => void fetchPage(null)}>
            {t('page.retry')}
          </button>
        </p>
      )}
      {load.state === 'loading' && (
        <p className="muted" role="status">
          {t('audit.loading')}
        </p>
      )}
      {load.state !== 'loading' && load.state !== 'error' && entries.length === 0 && (
        <p className="auth-empty muted" data-testid="audit-empty">
          {filtered ? t('audit.emptyFiltered') : t('audit.empty')}
        </p>
      )}
      {entries.length > 0 && load.state !== 'loading' && (
        <>
          <div className="table-scroll">
            <table className="auth-table audit-table" data-testid="audit-table">
              <caption className="visually-hidden">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.at')}</th>
                  <th scope="col">{t('audit.col.actor')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.target')}</th>
                  <th scope="col">{t('audit.col.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="audit-at">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </td>
                    <td>
                      <span className="audit-actor">{e.actor}</span>
                      <ActorNote entry={e} />
                    </td>
                    <td>
                      <span className={`audit-action${e.action === 'signin.failed' || e.action === 'signin.locked' ? ' warn' : ''}`}>{t(`audit.actions.${actionKey(e.action)}`)}</span>
                    </td>
                    <td className="audit-target">{e.target}</td>
                    <td className="audit-detail">{auditDetail(e, i18n.language, (r) => t(`role.${r}`))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="auth-more">
            <p ref={countRef} tabIndex={-1} className="muted small" role="status" data-testid="audit-count">
              {t('audit.shown', { count: entries.length })} {!next && t('audit.end')}
            </p>
            {next && (
              <button type="button" onClick={() => void fetchPage(next)} disabled={load.state === 'more'} data-testid="audit-more">
                {load.state === 'more' ? t('audit.loadingMore') : t('audit.more')}
              </button>
            )}
          </div>
        </>
      )}
    </PageFrame>
  );
}

/**
 * Under the actor: their role at the time in the UI language, or who "cli" and "local" are; a failed sign-in
 * has no role (nobody was signed in).
 */
function ActorNote({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('auth');
  const note = ['viewer', 'analyst', 'curator', 'admin'].includes(entry.role)
    ? t(`role.${entry.role}`)
    : entry.role
      ? entry.role
      : entry.actor === 'cli'
        ? t('audit.actorCli')
        : entry.actor === 'local'
          ? t('audit.actorLocal')
          : entry.action.startsWith('signin')
            ? t('audit.noRole')
            : '';
  return note ? <span className="audit-role muted small">{note}</span> : null;
}
