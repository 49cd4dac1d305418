/** The layouts the toolbar offers; fcose (force-directed) is the default. */
export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const LAYOUT_LABELS: Record<LayoutName, string> = { fcose: 'Kraftriktad', concentric: 'Koncentrisk', breadthfirst: 'Hierarkisk', grid: 'Rutnät' };
