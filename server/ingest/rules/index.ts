import type { Extractor } from '../extractor';
import { extractRules } from './extract';

/** The default extractor: offline rules for Swedish news text, no model download (`rules-sv`). */
export function createRulesExtractor(): Extractor {
  return {
    name: 'rules-sv@1',
    extract: async (input, graph) => extractRules(input, graph),
  };
}

export { extractRules } from './extract';
