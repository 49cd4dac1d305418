import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDateInput } from '../components/IsoDateInput';
import { useExplorerStore } from '../explorer/useExplorer';
import { formatDate, formatNumber } from '../i18n';
import { errorMessage } from '../i18n/errors';
import type { FormField } from './addForm';
import { navigate } from './route';
import { useIngest, useIngestStore } from './useIngest';

/** "Lägg till artikel": the text (pasted or from a file), what is known about it, and the drafts waiting for review. */
export function AddArticle() {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const form = useIngest((s) => s.form);
  const showProblems = useIngest((s) => s.showProblems);
  const submit = useIngest((s) => s.submit);
  const converting = useIngest((s) => s.converting);
  const problems = showProblems ? store.problems() : {};
  const running = submit.state === 'running';
  const fileRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    void store.loadDrafts();
    textRef.current?.focus();
  }, [store]);

  // After a refused send, the first field with a problem takes the focus.
  useEffect(() => {
    if (!showProblems) return;
    const first = (['text', 'title', 'outlet', 'url', 'published'] as FormField[]).find((f) => problems[f]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
    // Only when a send was refused, not on every keystroke.
  }, [showProblems, submit]);

  const fieldProps = (field: FormField) => ({
    id: `${id}-${field}`,
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby': problems[field] ? `${id}-${field}-problem` : undefined,
    disabled: running,
  });
  const problem = (field: FormField) =>
    problems[field] ? (
      <p className="field-problem" id={`${id}-${field}-problem`} data-testid={`ingest-problem-${field}`}>
        {t(`add.invalid.${problems[field]}`)}
      </p>
    ) : null;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    await store.loadFile({ name: file.name, content: await file.text() });
    if (fileRef.current) fileRef.current.value = '';
  };

  const chars = form.text.length;
  return (
    <main className="ingest-page" aria-labelledby={`${id}-title`} data-testid="ingest-add">
      <header className="ingest-head">
        <a href="#" className="back-link" onClick={(e) => (e.preventDefault(), navigate(null))} data-testid="ingest-back">
          {t('add.back')}
        </a>
        <h2 id={`${id}-title`}>{t('add.title')}</h2>
        <p className="muted">{t('add.intro')}</p>
      </header>
      <div className="ingest-add">
        <form
          className="ingest-form"
          noValidate
          aria-busy={running}
          onSubmit={(e) => {
            e.preventDefault();
            void store.submit();
          }}
        >
          <section className="ingest-source" aria-labelledby={`${id}-text-label`}>
            <div className="source-head">
              <label className="field-label" id={`${id}-text-label`} htmlFor={`${id}-text`}>
                {t('add.text')}
              </label>
              <span className="spacer" />
              <input ref={fileRef} type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" hidden onChange={(e) => void onFile(e.target.files?.[0])} data-testid="ingest-file" />
              <button type="button" onClick={() => fileRef.current?.click()} disabled={running || converting.state === 'running'} data-testid="ingest-file-button">
                {t('add.chooseFile')}
              </button>
            </div>
            <textarea
              ref={textRef}
              {...fieldProps('text')}
              className="ingest-text"
              value={form.text}
              spellCheck={false}
              placeholder={t('add.textPlaceholder')}
              onChange={(e) => store.setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void store.submit();
                }
              }}
              data-testid="ingest-text"
            />
            {problem('text')}
            <p className="muted small source-status" role="status">
              {converting.state === 'running' && (
                <>
                  <span className="spinner" aria-hidden="true" /> {t('add.converting')}
                </>
              )}
              {converting.state === 'idle' && form.fileName && t('add.fromFile', { name: form.fileName })}
              {converting.state === 'idle' && !form.fileName && chars > 0 && t('add.length', { count: chars, formatted: formatNumber(chars) })}
              {converting.state === 'idle' && !form.fileName && chars === 0 && t('add.textHint')}
            </p>
            {converting.state === 'refused' && (
              <p className="field-problem" role="alert" data-testid="ingest-file-problem">
                {t(`add.file.${converting.reason}`, { name: converting.fileName })}
              </p>
            )}
            {converting.state === 'error' && (
              <p className="field-problem" role="alert" data-testid="ingest-file-problem">
                {t('add.file.failed')} {errorMessage(converting.error)}
              </p>
            )}
          </section>

          <section className="ingest-meta" aria-label={t('add.about')}>
            <div className={`field${problems.title ? ' invalid' : ''}`}>
              <label className="field-label" htmlFor={`${id}-title`}>
                {t('add.articleTitle')}
              </label>
              <input type="text" {...fieldProps('title')} value={form.title} onChange={(e) => store.setField('title', e.target.value)} autoComplete="off" data-testid="ingest-title" />
              {problem('title')}
            </div>
            <div className={`field${problems.outlet ? ' invalid' : ''}`}>
              <label className="field-label" htmlFor={`${id}-outlet`}>
                {t('add.outlet')} <span className="optional">{t('add.optional')}</span>
              </label>
              <input type="text" {...fieldProps('outlet')} value={form.outlet} onChange={(e) => store.setField('outlet', e.target.value)} placeholder={t('add.outletPlaceholder')} data-testid="ingest-outlet" />
              {problem('outlet')}
            </div>
            <div className={`field${problems.url ? ' invalid' : ''}`}>
              <label className="field-label" htmlFor={`${id}-url`}>
                {t('add.url')} <span className="optional">{t('add.optional')}</span>
              </label>
              <input type="url" {...fieldProps('url')} value={form.url} onChange={(e) => store.setField('url', e.target.value)} placeholder="https://" inputMode="url" data-testid="ingest-url" />
              {problem('url')}
            </div>
            <div className={`field${problems.published ? ' invalid' : ''}`}>
              <label className="field-label" htmlFor={`${id}-published`}>
                {t('add.published')}
              </label>
              <IsoDateInput
                {...fieldProps('published')}
                invalid={!!problems.published}
                aria-describedby={[problems.published ? `${id}-published-problem` : '', `${id}-published-hint`].filter(Boolean).join(' ')}
                value={form.published}
                onChange={(e) => store.setField('published', e.target.value)}
                data-testid="ingest-published"
              />
              {problem('published')}
              <p className="muted small field-hint" id={`${id}-published-hint`} data-testid="ingest-published-hint">
                {form.hint && form.hintUsed && form.published === form.hint.date && t('add.hintUsed', { quote: form.hint.quote })}
                {form.hint && !(form.hintUsed && form.published === form.hint.date) && (
                  <>
                    {t('add.hintOther', { quote: form.hint.quote })}{' '}
                    <button type="button" className="link-button" onClick={() => store.setField('published', form.hint!.date)} disabled={running}>
                      {t('add.hintUse', { date: form.hint.date })}
                    </button>
                  </>
                )}
                {!form.hint && t('add.publishedHint')}
              </p>
            </div>
            <div className="ingest-submit">
              <button type="submit" className="primary" disabled={running} data-testid="ingest-submit">
                {running ? (
                  <>
                    <span className="spinner" aria-hidden="true" /> {t('add.running')}
                  </>
                ) : (
                  t('add.submit')
                )}
              </button>
              <span className="muted small">{t('add.submitKey')}</span>
            </div>
            <div role="status" aria-live="polite" className="visually-hidden">
              {running ? t('add.running') : ''}
            </div>
            <SubmitProblem />
          </section>
        </form>
        <Drafts />
      </div>
    </main>
  );
}

