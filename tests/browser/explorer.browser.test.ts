import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from '../support/browser';

/**
 * The explorer as an analyst uses it, in Chromium against the real built app on a seeded Neo4j.
 * Each test opens its own page and ends by asserting the console stayed clean.
 */

const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  // A cold Neo4j plans each query on first use, which can take seconds; warm the screens' queries once.
  for (const path of ['/api/graph?limit=500', '/api/graph?asOf=2019-06-01', '/api/nodes/person-lena-micko', '/api/search?q=micko', '/api/articles', '/api/schema', '/api/queries']) {
    await fetch(`${appUrl}${path}`).then((r) => r.arrayBuffer());
  }
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the app at a hash and waits until the graph (or the given element) is there. */
async function open(hash = '', ready = '[data-testid=node-list-item]'): Promise<{ page: Page; consoleErrors: string[] }> {
  const opened = await openPage(browser, `${appUrl}/${hash}`);
  opened.page.setDefaultTimeout(20_000);
  await opened.page.waitForSelector(ready, { timeout: 45_000 });
  return opened;
}

async function nodeIdsInView(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=node-list-item]', (els) => els.map((e) => e.getAttribute('data-node-id') ?? '').sort());
}

async function nodeName(page: Page, id: string): Promise<string> {
  return (await page.textContent(`[data-testid=node-list-item][data-node-id="${id}"]`)) ?? '';
}

/** Types into a search box and picks the hit with this id from the autocomplete. */
async function pick(page: Page, testId: string, text: string, id: string): Promise<void> {
  await page.fill(`[data-testid=${testId}-input]`, text);
  await page.waitForSelector(`[data-testid=${testId}] [data-testid=search-option][data-id="${id}"]`);
  await page.click(`[data-testid=${testId}] [data-testid=search-option][data-id="${id}"]`);
}

