import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FACT_PROPERTY_NAMES, FACT_TYPE_NAMES, FACT_TYPES } from '../../../contract/model';
import { markedSections, modelSections, renderModelDocs } from '../../../scripts/model-docs';

const README = fileURLToPath(new URL('../../../cypher/README.md', import.meta.url));

describe('cypher/README.md and the model', () => {
  it('shows exactly what contract/model.ts defines (run `npm run model-docs` after changing the model)', async () => {
    const readme = await readFile(README, 'utf8');
    expect(readme, 'cypher/README.md is out of date: run npm run model-docs').toBe(renderModelDocs(readme));
  });

  it('marks every section the model generates, once', async () => {
    const readme = await readFile(README, 'utf8');
    expect([...markedSections(readme)].sort()).toEqual(Object.keys(modelSections()).sort());
  });

  it('lists every fact type with its ends and properties, and every property with the types it is on', () => {
    const sections = modelSections();
    for (const type of FACT_TYPE_NAMES) {
      const row = sections['fact-types']!.split('\n').find((l) => l.startsWith(`| \`${type}\` |`));
      expect(row, type).toBeDefined();
      for (const p of FACT_TYPES[type].properties) expect(row, `${type} ${p}`).toContain(`\`${p}\``);
    }
    for (const name of FACT_PROPERTY_NAMES) expect(sections['fact-properties'], name).toContain(`| \`${name}\` |`);
  });

  it('refuses a marker the model does not generate, so a typo cannot hide a stale table', () => {
    expect(() => renderModelDocs('<!-- model:fact-typos -->\nold\n<!-- /model:fact-typos -->')).toThrow(/model:fact-typos/);
  });

  it('replaces a stale table between its markers and leaves the prose around it alone', () => {
    const stale = 'before\n<!-- model:fact-types -->\n| type |\n|---|\n| `TELLS` |\n<!-- /model:fact-types -->\nafter';
    const rendered = renderModelDocs(stale);
    expect(rendered.startsWith('before\n<!-- model:fact-types -->\n| type | from → to |')).toBe(true);
    expect(rendered.endsWith('<!-- /model:fact-types -->\nafter')).toBe(true);
    expect(rendered).not.toContain('TELLS');
  });
});
