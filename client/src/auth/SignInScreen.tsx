import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, toApiError } from '../api/client';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { errorMessage, errorSummary } from '../i18n/errors';
import { authStore, useAuth } from './store';
import './auth.css';

interface Props {
  /** The address to return to once signed in. */
  next: string;
  /** An error code a failed single sign-on came back with (`#/signin?error=CODE`). */
  ssoError: string | null;
}

type Problem = { field: 'name' | 'password' | null; text: string };

/** Minutes to tell the user to wait, from a `Retry-After` in seconds. */
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/**
 * The sign-in page: a calm card in the middle of the page, the name and password with their labels above,
 * Enter signs in, a failure is announced (role=alert) and said in words, and, when the server has an identity
 * provider, "Logga in med …" leads there.
 */
export function SignInScreen({ next, ssoError }: Props) {
  const { t, i18n } = useTranslation('auth');
  const auth = useAuth();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // A new alert element each time, so a screen reader announces a repeated failure again.
  const [attempt, setAttempt] = useState(0);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('signin.title')} – ${t('app:brand.name')}`;
    return () => {
      document.title = t('app:brand.name');
    };
  }, [t]);

  const fail = (p: Problem) => {
    setProblem(p);
    setAttempt((n) => n + 1);
    (p.field === 'name' ? nameRef : passwordRef).current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) return fail({ field: 'name', text: t('signin.missingName') });
    if (!password) return fail({ field: 'password', text: t('signin.missingPassword') });
    setBusy(true);
    try {
      await authStore.signIn(name.trim(), password, next);
    } catch (err) {
      setPassword('');
      fail(describeFailure(err, t));
    } finally {
      setBusy(false);
    }
  };

  const ssoText = ssoError ? describeSsoError(ssoError, t, (key) => i18n.exists(key)) : null;
  const invalid = (field: Problem['field']) => (problem?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'signin-problem' } : {});

  return (
    <div className="signin-page" data-testid="signin-page">
      <div className="signin-top">
        <label className="inline language">
          <span className="visually-hidden">{t('app:language.label')}</span>
          <select value={i18n.language === 'en' ? 'en' : 'sv'} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="signin-language" title={t('app:language.label')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`app:language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <main className="signin-main">
        <div className="signin-card">
          <p className="brand signin-brand">
            {t('app:brand.name')} <span>{t('app:brand.tagline')}</span>
          </p>
          <h1 id="signin-title">{t('signin.title')}</h1>
          <p className="signin-intro muted">{t('signin.intro')}</p>
          {auth.expired && (
            <p className="signin-note" role="status" data-testid="signin-expired">
              {t('signin.expired')}
            </p>
          )}
          {ssoText && (
            <p className="signin-error" role="alert" data-testid="signin-sso-error">
              {ssoText}
            </p>
          )}
          <form className="signin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="signin-title" data-testid="signin-form">
            <div className="field">
              <label htmlFor="signin-name" className="field-label">
                {t('signin.name')}
              </label>
              <input
                ref={nameRef}
                id="signin-name"
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                // The page is only this form: the cursor belongs in its first field.
                autoFocus
                value={name}
                onChange={(e) => setName(e.target.value)}
                data-testid="signin-name"
                {...invalid('name')}
              />
            </div>
            <div className="field">
              <label htmlFor="signin-password" className="field-label">
                {t('signin.password')}
              </label>
              <input
                ref={passwordRef}
                id="signin-password"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="signin-password"
                {...invalid('password')}
              />
            </div>
            {problem && (
              <p key={attempt} id="signin-problem" className="signin-error" role="alert" data-testid="signin-error">
                {problem.text}
              </p>
            )}
            <button type="submit" className="primary signin-submit" disabled={busy} data-testid="signin-submit">
              {busy ? t('signin.submitting') : t('signin.submit')}
            </button>
          </form>
          {auth.oidc && (
            <>
              <p className="signin-or" aria-hidden="true">
                <span>{t('signin.or')}</span>
              </p>
              <a className="signin-sso" href="/api/auth/oidc/start" onClick={() => authStore.rememberReturn(next)} data-testid="signin-sso">
                {t('signin.sso', { label: auth.oidc.label })}
              </a>
            </>
          )}
          <p className="signin-help muted small">{t('signin.help')}</p>
        </div>
      </main>
    </div>
  );
}

/** What a single sign-on that came back with `?error=CODE` means: its own words, an API error's, or the code in a general sentence. */
function describeSsoError(code: string, t: (key: string, opts?: Record<string, unknown>) => string, exists: (key: string) => boolean): string {
  if (exists(`auth:ssoError.${code}`)) return t(`ssoError.${code}`);
  if (exists(`errors:code.${code}`)) return errorSummary({ code, message: '' });
  return t('signin.ssoGeneric', { code });
}

/** A failed sign-in in words: which field to look at and what to do. */
function describeFailure(err: unknown, t: (key: string, opts?: Record<string, unknown>) => string): Problem {
  const e = toApiError(err);
  const seconds = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const wait = (err instanceof ApiRequestError ? err.retryAfter : undefined) ?? (typeof seconds === 'number' ? seconds : undefined);
  switch (e.code) {
    case 'SIGNIN_FAILED':
    // A name the server cannot even read (a space, a stray character) is just a wrong name to the user.
    case 'VALIDATION_FAILED':
      return { field: 'password', text: t('signin.failed') };
    case 'ACCOUNT_LOCKED':
      return { field: null, text: wait ? t('signin.locked', { minutes: minutes(wait) }) : t('signin.lockedNoTime') };
    case 'TOO_MANY_SIGNINS':
      return { field: null, text: wait ? t('signin.tooMany', { minutes: minutes(wait) }) : t('signin.tooManyNoTime') };
    default:
      return { field: null, text: errorMessage(e) };
  }
}
