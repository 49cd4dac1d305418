/** How each kind of node looks and is called: colour AND shape, so the legend works without colour vision too. */

export type NodeShape = 'round-rectangle' | 'ellipse' | 'round-tag' | 'diamond' | 'round-diamond' | 'rectangle' | 'hexagon' | 'star' | 'triangle' | 'octagon' | 'barrel' | 'rhomboid';

export interface KindStyle {
  /** Swedish name for the legend and filters. */
  label: string;
  colour: string;
  shape: NodeShape;
}

/** Primary labels in the order the legend lists them. Colours follow the Okabe–Ito palette (colour-blind safe). */
export const KIND_STYLES = {
  Actor: { label: 'Aktör', colour: '#0072B2', shape: 'round-rectangle' },
  Person: { label: 'Person', colour: '#E69F00', shape: 'ellipse' },
  Role: { label: 'Roll', colour: '#CC79A7', shape: 'round-tag' },
  Agreement: { label: 'Överenskommelse', colour: '#009E73', shape: 'diamond' },
  AgreementPoint: { label: 'Punkt i överenskommelse', colour: '#6BC4A6', shape: 'round-diamond' },
  Document: { label: 'Dokument', colour: '#D55E00', shape: 'rectangle' },
  Service: { label: 'Tjänst', colour: '#56B4E9', shape: 'hexagon' },
  Event: { label: 'Händelse', colour: '#C9B800', shape: 'star' },
  Place: { label: 'Plats', colour: '#8C6D31', shape: 'triangle' },
  Topic: { label: 'Ämne', colour: '#7A7A7A', shape: 'octagon' },
  Article: { label: 'Artikel', colour: '#3B4252', shape: 'barrel' },
  Name: { label: 'Namn', colour: '#A0A7B4', shape: 'rhomboid' },
} as const satisfies Record<string, KindStyle>;

export type KnownKind = keyof typeof KIND_STYLES;
export const KNOWN_KINDS = Object.keys(KIND_STYLES) as KnownKind[];
export const OTHER_KIND: KindStyle = { label: 'Övrigt', colour: '#B0B0B0', shape: 'ellipse' };

/** The label that decides how a node looks: the first known label that is not the generic `Entity`. */
export function primaryKind(labels: readonly string[]): string {
  for (const kind of KNOWN_KINDS) if (labels.includes(kind)) return kind;
  return labels.find((l) => l !== 'Entity') ?? labels[0] ?? 'Other';
}

export function kindStyle(kind: string): KindStyle {
  return (KIND_STYLES as Record<string, KindStyle>)[kind] ?? OTHER_KIND;
}

/** Swedish phrasing of relationship types, shown beside the type itself. */
export const RELATION_LABELS: Record<string, string> = {
  HOLDS: 'innehar',
  AT: 'vid',
  PART_OF: 'del av',
  PARTY_TO: 'part i',
  HAS_POINT: 'har punkt',
  PARTICIPATES_IN: 'deltar i',
  PUBLISHED: 'publicerade',
  ABOUT: 'handlar om',
  REFERS_TO: 'hänvisar till',
  LOCATED_IN: 'ligger i',
  ESTABLISHED: 'inrättade',
  PREPARES: 'förbereder',
  COLLABORATES_WITH: 'samarbetar med',
  RESPONSIBLE_FOR: 'ansvarar för',
  SERVES: 'betjänar',
  ADVISES: 'ger råd till',
  ANALYSED: 'analyserade',
  FINDS: 'kommer fram till',
  PRESENTED_AT: 'presenterades vid',
  PRESENTED_TO: 'presenterades för',
  SUPPORTS: 'stödjer',
  CRITICISES: 'kritiserar',
  PROPOSES: 'föreslår',
  REQUESTS: 'efterfrågar',
  COMMITS_TO: 'åtar sig',
  PRIORITISES: 'prioriterar',
  QUOTED_IN: 'citeras i',
  WROTE: 'skrev',
  PICTURED_IN: 'avbildas i',
  EXCERPTED_FROM: 'utdrag ur',
  HAS_CONTACT: 'har kontakt',
  AFFILIATED_WITH: 'knuten till',
  NAMED: 'hette',
  MENTIONS: 'nämner',
};

export function relationLabel(type: string): string {
  return RELATION_LABELS[type] ?? type.toLowerCase().replace(/_/g, ' ');
}