/** Why the last send failed: a duplicate (with a way to the article or draft) or any other error. */
function SubmitProblem() {
  const { t } = useTranslation('ingest');
  const x = useExplorerStore();
  const submit = useIngest((s) => s.submit);
  if (submit.state === 'duplicate')
    return (
      <div className="error-box" role="alert" data-testid="ingest-duplicate">
        <p>{submit.articleId ? t('add.duplicateArticle') : t('add.duplicateDraft')}</p>
        {submit.articleId && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              navigate(null);
              x.openArticle(submit.articleId!);
            }}
            data-testid="ingest-duplicate-open"
          >
            {t('add.openArticle')}
          </button>
        )}
        {submit.draftId && (
          <a href={`#/ingest/${encodeURIComponent(submit.draftId)}`} data-testid="ingest-duplicate-draft">
            {t('add.openDraft')}
          </a>
        )}
      </div>
    );
  if (submit.state === 'error')
    return (
      <div className="error-box" role="alert" data-testid="ingest-submit-error">
        <p>{t('add.failed')}</p>
        <p className="small">{errorMessage(submit.error)}</p>
      </div>
    );
  return null;
}

/** Unfinished reviews, to resume or discard. */
function Drafts() {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const drafts = useIngest((s) => s.drafts);
  const id = useId();
  return (
    <aside className="ingest-drafts" aria-labelledby={`${id}-drafts`} data-testid="ingest-drafts">
      <h3 id={`${id}-drafts`}>{t('drafts.title')}</h3>
      {drafts.state === 'loading' && (
        <p className="muted small" role="status">
          <span className="spinner" aria-hidden="true" /> {t('drafts.loading')}
        </p>
      )}
      {drafts.state === 'error' && (
        <div className="error-box" role="alert">
          <p>{t('drafts.failed')}</p>
          <p className="small">{errorMessage(drafts.error)}</p>
          <button type="button" onClick={() => void store.loadDrafts()}>
            {t('drafts.retry')}
          </button>
        </div>
      )}
      {drafts.state === 'ready' && drafts.data.length === 0 && <p className="muted small">{t('drafts.none')}</p>}
      {drafts.state === 'ready' && drafts.data.length > 0 && (
        <ul className="draft-list">
          {drafts.data.map((d) => (
            <li key={d.id} data-testid="ingest-draft" data-draft-id={d.id}>
              <a href={`#/ingest/${encodeURIComponent(d.id)}`} className="draft-title">
                {d.title}
              </a>
              <span className="muted small">
                {[d.outlet, d.published ? formatDate(d.published) : null].filter(Boolean).join(' · ')}
                {(d.outlet || d.published) && <br />}
                {t('drafts.counts', { mentions: formatNumber(d.mentions), facts: formatNumber(d.facts) })} · {t('drafts.created', { date: formatDate(d.createdAt.slice(0, 10)) })}
              </span>
              <DiscardButton draftId={d.id} title={d.title} />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function DiscardButton({ draftId, title }: { draftId: string; title: string }) {
  const { t } = useTranslation('ingest');
  const store = useIngestStore();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className="link-button small" onClick={() => setAsking(true)} aria-label={t('drafts.discardLabel', { title })}>
        {t('drafts.discard')}
      </button>
    );
  return (
    <span className="confirm small" role="group" aria-label={t('drafts.discardLabel', { title })}>
      {t('drafts.confirm')}
      <button ref={confirmRef} type="button" className="danger" onClick={() => void store.discard(draftId)}>
        {t('drafts.discardYes')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('drafts.keep')}
      </button>
    </span>
  );
}
