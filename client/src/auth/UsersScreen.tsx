import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isAborted, toApiError } from '../api/client';
import type { ApiError } from '../api/types';
import { errorMessage } from '../i18n/errors';
import type { UserSummary } from '../../../contract/auth';
import { PageFrame } from './PageFrame';
import { formatDateTime } from './format';

type Load = { state: 'loading' } | { state: 'ready'; users: UserSummary[] } | { state: 'error'; error: ApiError };

/** Every account with its role and state, for admins (`#/users`); accounts are managed with `npm run user`. */
export default function UsersScreen() {
  const { t } = useTranslation('auth');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const fetchUsers = async () => {
    setLoad({ state: 'loading' });
    try {
      const r = await api.users();
      setLoad({ state: 'ready', users: [...r.users].sort((a, b) => a.name.localeCompare(b.name, 'sv')) });
    } catch (err) {
      if (!isAborted(err)) setLoad({ state: 'error', error: toApiError(err) });
    }
  };
  useEffect(() => {
    void fetchUsers();
  }, []);

  return (
    <PageFrame title={t('users.title')} intro={t('users.intro')} testId="users-page">
      <p className="auth-cli muted">
        {t('users.cli')} <code className="mono">npm run user -- add anna --role analyst --display "Anna Berg"</code>
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
                <th scope="col">{t('users.col.name')}</th>
                <th scope="col">{t('users.col.displayName')}</th>
                <th scope="col">{t('users.col.role')}</th>
                <th scope="col">{t('users.col.via')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.lastSignIn')}</th>
              </tr>
            </thead>
            <tbody>
              {load.users.map((u) => {
                const status = u.disabled ? 'disabled' : u.locked ? 'locked' : 'active';
                return (
                  <tr key={u.name} data-testid="user-row" data-name={u.name}>
                    <td className="mono">{u.name}</td>
                    <td>{u.displayName}</td>
                    <td>
                      <span className={`role-chip role-${u.role}`}>{t(`role.${u.role}`)}</span>
                    </td>
                    <td>{t(`users.via.${u.via}`)}</td>
                    <td>
                      <span className={`user-status ${status}`}>{t(`users.status.${status}`)}</span>
                    </td>
                    <td>{u.lastSignInAt ? <time dateTime={u.lastSignInAt}>{formatDateTime(u.lastSignInAt)}</time> : <span className="muted">{t('users.never')}</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </PageFrame>
  );
}
