// `npm run model-docs` rewrites the model tables of cypher/README.md from contract/model.ts; with `-- --check` it
// only reports whether they are out of date (exit 1). tests/unit/model/docs.test.ts runs the same check, so the
// docs cannot drift from the model.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ENTITY_LABELS,
  ENTITY_PROPERTIES,
  FACT_COMMON_PROPERTIES,
  FACT_PROPERTIES,
  FACT_PROPERTY_NAMES,
  FACT_TYPE_NAMES,
  FACT_TYPES,
  KINDS,
  LABEL_DOCS,
  LABEL_PROPERTIES,
  MENTION_PROPERTIES,
  type EndpointLabel,
  type StoredPropertySpec,
} from '../contract/model';

const README = resolve(fileURLToPath(new URL('..', import.meta.url)), 'cypher/README.md');

/** A table cell: pipes escaped (also inside code spans, as GitHub tables need), line breaks flattened. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function storedTable(props: Record<string, StoredPropertySpec>): string {
  return table(
    ['property', 'type', 'meaning'],
    Object.entries(props).map(([name, p]) => [`\`${name}\``, p.type, p.doc]),
  );
}

function ends(labels: readonly EndpointLabel[]): string {
  const all = ENTITY_LABELS.every((l) => labels.includes(l));
  if (all && labels.length === ENTITY_LABELS.length) return 'any Entity';
  return labels.join('/');
}

/** The generated sections, by the name their markers carry (`<!-- model:NAME -->` … `<!-- /model:NAME -->`). */
export function modelSections(): Record<string, string> {
  const usedBy = (name: string): string[] => FACT_TYPE_NAMES.filter((t) => (FACT_TYPES[t].properties as readonly string[]).includes(name));
  return {
    'entity-properties': storedTable(ENTITY_PROPERTIES),
    labels: table(
      ['label', 'kinds', 'examples'],
      ENTITY_LABELS.map((l) => [`\`${l}\``, KINDS[l].join(', '), LABEL_DOCS[l].en]),
    ),
    'article-properties': storedTable(LABEL_PROPERTIES.Article),
    'name-properties': storedTable(LABEL_PROPERTIES.Name),
    'fact-common-properties': storedTable(FACT_COMMON_PROPERTIES),
    'fact-types': table(
      ['type', 'from → to', 'meaning', 'own properties'],
      FACT_TYPE_NAMES.map((t) => {
        const spec = FACT_TYPES[t];
        return [`\`${t}\``, `${ends(spec.from)} → ${ends(spec.to)}`, spec.meaning, spec.properties.map((p) => `\`${p}\``).join(', ') || '—'];
      }),
    ),
    'fact-properties': table(
      ['property', 'type', 'meaning', 'on'],
      FACT_PROPERTY_NAMES.map((name) => {
        const p = FACT_PROPERTIES[name];
        return [`\`${name}\``, p.type, p.en, usedBy(name).map((t) => `\`${t}\``).join(', ')];
      }),
    ),
    'mention-properties': storedTable(MENTION_PROPERTIES),
  };
}

const MARKER = /<!-- model:([a-z-]+) -->\n[\s\S]*?\n?<!-- \/model:\1 -->/g;

/** The README with every marked section replaced by what the model says; throws on a marker the model has no section for. */
export function renderModelDocs(readme: string): string {
  const sections = modelSections();
  return readme.replace(MARKER, (_, name: string) => {
    const body = sections[name];
    if (body === undefined) throw new Error(`cypher/README.md has a marker "model:${name}" that scripts/model-docs.ts does not generate`);
    return `<!-- model:${name} -->\n${body}\n<!-- /model:${name} -->`;
  });
}

/** The section names the README marks, in order. */
export function markedSections(readme: string): string[] {
  return [...readme.matchAll(MARKER)].map((m) => m[1]!);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = readFileSync(README, 'utf8');
  const next = renderModelDocs(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('cypher/README.md differs from contract/model.ts; run: npm run model-docs');
      process.exit(1);
    }
    console.log('cypher/README.md is up to date with contract/model.ts');
  } else if (next !== current) {
    writeFileSync(README, next);
    console.log('cypher/README.md: model tables rewritten from contract/model.ts');
  } else {
    console.log('cypher/README.md is already up to date');
  }
}
