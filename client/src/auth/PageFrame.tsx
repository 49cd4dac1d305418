import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../ingest/route';

interface Props {
  title: string;
  intro?: string;
  testId: string;
  children: ReactNode;
}

/** A page under the app's header (audit log, users): a way back to the graph, the heading, then the content. */
export function PageFrame({ title, intro, testId, children }: Props) {
  const { t } = useTranslation('auth');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app:brand.name')}`;
    // Arriving here (from the account menu) puts the reader at the page's heading.
    heading.current?.focus({ preventScroll: true });
    return () => {
      document.title = t('app:brand.name');
    };
  }, [title, t]);
  return (
    <main className="auth-page" data-testid={testId}>
      <div className="auth-page-inner">
        <a
          href="#"
          className="back-link"
          onClick={(e) => {
            e.preventDefault();
            navigate(null);
          }}
          data-testid="page-back"
        >
          {t('page.back')}
        </a>
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {intro && <p className="auth-intro muted">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
