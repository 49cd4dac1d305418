import type { Config } from '../config';
import type { Extractor } from './extractor';
import { createRulesExtractor } from './rules/index';

/**
 * The extractors the app can run, by the name `EXTRACTOR` selects. Another one (a local LLM served over HTTP,
 * say) is added here and to the enum in server/config.ts; the review flow does not change.
 */
const EXTRACTORS: Record<Config['extractor'], () => Extractor> = {
  'rules-sv': () => createRulesExtractor(),
};

/** The extractor `name` names; the config schema has already refused an unknown name. */
export function createExtractor(name: Config['extractor']): Extractor {
  return EXTRACTORS[name]();
}
