import type { KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PANEL_LIMITS } from './store';

interface Props {
  which: 'sidebar' | 'details';
  width: number;
  onResize(width: number): void;
}

const STEP = 16;

/** A drag handle between a panel and the canvas: pointer drag, or arrow keys (Home/End for the limits) when focused. */
export function Splitter({ which, width, onResize }: Props) {
  const { t } = useTranslation('app');
  const lim = PANEL_LIMITS[which];
  // The sidebar grows to the right, the details panel to the left.
  const sign = which === 'sidebar' ? 1 : -1;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startW = width;
    const move = (ev: globalThis.PointerEvent) => onResize(startW + sign * (ev.clientX - startX));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by = e.shiftKey ? STEP * 4 : STEP;
    if (e.key === 'ArrowLeft') onResize(width - sign * by);
    else if (e.key === 'ArrowRight') onResize(width + sign * by);
    else if (e.key === 'Home') onResize(lim.min);
    else if (e.key === 'End') onResize(lim.max);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className={`splitter splitter-${which}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={t(`splitter.${which}`)}
      aria-controls={which}
      aria-valuenow={width}
      aria-valuemin={lim.min}
      aria-valuemax={lim.max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-testid={`resize-${which}`}
    />
  );
}
