/** What the reviewer may choose, from the model's one definition (contract/model.ts): labels, kinds per label, fact types with their ends. */
import { ENTITY_LABELS, FACT_TYPES, KINDS, type EntityLabel } from '../../../contract/model';
import type { FactTypeSpecs } from './review';

export const FACT_TYPE_SPECS: FactTypeSpecs = FACT_TYPES;
export const ENTITY_LABEL_CHOICES: readonly EntityLabel[] = ENTITY_LABELS;

/** The kinds a label allows (Actor: agency, ministry, …). */
export function kindsOf(label: string): readonly string[] {
  return (KINDS as Record<string, readonly string[]>)[label] ?? [];
}