describe('the explorer', () => {
  it('opens on the actors and people with their links, offers the whole network, shows a legend, and the console stays clean', async () => {
    const { page, consoleErrors } = await open();
    const ids = await nodeIdsInView(page);
    // Issue 11: the start view is no longer the whole hairball but the actors, people, roles, agreements and
    // documents with their links; topics, places and articles wait until asked for.
    expect(ids.length).toBeGreaterThan(20);
    expect(ids).toContain('actor-skr');
    expect(ids).toContain('person-lena-micko');
    const kinds = await page.evaluate(() => [...new Set<string>((window as any).explorer.cy.nodes().map((n: any) => String(n.data('kind'))))].sort());
    expect(kinds.filter((k) => !['Actor', 'Person', 'Role', 'Agreement', 'Document'].includes(k)), 'kinds at the start view beyond actors, people, roles, agreements and documents').toEqual([]);
    expect(ids.some((id) => id.startsWith('article-') || id.startsWith('topic-'))).toBe(false);
    await page.getByRole('button', { name: /Visa hela nätverket/ }).first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=node-list-item]').length > n, ids.length);
    expect((await nodeIdsInView(page)).some((id) => id.startsWith('topic-'))).toBe(true);
    expect(await page.textContent('[data-testid=legend]')).toContain('Aktör');
    expect(await page.textContent('[data-testid=view-counts]')).toMatch(/\d+ noder · \d+ relationer/);
    await page.waitForTimeout(800);
    await screenshot(page, '01-overview');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('finds "Micko" by search, selects her and lists her quotes with article, outlet and date', async () => {
    const { page, consoleErrors } = await open();
    await page.fill('[data-testid=search-input]', 'Micko');
    await page.waitForSelector('[data-testid=search] [data-testid=search-option]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=details-panel][data-node-id="person-lena-micko"] [data-testid=evidence-quote]');
    expect(await page.textContent('[data-testid=details-name]')).toBe('Lena Micko');
    const quotes = await page.$$eval('[data-testid=details-panel] [data-testid=evidence-quote]', (els) => els.map((e) => e.textContent ?? ''));
    expect(quotes.length).toBeGreaterThan(1);
    // Each quote names its source article and date.
    expect(quotes.some((q) => q.includes('Handslag för fördjupad digital samverkan') && q.includes('2017'))).toBe(true);
    expect(await page.getAttribute('[data-testid=node-list-item][data-node-id="person-lena-micko"]', 'aria-current')).toBe('true');
    expect(page.url()).toContain('sel=person-lena-micko');
    await screenshot(page, '02-details-micko');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('opens a quote in its article with the passage highlighted and in view, and a mention leads back into the graph', async () => {
    const { page, consoleErrors } = await open('#sel=person-lena-micko');
    const quote = page.locator('[data-testid=details-panel] [data-testid=evidence-quote]').first();
    const quoted = ((await quote.locator('q').textContent()) ?? '').trim();
    await quote.click();
    await page.waitForSelector('[data-testid=article-reader] [data-testid=quote-highlight]');
    const highlighted = (await page.$$eval('[data-testid=quote-highlight]', (els) => els.map((e) => e.textContent ?? '').join(''))).replace(/\s+/g, ' ').trim();
    expect(highlighted).toBe(quoted.replace(/\s+/g, ' '));
    const inView = await page.$eval('[data-testid=quote-highlight]', (el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await screenshot(page, '03-article-reader');

    // Mentions are highlighted and lead back into the graph: the entity is added if needed and selected.
    const mention = page.locator('[data-testid=article-reader] [data-testid=mention]:not([data-entity-id="person-lena-micko"])').first();
    const entityId = (await mention.getAttribute('data-entity-id'))!;
    await mention.click();
    await page.waitForSelector(`[data-testid=details-panel][data-node-id="${entityId}"]`);
    expect(await nodeIdsInView(page)).toContain(entityId);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('expands an actor into its neighbours, page by page, and undoes it with Ctrl+Z', async () => {
    const { page, consoleErrors } = await open('#nodes=actor-digg&sel=actor-digg');
    expect(await nodeIdsInView(page)).toEqual(['actor-digg']);
    await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-digg"]');
    await page.click('[data-testid=expand-button]');
    await page.waitForSelector('[data-testid=expansion-status]:has-text("Visar")');
    // Digg has 26 neighbours; a page holds 25, and "1 till" loads the last one.
    expect(await page.textContent('[data-testid=expansion-status]')).toMatch(/Visar 25 av 26 grannar/);
    const after = await nodeIdsInView(page);
    expect(after).toHaveLength(26);
    expect(after).toEqual(expect.arrayContaining(['actor-regeringen', 'place-sundsvall', 'role-digg-generaldirektor', 'event-digg-start']));
    await page.click('[data-testid=expand-more]');
    await page.waitForSelector('[data-testid=expansion-status]:has-text("Visar 26 av 26")');
    expect(await nodeIdsInView(page)).toHaveLength(27);
    await page.waitForTimeout(600);
    await screenshot(page, '04-expand-digg');

    await page.click('[data-testid=graph-canvas]', { position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=node-list-item]').length === 26);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=node-list-item]').length === 1);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('finds the shortest path between two people, draws it and lists its evidence', async () => {
    const { page, consoleErrors } = await open();
    await pick(page, 'path-from', 'Micko', 'person-lena-micko');
    await pick(page, 'path-to', 'Shekarabi', 'person-ardalan-shekarabi');
    expect(await page.isChecked('[data-testid=path-avoid-articles]')).toBe(true);
    await page.click('[data-testid=path-find]');
    await page.waitForSelector('[data-testid=path-result]');
    const steps = await page.$$eval('[data-testid=path-result] > li:first-child [data-testid=path-node]', (els) => els.map((e) => e.getAttribute('data-node-id')));
    expect(steps[0]).toBe('person-lena-micko');
    expect(steps[steps.length - 1]).toBe('person-ardalan-shekarabi');
    expect(steps.some((id) => id?.startsWith('article-'))).toBe(false);
    expect(await page.locator('[data-testid=path-result] [data-testid=evidence-quote]').count()).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await screenshot(page, '05-path');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the graph as of a date: across 27 November 2019 SKL becomes SKR', async () => {
    const { page, consoleErrors } = await open();
    // The slider's first step is the earliest date in the data (issue 11: the range comes from the data), before Digg.
    await page.focus('[data-testid=time-slider]');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => /asOf=(\d{4}-\d{2}-\d{2})/.exec(location.hash)?.[1]?.localeCompare('2018-09-01') === -1);
    expect(await page.textContent('[data-testid=time-value]')).toMatch(/^\d{1,2} \p{L}+ \d{4}$/u);
    await page.waitForFunction(() => !document.querySelector('[data-node-id="actor-digg"][data-testid=node-list-item]'));
    // On 1 January 2017 SKL is there; Digg did not exist before 1 September 2018.
    await page.fill('[data-testid=asof-input]', '2017-01-01');
    await page.press('[data-testid=asof-input]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=time-value]')?.textContent === '1 januari 2017');
    await page.waitForFunction(() => !!document.querySelector('[data-node-id="actor-skr"][data-testid=node-list-item]'));
    expect(await nodeIdsInView(page)).not.toContain('actor-digg');
    await page.fill('[data-testid=asof-input]', '2019-06-01');
    await page.press('[data-testid=asof-input]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=time-value]')?.textContent === '1 juni 2019');
    // SKL was SKL in 2017 too: wait for the 2019 view itself, in which Digg exists.
    await page.waitForSelector('[data-node-id="actor-digg"][data-testid=node-list-item]');
    await page.waitForFunction(() => /Landsting|SKL/.test(document.querySelector('[data-node-id="actor-skr"][data-testid=node-list-item]')?.textContent ?? ''));
    const before = await nodeName(page, 'actor-skr');
    expect(before).toMatch(/Sveriges Kommuner och Landsting|SKL/);
    expect(await nodeIdsInView(page)).toContain('actor-digg');
    await screenshot(page, '06-time-2019-06');

    await page.fill('[data-testid=asof-input]', '2020-06-01');
    await page.press('[data-testid=asof-input]', 'Enter');
    await page.waitForFunction(() => /Regioner|SKR/.test(document.querySelector('[data-node-id="actor-skr"][data-testid=node-list-item]')?.textContent ?? ''));
    expect(await nodeName(page, 'actor-skr')).toMatch(/Sveriges Kommuner och Regioner|SKR/);
    expect(page.url()).toContain('asOf=2020-06-01');
    await screenshot(page, '07-time-2020-06');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('runs a library query with a parameter and shows the rows as a table and as a graph', async () => {
    const { page, consoleErrors } = await open();
    await page.click('[data-testid=tab-queries]');
    await page.waitForSelector('[data-testid=query-item]');
    await page.fill('[data-testid=query-filter]', 'agreement');
    await page.click('[data-testid=query-item][data-query-name="agreements-of-actor"]');
    await page.fill('[data-testid=param-actor]', 'actor-skr');
    await page.click('[data-testid=query-run]');
    await page.waitForSelector('[data-testid=result-table] tbody tr', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid=run-status]', 'data-status')).toMatch(/done|truncated/);
    const table = (await page.textContent('[data-testid=result-table]')) ?? '';
    expect(table).toMatch(/Handslag|handslag/);
    const counts = (await page.textContent('[data-testid=view-counts]')) ?? '';
    expect(Number(/(\d+) nod/.exec(counts)?.[1])).toBeGreaterThan(1);
    expect(page.url()).toContain('q=agreements-of-actor');
    await page.waitForTimeout(800);
    await screenshot(page, '08-query-result');
    await page.click('[data-testid=tab-explore]');
    expect(await nodeIdsInView(page)).toContain('actor-skr');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('refuses a query that tries to write, saying queries run read-only', async () => {
    const { page, consoleErrors } = await open('#tab=queries', '[data-testid=new-cypher]');
    await page.click('[data-testid=new-cypher]');
    await page.waitForSelector('[data-testid=cypher-editor] .cm-content');
    await page.click('[data-testid=cypher-editor] .cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type("CREATE (n:Hack {name: 'x'}) RETURN n");
    await page.click('[data-testid=cypher-run]');
    await page.waitForSelector('[data-testid=run-status][data-status=refused]');
    expect(await page.textContent('[data-testid=run-status]')).toMatch(/försökte ändra i grafen.*bara för läsning/);
    await screenshot(page, '09-query-refused');
    // The only console error is the browser's own line about the 422 answer.
    expect(consoleErrors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });

  it('completes labels and property keys from the live schema in the Cypher editor', async () => {
    const { page, consoleErrors } = await open('#tab=queries', '[data-testid=new-cypher]');
    await page.click('[data-testid=new-cypher]');
    await page.click('[data-testid=cypher-editor] .cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type('MATCH (n:', { delay: 40 });
    await page.waitForSelector('.cm-tooltip-autocomplete li:has-text(":Person")');
    const labels = await page.$$eval('.cm-tooltip-autocomplete li', (els) => els.map((e) => e.textContent ?? ''));
    expect(labels).toEqual(expect.arrayContaining([':Actor', ':Person', ':Article']));
    await screenshot(page, '10-cypher-completion');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('reopens the same view from a copied link: nodes, selection, filters and date', async () => {
    const first = await open('#nodes=actor-digg&sel=actor-digg');
    const page = first.page;
    await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-digg"]');
    await page.click('[data-testid=expand-button]');
    await page.waitForSelector('[data-testid=expansion-status]:has-text("Visar")');
    await page.click('[data-testid=node-list-item][data-node-id="role-digg-generaldirektor"]');
    await page.waitForSelector('[data-testid=details-panel][data-node-id="role-digg-generaldirektor"]');
    await page.uncheck('[data-testid=filter-kind-Topic]');
    await page.fill('[data-testid=asof-input]', '2020-01-01');
    await page.press('[data-testid=asof-input]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=time-value]')?.textContent === '1 januari 2020');
    const ids = await nodeIdsInView(page);
    expect(ids).not.toContain('topic-okad-samordning');
    expect(ids).toContain('place-sundsvall');
    const link = page.url();
    expect(link).toContain('sel=role-digg-generaldirektor');
    expect(link).toContain('nokind=Topic');
    expect(link).toContain('asOf=2020-01-01');

    const second = await openPage(browser, link);
    await second.page.waitForSelector('[data-testid=details-panel][data-node-id="role-digg-generaldirektor"]', { timeout: 45_000 });
    expect(await second.page.isChecked('[data-testid=filter-kind-Topic]')).toBe(false);
    expect(await second.page.textContent('[data-testid=time-value]')).toBe('1 januari 2020');
    await second.page.waitForFunction((n) => document.querySelectorAll('[data-testid=node-list-item]').length === n, ids.length);
    expect(await nodeIdsInView(second.page)).toEqual(ids);
    expect(second.page.url()).toBe(link);
    await second.page.waitForTimeout(800);
    await screenshot(second.page, '11-restored-link');
    expect(first.consoleErrors).toEqual([]);
    expect(second.consoleErrors).toEqual([]);
    await page.context().close();
    await second.page.context().close();
  });
});
