import { useEffect } from 'react';
import type { ExplorerStore } from './store';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable || !!el.closest?.('.cm-editor'));
}

/** Page-wide keys: Ctrl+Z undoes, Ctrl+Y / Ctrl+Shift+Z redoes, Escape closes the menu or the panel, Delete removes the selection. */
export function useShortcuts(x: ExplorerStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const s = x.getState();
      if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault();
        x.redo();
      } else if (mod && key === 'z') {
        e.preventDefault();
        x.undo();
      } else if (e.key === 'Escape') {
        if (s.menu) x.closeMenu();
        else if (s.multi.length) x.clearSelection();
        else if (s.panel.kind !== 'none') x.closePanel();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        if (s.multi.length > 1) x.remove(s.multi);
        else if (s.selection?.kind === 'node' && s.history.present.graph.nodes[s.selection.id]) x.remove([s.selection.id]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [x]);
}
