import type { ReactNode } from 'react';

/** A region that is loading: busy for assistive technology, a spinner and a short status line. */
export function LoadingState({ as: Tag = 'section', className, testId, children }: { as?: 'section' | 'main'; className: string; testId: string; children: ReactNode }) {
  return (
    <Tag className={className} aria-busy="true" data-testid={testId}>
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> {children}
      </p>
    </Tag>
  );
}
