import type { NodeShape } from '../graph/kinds';

const POINTS: Partial<Record<NodeShape, string>> = {
  diamond: '8,1 15,8 8,15 1,8',
  'round-diamond': '8,1 15,8 8,15 1,8',
  triangle: '8,1.5 15,14.5 1,14.5',
  hexagon: '4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8',
  octagon: '5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5',
  star: '8,0.8 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6',
  'round-tag': '1,2 11,2 15,8 11,14 1,14',
  rhomboid: '4,2 15,2 12,14 1,14',
};

interface ShapeIconProps {
  shape: NodeShape;
  colour: string;
  size?: number;
  /** An outline drawn the way the canvas marks a state (a diff ring); a CSS colour or `var(--…)`. */
  ring?: string;
  /** Draw the outline dashed (what disappeared). */
  dashed?: boolean;
  /** Fill the shape faintly, as the canvas draws undated or vanished things. */
  muted?: boolean;
}

/**
 * The node shape of a kind, drawn small for legends and filters. A thin theme-coloured rim keeps light kind
 * colours visible on white and dark ones on the dark theme.
 */
export function ShapeIcon({ shape, colour, size = 16, ring, dashed = false, muted = false }: ShapeIconProps) {
  const pts = POINTS[shape];
  const paint = {
    fill: colour,
    stroke: ring ?? 'var(--shape-rim, transparent)',
    strokeWidth: ring ? 2 : 1,
    strokeDasharray: dashed ? '2.5 1.5' : undefined,
    fillOpacity: muted ? 0.35 : undefined,
  };
  return (
    <svg width={size} height={size} viewBox="-1 -1 18 18" aria-hidden="true" focusable="false" className="shape-icon">
      {pts ? (
        <polygon points={pts} strokeLinejoin="round" style={paint} />
      ) : shape === 'ellipse' ? (
        <circle cx="8" cy="8" r="7" style={paint} />
      ) : shape === 'barrel' ? (
        <rect x="1" y="2" width="14" height="12" rx="5" ry="2" style={paint} />
      ) : (
        <rect x="1" y="3" width="14" height="10" rx={shape === 'round-rectangle' ? 3 : 0} style={paint} />
      )}
    </svg>
  );
}
