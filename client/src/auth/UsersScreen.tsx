import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isAborted, toApiError } from '../api/client';
import type { ApiError } from '../api/types';
import { errorMessage } from '../i18n/errors';
import type { Role, UpdateUserBody, UserSummary } from '../../../contract/auth';
import { PageFrame } from './PageFrame';
import { formatDateTime } from './format';
import { ROLE_ORDER } from './roles';
import { useAuth } from './store';
import { addUserBody, checkNewUser, checkPassword, MIN_PASSWORD, sortUsers, userStatus, type NewUser, type Problem } from './userForms';

type Load = { state: 'loading' } | { state: 'ready'; users: UserSummary[] } | { state: 'error'; error: ApiError };

/** What a successful change says in the page's status line. */
type Done = { key: 'added' | 'role' | 'disabled' | 'enabled' | 'unlocked' | 'password'; user: UserSummary };

/**
 * Where admins manage accounts (`#/users`): add a local account, change a role, disable and enable (enabling
 * also unlocks), set a new password. Single sign-on users get their role from the identity provider at each
 * sign-in, so only disabling and enabling is offered for them. `npm run user` does the same from a shell.
 */
export default function UsersScreen() {
  const { t } = useTranslation('auth');
  const auth = useAuth();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [done, setDone] = useState<Done | null>(null);
  const fetchUsers = async () => {
    setLoad({ state: 'loading' });
    try {
      const r = await api.users();
      setLoad({ state: 'ready', users: sortUsers(r.users) });
    } catch (err) {
      if (!isAborted(err)) setLoad({ state: 'error', error: toApiError(err) });
    }
  };
  useEffect(() => {
    void fetchUsers();
  }, []);

  /** Puts the server's answer in the table and says what changed. */
  const changed = (d: Done) => {
    setLoad((l) => (l.state === 'ready' ? { state: 'ready', users: sortUsers([...l.users.filter((u) => u.name !== d.user.name), d.user]) } : l));
    setDone(d);
  };
  const doneText = done ? t(`users.done.${done.key}`, { name: done.user.name, role: t(`role.${done.user.role}`) }) : '';

  return (
    <PageFrame title={t('users.title')} intro={t('users.intro')} testId="users-page">
      <p className="auth-cli muted">
        {t('users.cli')} <code className="mono">npm run user -- add anna --role analyst --display "Anna Berg"</code>
      </p>
      <AddUserForm onAdded={(user) => changed({ key: 'added', user })} onStart={() => setDone(null)} />
      {/* Always in the page, so screen readers announce what is put in it. */}
      <p className={`users-done${doneText ? ' shown' : ''}`} role="status" data-testid="users-status">
        {doneText}
      </p>
      {load.state === 'loading' && (
        <p className="muted" role="status">
          {t('users.loading')}
        </p>
      )}
      {load.state === 'error' && (
        <p className="auth-alert" role="alert">
          {t('users.failed', { message: errorMessage(load.error) })}{' '}
          <button type="button" className="link-button" onClick={() => void fetchUsers()}>
            {t('page.retry')}
          </button>
        </p>
      )}
      {load.state === 'ready' && load.users.length === 0 && <p className="auth-empty muted">{t('users.empty')}</p>}
      {load.state === 'ready' && load.users.length > 0 && (
        <div className="table-scroll">
          <table className="auth-table users-table" data-testid="users-table">
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.col.user')}</th>
                <th scope="col">{t('users.col.role')}</th>
                <th scope="col">{t('users.col.via')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.lastSignIn')}</th>
                <th scope="col">{t('users.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {load.users.map((u) => (
                <UserRow key={u.name} user={u} self={auth.user?.name === u.name} onChanged={changed} onStart={() => setDone(null)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageFrame>
  );
}

const COLUMNS = 6;

interface RowProps {
  user: UserSummary;
  /** The signed-in admin's own account. */
  self: boolean;
  onChanged: (d: Done) => void;
  onStart: () => void;
}

/** One account: its role (a select and "Spara" for local accounts), state, and what may be done to it. */
function UserRow({ user: u, self, onChanged, onStart }: RowProps) {
  const { t } = useTranslation('auth');
  const [role, setRole] = useState<Role>(u.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const roleSelect = useRef<HTMLSelectElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const passwordButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const errorId = useId();
  useEffect(() => setRole(u.role), [u.role]);
  const refocus = useRef<(() => HTMLElement | null) | null>(null);
  useEffect(() => {
    if (busy || !refocus.current) return;
    refocus.current()?.focus();
    refocus.current = null;
  }, [busy]);

  const status = userStatus(u);
  const local = u.via === 'local';

  const update = async (body: UpdateUserBody, key: Done['key'], focusAfter?: () => HTMLElement | null): Promise<boolean> => {
    setBusy(true);
    setError(null);
    onStart();
    try {
      const after = await api.updateUser(u.name, body);
      onChanged({ key, user: after });
      return true;
    } catch (err) {
      if (!isAborted(err)) setError(t('users.changeFailed', { name: u.name, message: errorMessage(toApiError(err)) }));
      return false;
    } finally {
      // The control was disabled while the change was under way; the keyboard user goes on from it once it is
      // enabled again (the effect below, after React has rendered).
      refocus.current = focusAfter ?? null;
      setBusy(false);
    }
  };

  const saveRole = (e: FormEvent) => {
    e.preventDefault();
    if (role === u.role) return;
    void update({ role }, 'role', () => roleSelect.current).then((ok) => {
      // Refused (the last admin, say): the select shows the role the account still has.
      if (!ok) setRole(u.role);
    });
  };

  return (
    <Fragment>
      <tr data-testid="user-row" data-name={u.name} data-status={status} data-role={u.role} className={status === 'active' ? undefined : `is-${status}`}>
        <td>
          <span className="user-display">{u.displayName}</span>
          {self && <span className="user-self">{t('users.you')}</span>}
          <span className="user-login mono">{u.name}</span>
        </td>
        <td>
          {local ? (
            <form className="user-role-form" onSubmit={saveRole}>
              <select
                ref={roleSelect}
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                aria-label={t('users.roleLabel', { name: u.name })}
                aria-describedby={error ? errorId : undefined}
                disabled={busy}
                data-testid="user-role"
              >
                {ROLE_ORDER.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={busy || role === u.role} aria-label={t('users.saveRoleLabel', { name: u.name })} data-testid="user-role-save">
                {t('users.saveRole')}
              </button>
            </form>
          ) : (
            <>
              <span className={`role-chip role-${u.role}`} data-testid="user-role-chip">
                {t(`role.${u.role}`)}
              </span>
              <span className="user-role-note muted">{t('users.roleFromIdp')}</span>
            </>
          )}
        </td>
        <td>{t(`users.via.${u.via}`)}</td>
        <td>
          <span className={`user-status ${status}`} data-testid="user-status">
            {t(`users.status.${status}`)}
          </span>
        </td>
        <td>{u.lastSignInAt ? <time dateTime={u.lastSignInAt}>{formatDateTime(u.lastSignInAt)}</time> : <span className="muted">{t('users.never')}</span>}</td>
        <td>
          <div className="user-actions">
            <button
              ref={toggleButton}
              type="button"
              className={u.disabled ? undefined : 'danger'}
              disabled={busy}
              aria-label={t(u.disabled ? 'users.enableLabel' : 'users.disableLabel', { name: u.name })}
              onClick={() => void update({ disabled: !u.disabled }, u.disabled ? 'enabled' : 'disabled', () => toggleButton.current)}
              data-testid="user-toggle"
            >
              {t(u.disabled ? 'users.enable' : 'users.disable')}
            </button>
            {status === 'locked' && (
              <button type="button" disabled={busy} aria-label={t('users.unlockLabel', { name: u.name })} onClick={() => void update({ disabled: false }, 'unlocked', () => toggleButton.current)} data-testid="user-unlock">
                {t('users.unlock')}
              </button>
            )}
            {local && (
              <button
                ref={passwordButton}
                type="button"
                disabled={busy}
                aria-expanded={passwordOpen}
                aria-controls={passwordOpen ? formId : undefined}
                aria-label={t('users.newPasswordLabel', { name: u.name })}
                onClick={() => {
                  setError(null);
                  setPasswordOpen((o) => !o);
                }}
                data-testid="user-password"
              >
                {t('users.newPassword')}
              </button>
            )}
          </div>
          {self && <p className="user-self-note muted">{t('users.selfNote')}</p>}
        </td>
      </tr>
      {passwordOpen && (
        <tr className="user-extra-row">
          <td colSpan={COLUMNS}>
            <PasswordForm
              id={formId}
              name={u.name}
              busy={busy}
              onCancel={() => {
                setPasswordOpen(false);
                requestAnimationFrame(() => passwordButton.current?.focus());
              }}
              onSave={async (password) => {
                const ok = await update({ password }, 'password', () => passwordButton.current);
                if (ok) setPasswordOpen(false);
              }}
            />
          </td>
        </tr>
      )}
      {error && (
        <tr className="user-extra-row">
          <td colSpan={COLUMNS}>
            <p className="auth-alert user-error" role="alert" id={errorId} data-testid="user-error">
              {error}
            </p>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

interface PasswordFormProps {
  id: string;
  name: string;
  busy: boolean;
  onCancel: () => void;
  onSave: (password: string) => Promise<void>;
}

/** A new password for a local account, typed twice; Escape cancels. */
function PasswordForm({ id, name, busy, onCancel, onSave }: PasswordFormProps) {
  const { t } = useTranslation('auth');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const first = useRef<HTMLInputElement>(null);
  const base = useId();
  useEffect(() => first.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkPassword(password, repeat);
    setProblems(found);
    if (found.length) {
      (found[0]!.field === 'repeat' ? document.getElementById(`${base}-repeat`) : first.current)?.focus();
      return;
    }
    void onSave(password);
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  const invalid = (f: Problem['field']) => problems.some((p) => p.field === f);

  return (
    <form id={id} className="user-password-form" onSubmit={submit} onKeyDown={escape} aria-label={t('users.passwordForm.legend', { name })} data-testid="user-password-form" noValidate>
      <p className="user-form-title">{t('users.passwordForm.legend', { name })}</p>
      <div className="user-fields">
        <div className="field">
          <label className="field-label" htmlFor={`${base}-password`}>
            {t('users.passwordForm.password')}
          </label>
          <input
            ref={first}
            id={`${base}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={invalid('password') || undefined}
            aria-describedby={`${base}-hint${problems.length ? ` ${base}-problems` : ''}`}
            data-testid="user-new-password"
          />
          <p className="field-hint muted" id={`${base}-hint`}>
            {t('users.passwordHint', { min: MIN_PASSWORD })}
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${base}-repeat`}>
            {t('users.passwordForm.repeat')}
          </label>
          <input
            id={`${base}-repeat`}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            aria-invalid={invalid('repeat') || undefined}
            aria-describedby={problems.length ? `${base}-problems` : undefined}
            data-testid="user-new-password-repeat"
          />
        </div>
        <div className="field user-form-buttons">
            {/* As high as a label, so the buttons line up with the fields. */}
            <span className="field-label" aria-hidden="true">
              &nbsp;
            </span>
          <button type="submit" className="primary" disabled={busy} data-testid="user-new-password-save">
            {busy ? t('users.saving') : t('users.passwordForm.save')}
          </button>
          <button type="button" onClick={onCancel} data-testid="user-new-password-cancel">
            {t('users.passwordForm.cancel')}
          </button>
        </div>
      </div>
      {problems.length > 0 && (
        <div className="auth-alert user-problems" role="alert" id={`${base}-problems`} data-testid="user-password-problems">
          {problems.map((p) => (
            <p key={p.key}>{t(`users.problem.${p.key}`, { min: MIN_PASSWORD })}</p>
          ))}
        </div>
      )}
    </form>
  );
}

const EMPTY: NewUser = { name: '', displayName: '', role: 'viewer', password: '', repeat: '' };

/** "Lägg till användare": name, display name, role, password twice; checked here first, then by the server. */
function AddUserForm({ onAdded, onStart }: { onAdded: (u: UserSummary) => void; onStart: () => void }) {
  const { t } = useTranslation('auth');
  const [form, setForm] = useState<NewUser>(EMPTY);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  const id = (f: Problem['field'] | 'role') => `${base}-${f}`;
  const set = (f: keyof NewUser) => (e: { target: { value: string } }) => setForm((prev) => ({ ...prev, [f]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onStart();
    setServerError(null);
    const found = checkNewUser(form);
    setProblems(found);
    if (found.length) {
      document.getElementById(id(found[0]!.field))?.focus();
      return;
    }
    setBusy(true);
    try {
      const user = await api.addUser(addUserBody(form));
      setForm(EMPTY);
      onAdded(user);
      document.getElementById(id('name'))?.focus();
    } catch (err) {
      if (isAborted(err)) return;
      const apiError = toApiError(err);
      const name = form.name.trim();
      setServerError(apiError.code === 'CONFLICT' ? t('users.add.conflict', { name }) : t('users.add.failed', { message: errorMessage(apiError) }));
      if (apiError.code === 'CONFLICT') document.getElementById(id('name'))?.focus();
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: Problem['field']) => problems.some((p) => p.field === f);
  const described = (f: Problem['field'], hint: boolean) => [hint ? `${id(f)}-hint` : '', invalid(f) || serverError ? `${base}-problems` : ''].filter(Boolean).join(' ') || undefined;
  const showProblems = problems.length > 0 || serverError !== null;

  return (
    <section className="user-add" aria-labelledby={`${base}-title`} data-testid="user-add">
      <h3 id={`${base}-title`} className="user-form-title">
        {t('users.add.title')}
      </h3>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="user-add-form">
        <div className="user-fields">
          <div className="field">
            <label className="field-label" htmlFor={id('name')}>
              {t('users.add.name')}
            </label>
            <input id={id('name')} type="text" value={form.name} onChange={set('name')} autoComplete="off" autoCapitalize="none" spellCheck={false} aria-invalid={invalid('name') || undefined} aria-describedby={described('name', true)} data-testid="user-add-name" />
            <p className="field-hint muted" id={`${id('name')}-hint`}>
              {t('users.add.nameHint')}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={id('displayName')}>
              {t('users.add.displayName')}
            </label>
            <input id={id('displayName')} type="text" value={form.displayName} onChange={set('displayName')} autoComplete="off" aria-invalid={invalid('displayName') || undefined} aria-describedby={described('displayName', true)} data-testid="user-add-display" />
            <p className="field-hint muted" id={`${id('displayName')}-hint`}>
              {t('users.add.displayNameHint')}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={id('role')}>
              {t('users.add.role')}
            </label>
            <select id={id('role')} value={form.role} onChange={set('role')} aria-describedby={`${id('role')}-hint`} data-testid="user-add-role">
              {ROLE_ORDER.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            <p className="field-hint muted" id={`${id('role')}-hint`}>
              {t(`roleHelp.${form.role}`)}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={id('password')}>
              {t('users.add.password')}
            </label>
            <input id={id('password')} type="password" value={form.password} onChange={set('password')} autoComplete="new-password" aria-invalid={invalid('password') || undefined} aria-describedby={described('password', true)} data-testid="user-add-password" />
            <p className="field-hint muted" id={`${id('password')}-hint`}>
              {t('users.passwordHint', { min: MIN_PASSWORD })}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={id('repeat')}>
              {t('users.add.repeat')}
            </label>
            <input id={id('repeat')} type="password" value={form.repeat} onChange={set('repeat')} autoComplete="new-password" aria-invalid={invalid('repeat') || undefined} aria-describedby={described('repeat', false)} data-testid="user-add-repeat" />
          </div>
          <div className="field user-form-buttons">
            {/* As high as a label, so the buttons line up with the fields. */}
            <span className="field-label" aria-hidden="true">
              &nbsp;
            </span>
            <button type="submit" className="primary" disabled={busy} data-testid="user-add-submit">
              {busy ? t('users.add.submitting') : t('users.add.submit')}
            </button>
          </div>
        </div>
        {showProblems && (
          <div className="auth-alert user-problems" role="alert" id={`${base}-problems`} data-testid="user-add-error">
            {problems.map((p) => (
              <p key={p.key}>{t(`users.problem.${p.key}`, { min: MIN_PASSWORD })}</p>
            ))}
            {serverError && <p>{serverError}</p>}
          </div>
        )}
      </form>
    </section>
  );
}
