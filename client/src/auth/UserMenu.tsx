import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/client';
import { errorMessage } from '../i18n/errors';
import { authStore, useAuth } from './store';
import './auth.css';

/**
 * The header's account corner. Signed in: the user's name and role, opening a small menu with the audit log
 * and users (admins) and "Logga ut". In the open mode a quiet "Lokal användare" whose menu says what the mode
 * means and leads to the audit log and the users page (the one person there is admin).
 */
export function UserMenu() {
  const { t } = useTranslation('auth');
  const auth = useAuth();
  const menu = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Closes on Escape (the focus back on the button), on a click elsewhere, and when the address changes.
  useEffect(() => {
    const el = menu.current;
    if (!el) return;
    const close = () => el.removeAttribute('open');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && el.open) {
        close();
        el.querySelector('summary')?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (el.open && !el.contains(e.target as Node)) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    window.addEventListener('hashchange', close);
    window.addEventListener('popstate', close);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
      window.removeEventListener('hashchange', close);
      window.removeEventListener('popstate', close);
    };
  }, [auth.user, auth.mode]);

  if (auth.status !== 'ready' || !auth.user) return null;
  const adminLinks = (
    <>
      <a href="#/audit" data-testid="nav-audit">
        {t('header.audit')}
      </a>
      <a href="#/users" data-testid="nav-users">
        {t('header.users')}
      </a>
    </>
  );
  // Open mode: nobody signs in, and the one person here is admin; the menu only leads to the admin pages.
  if (auth.mode === 'open')
    return (
      <details className="user-menu local-user" ref={menu} data-testid="local-user">
        <summary data-testid="user-menu-button">
          <span className="user-name muted">{t('header.localUser')}</span>
        </summary>
        <div className="user-menu-items">
          <p className="user-menu-who muted small">{t('header.localTitle')}</p>
          {adminLinks}
        </div>
      </details>
    );

  const user = auth.user;
  const role = t(`role.${user.role}`);
  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await authStore.signOut();
    } catch (err) {
      setBusy(false);
      setError(t('header.signOutFailed', { message: errorMessage(toApiError(err)) }));
    }
  };
  return (
    <details className="user-menu" ref={menu} data-testid="user-menu">
      <summary data-testid="user-menu-button">
        <span className="visually-hidden">{t('header.account')}: </span>
        <span className="user-name" data-testid="user-name">
          {user.displayName}
        </span>
        <span className={`role-chip role-${user.role}`} data-testid="user-role">
          {role}
        </span>
      </summary>
      <div className="user-menu-items">
        <p className="user-menu-who muted small">{t('header.signedInAs', { name: user.name })}</p>
        {auth.can('admin') && adminLinks}
        <button type="button" onClick={() => void signOut()} disabled={busy} data-testid="sign-out">
          {busy ? t('header.signingOut') : t('header.signOut')}
        </button>
        {error && (
          <p className="error-text small" role="alert">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
