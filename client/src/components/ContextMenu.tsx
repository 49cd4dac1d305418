import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ContextMenuState {
  id: string;
  x: number;
  y: number;
}

interface Props {
  state: ContextMenuState;
  name: string;
  pinned: boolean;
  actions: { expand(): void; pin(): void; hide(): void; remove(): void; pathFrom(): void; pathTo(): void };
  onClose(): void;
}

/** Right-click menu on a node; arrow keys move between items, Escape closes. */
export function ContextMenu({ state, name, pinned, actions, onClose }: Props) {
  const { t } = useTranslation('app');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [state.id]);
  const item = (label: string, fn: () => void, testId: string) => (
    <button
      type="button"
      role="menuitem"
      data-testid={testId}
      onClick={() => {
        fn();
        onClose();
      }}
    >
      {label}
    </button>
  );
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t('menu.label', { name })}
      style={{ left: state.x, top: state.y }}
      data-testid="context-menu"
      onKeyDown={(e) => {
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          items[(i + 1) % items.length]?.focus();
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          items[(i - 1 + items.length) % items.length]?.focus();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="context-title">{name}</div>
      {item(t('menu.expand'), actions.expand, 'menu-expand')}
      {item(pinned ? t('menu.unpin') : t('menu.pin'), actions.pin, 'menu-pin')}
      {item(t('menu.hide'), actions.hide, 'menu-hide')}
      {item(t('menu.remove'), actions.remove, 'menu-remove')}
      {item(t('menu.pathFrom'), actions.pathFrom, 'menu-path-from')}
      {item(t('menu.pathTo'), actions.pathTo, 'menu-path-to')}
    </div>
  );
}
