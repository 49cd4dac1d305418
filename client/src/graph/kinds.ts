/**
 * How each kind of node looks and is called: colour AND shape, so the legend works without colour vision too.
 * The words (kinds, sub-kinds, relationship types) come from the `kinds` namespace in the current language.
 */
import { i18n } from '../i18n';
import svKinds from '../i18n/sv/kinds.json';

export type NodeShape = 'round-rectangle' | 'ellipse' | 'round-tag' | 'diamond' | 'round-diamond' | 'rectangle' | 'hexagon' | 'star' | 'triangle' | 'octagon' | 'barrel' | 'rhomboid';

export interface KindStyle {
  /** Swedish name (the default language); use `kindLabel()` for the current language's word. */
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

/** A node kind (primary label) in the current language ("Aktör" / "Actor"); an unknown label is shown as it is. */
export function kindLabel(kind: string): string {
  return i18n.t(`kinds:kind.${kind}`, { defaultValue: kind });
}

/** A node's sub-kind (its `kind` property, e.g. "agency") in the current language ("myndighet"); unknown values as they are. */
export function subkindLabel(subkind: string): string {
  return i18n.t(`kinds:subkind.${subkind}`, { defaultValue: subkind });
}

/** True when a sub-kind only repeats the kind (`person` on a Person, `agreement-point` on an AgreementPoint). */
export function subkindRepeatsKind(kind: string, subkind: string): boolean {
  return subkind.replace(/-/g, '').toLowerCase() === kind.toLowerCase();
}

/** A relationship type as words in the current language ("innehar" / "holds"); an unknown type as lower-case words (SOME_TYPE → "some type"). */
export function relationLabel(type: string): string {
  return i18n.t(`kinds:rel.${type}`, { defaultValue: type.toLowerCase().replace(/_/g, ' ') });
}

/** Swedish phrasing of relationship types (the default language); kept for code that has no i18n yet — prefer `relationLabel()`. */
export const RELATION_LABELS: Record<string, string> = { ...svKinds.rel };
