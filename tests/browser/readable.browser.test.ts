import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshotAll, VIEWPORTS, type OpenedPage, type PageOptions, type Theme, type ViewportName } from '../support/browser';
import { describeOverlap, overlaps } from '../support/geometry';
import { describeViolations, inputContrast, labelBoxes, runAxe, truncatedLabels, waitForGraph, type AxeViolation } from '../support/inspect';

/**
 * Issue 11, "Done when": the explorer readable at first sight, time you can see, Swedish throughout with English
 * on request, and an interaction that is complete — in Chromium against the built app on a seeded Neo4j.
 * Every test opens its own page and ends by asserting the console stayed clean.
 */

const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  // A cold Neo4j plans each query on first use; warm the screens' queries once.
  for (const path of ['/api/graph?limit=500', '/api/graph?asOf=2019-06-01', '/api/nodes/actor-skr', '/api/nodes/actor-skr?asOf=2019-06-01', '/api/time/diff?from=2019-01-01&to=2020-01-01', '/api/articles', '/api/schema', '/api/queries']) {
    await fetch(`${appUrl}${path}`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer());
  }
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the app at a hash and waits until the graph is drawn and settled. */
async function open(hash = '', opts: PageOptions = {}, ready: 'graph' | string = 'graph'): Promise<OpenedPage> {
  const opened = await openPage(browser, `${appUrl}/${hash}`, opts);
  opened.page.setDefaultTimeout(20_000);
  if (ready === 'graph') await waitForGraph(opened.page);
  else await opened.page.waitForSelector(ready, { timeout: 45_000 });
  return opened;
}

/** Closes the page's context and asserts nothing went to the console. */
async function done({ page, consoleErrors, failedRequests }: OpenedPage, allowed: (e: string) => boolean = () => false): Promise<void> {
  await page.context().close();
  expect(consoleErrors.filter((e) => !allowed(e)), `console errors (failed requests: ${failedRequests.join('; ') || 'none'})`).toEqual([]);
}

/** The ids of the nodes Cytoscape holds, sorted. */
async function cyNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).explorer.cy.nodes().map((n: any) => n.id()).sort());
}

/** The text the canvas draws for a node (after wrapping), '' when the node is not there. */
async function drawnLabel(page: Page, id: string): Promise<string> {
  return page.evaluate((nodeId) => {
    const cy = (window as any).explorer.cy;
    const n = cy.getElementById(nodeId);
    if (n.empty()) return '';
    return String(cy.renderer().getLabelText(n)).replace(/\s+/g, ' ').trim();
  }, id);
}

async function waitForLabel(page: Page, id: string, expected: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([nodeId, text]) => {
        const cy = (window as any).explorer?.cy;
        const n = cy?.getElementById(nodeId);
        return !!n && n.nonempty() && String(cy.renderer().getLabelText(n)).replace(/\s+/g, ' ').trim() === text;
      },
      [id, expected] as const,
    );
  } catch {
    throw new Error(`The canvas label of ${id} should read "${expected}" but reads "${await drawnLabel(page, id)}"`);
  }
}

/** Makes a control visible the way a user would: opens the folded sections (`<details>`) around it. */
async function reveal(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { state: 'attached' });
  if (await page.locator(selector).first().isVisible()) return;
  await page.locator(selector).first().evaluate((el) => {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  });
}

/** Shows the timeline strip under the canvas (it opens on request). */
async function showTimeline(page: Page): Promise<void> {
  if (!(await page.locator('[data-testid=timeline]').isVisible())) await page.click('[data-testid=toggle-timeline]');
  await page.waitForSelector('[data-testid=timeline] [data-testid=timeline-article]');
}

/** Waits for a query's result and opens its drawer if it came folded. */
async function resultDrawer(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=result-drawer], [data-testid=result-drawer-open]', { timeout: 30_000 });
  if (await page.locator('[data-testid=result-drawer-open]').isVisible()) await page.click('[data-testid=result-drawer-open]');
  await page.waitForSelector('[data-testid=result-drawer] [data-testid=result-table] tbody tr');
}

/** Sets the "as of" date the way a user does: types it and presses Enter. */
async function setAsOf(page: Page, date: string): Promise<void> {
  await page.fill('[data-testid=asof-input]', date);
  await page.press('[data-testid=asof-input]', 'Enter');
}

const sizes = Object.keys(VIEWPORTS) as ViewportName[];
const sizeName = (v: ViewportName) => `${VIEWPORTS[v].width}×${VIEWPORTS[v].height}`;

describe('the start view reads at first sight', () => {
  for (const size of sizes) {
    it(`at ${sizeName(size)} no two visible labels overlap and no actor or person label is cut`, async () => {
      const opened = await open('', { viewport: VIEWPORTS[size] });
      const { page } = opened;
      const boxes = await labelBoxes(page);
      // The start view shows the actors and people with their links, with their names on the canvas.
      expect(boxes.filter((b) => b.kind === 'Actor' || b.kind === 'Person').length, 'labelled actors and people at the start view').toBeGreaterThan(10);
      const collisions = overlaps(boxes);
      expect(collisions.map(describeOverlap), `${collisions.length} of ${boxes.length} visible labels overlap`).toEqual([]);
      const cut = await truncatedLabels(page, ['Actor', 'Person']);
      expect(cut.map((c) => `${c.id}: "${c.drawn}" for "${c.name}"`), 'actor and person labels drawn cut').toEqual([]);
      await screenshotAll(page, 'start');
      await done(opened);
    });
  }

  it('offers the whole network on request ("Visa hela nätverket")', async () => {
    const opened = await open();
    const { page } = opened;
    const start = (await cyNodeIds(page)).length;
    await page.getByRole('button', { name: /Visa hela nätverket/ }).first().click();
    await page.waitForFunction((n) => (window as any).explorer.cy.nodes().length > n, start);
    await waitForGraph(page);
    expect((await cyNodeIds(page)).length).toBeGreaterThan(start);
    await done(opened);
  });
});

describe('typed text is readable in every input', () => {
  for (const theme of ['light', 'dark'] as Theme[]) {
    it(`has contrast ≥ 4.5:1 in the ${theme} theme, on the explore and the query screens`, async () => {
      const opened = await open('', { colorScheme: theme });
      const { page } = opened;
      const explore = await inputContrast(page);
      expect(explore.map((f) => f.field), 'the search box and the date field are measured').toEqual(expect.arrayContaining(['search-input', 'asof-input']));
      await page.click('[data-testid=tab-queries]');
      await page.click('[data-testid=new-cypher]');
      await page.click('[data-testid=cypher-workbench] details.save-form > summary');
      await page.waitForSelector('[data-testid=save-name]');
      const query = await inputContrast(page);
      expect(query.map((f) => f.field)).toEqual(expect.arrayContaining(['save-name', 'save-title', 'save-description']));
      const poor = [...explore, ...query].filter((f) => f.ratio < 4.5).map((f) => `${f.field}: ${f.color} on ${f.background} = ${f.ratio}:1`);
      expect(poor, `typed text below 4.5:1 (${theme})`).toEqual([]);
      await done(opened);
    });
  }
});

describe('time you can see', () => {
  it('shows SKR as SKL, Sveriges Kommuner och Landsting, as of 2019-06-01 and as SKR, Sveriges Kommuner och Regioner, as of 2020-01-01', async () => {
    const opened = await open('#sel=actor-skr');
    const { page } = opened;
    await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-skr"]');
    await setAsOf(page, '2019-06-01');
    await waitForLabel(page, 'actor-skr', 'SKL');
    await page.waitForSelector('[data-testid=details-name]:text-is("Sveriges Kommuner och Landsting")');
    expect(page.url()).toContain('asOf=2019-06-01');
    await screenshotAll(page, 'asof-2019-06-01');

    await setAsOf(page, '2020-01-01');
    await waitForLabel(page, 'actor-skr', 'SKR');
    await page.waitForSelector('[data-testid=details-name]:text-is("Sveriges Kommuner och Regioner")');
    await done(opened);
  });

  it('compares 2019-01-01 with 2020-01-01: the rename is listed and drawn on the canvas as "SKL → SKR"', async () => {
    const opened = await open();
    const { page } = opened;
    await reveal(page, '[data-testid=diff-from]');
    await page.fill('[data-testid=diff-from]', '2019-01-01');
    await page.fill('[data-testid=diff-to]', '2020-01-01');
    await page.click('[data-testid=diff-run]');
    const renamed = page.locator('[data-testid=diff-list] [data-testid=diff-item][data-change=renamed]');
    await renamed.first().waitFor();
    const items = await renamed.allTextContents();
    expect(items.some((t) => /SKL|Landsting/.test(t) && /SKR|Regioner/.test(t)), `renamed items: ${JSON.stringify(items)}`).toBe(true);
    // Drawn on the canvas, if the panel asks first.
    const show = page.locator('[data-testid=diff-show]');
    if ((await show.count()) && (await show.getAttribute('aria-pressed')) !== 'true') await show.click();
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById('actor-skr').hasClass('diff-renamed'), undefined, { timeout: 20_000 }).catch(() => {
      throw new Error('The SKR node on the canvas should have class diff-renamed after the comparison');
    });
    await waitForLabel(page, 'actor-skr', 'SKL → SKR');
    await screenshotAll(page, 'diff-2019-2020');
    await done(opened);
  });

  it('shows the timeline of articles and dated facts, with its range from the data', async () => {
    const opened = await open();
    const { page } = opened;
    await showTimeline(page);
    expect(await page.locator('[data-testid=timeline-article]').count()).toBeGreaterThan(3);
    await done(opened);
  });
});

describe('interaction that is complete', () => {
  // Search, the two skip links, the language and the account menu come first, in the order they are seen.
  it('reaches the search in one Tab, the toolbar within six, and the network through a skip link', async () => {
    const opened = await open();
    const { page } = opened;
    const focused = () => page.evaluate(() => ({ testId: document.activeElement?.getAttribute('data-testid') ?? '', inToolbar: !!document.activeElement?.closest('[role=toolbar]') }));
    await page.keyboard.press('Tab');
    expect((await focused()).testId).toBe('search-input');
    let tabs = 1;
    while (!(await focused()).inToolbar && tabs < 6) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect((await focused()).inToolbar, `after ${tabs} Tabs the focus is not in the toolbar`).toBe(true);
    // The skip link right after the search moves the focus onto the canvas, where the arrow keys work.
    await page.focus('[data-testid=search-input]');
    await page.keyboard.press('Tab');
    expect((await focused()).testId).toBe('skip-to-graph');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#graph'))).toBe(true);
    await done(opened);
  });

  it('goes Back to the view before an expansion', async () => {
    const opened = await open('#nodes=actor-digg&sel=actor-digg');
    const { page } = opened;
    await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-digg"]');
    const before = await cyNodeIds(page);
    expect(before).toEqual(['actor-digg']);
    await page.click('[data-testid=expand-button]');
    await page.waitForFunction(() => (window as any).explorer.cy.nodes().length > 1);
    await waitForGraph(page);
    expect((await cyNodeIds(page)).length).toBeGreaterThan(20);
    await page.goBack();
    await page.waitForFunction((n) => (window as any).explorer.cy.nodes().length === n, before.length).catch(async () => {
      throw new Error(`Back should restore the ${before.length} node(s) before the expansion, the canvas holds ${(await cyNodeIds(page)).length}`);
    });
    expect(await cyNodeIds(page)).toEqual(before);
    await page.goForward();
    await page.waitForFunction(() => (window as any).explorer.cy.nodes().length > 20);
    await done(opened);
  });

  it('runs a query from a link and shows its result', async () => {
    const qp = encodeURIComponent(JSON.stringify({ actor: 'actor-skr' }));
    const opened = await open(`#tab=queries&q=agreements-of-actor&qp=${qp}`, {}, '[data-testid=query-workspace], [data-testid=query-list]');
    const { page } = opened;
    await resultDrawer(page);
    expect(await page.getAttribute('[data-testid=run-status]', 'data-status')).toMatch(/done|truncated/);
    expect(await page.textContent('[data-testid=result-table]')).toMatch(/[Hh]andslag/);
    await waitForGraph(page);
    expect((await cyNodeIds(page)).length).toBeGreaterThan(1);
    await screenshotAll(page, 'query-link');
    await done(opened);
  });

  it('saves a query with the parameter $aktör and runs it', async () => {
    const name = `aktor-test-${Date.now().toString(36)}`;
    const opened = await open('#tab=queries', {}, '[data-testid=new-cypher]');
    const { page } = opened;
    try {
      await page.click('[data-testid=new-cypher]');
      await page.click('[data-testid=cypher-editor] .cm-content');
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('MATCH (a:Actor {id: $aktör}) RETURN a.name AS namn');
      await page.fill('[data-testid="param-aktör"]', 'actor-skr');
      await page.click('[data-testid=cypher-workbench] details.save-form > summary');
      await page.fill('[data-testid=save-name]', name);
      await page.fill('[data-testid=save-title]', 'Aktör efter id');
      await page.fill('[data-testid=save-description]', 'Namnet på en aktör, med en parameter som heter $aktör.');
      await page.click('[data-testid=save-query]');
      await page.waitForSelector(`[data-testid=query-item][data-query-name="${name}"]`);
      const saved = (await (await fetch(`${appUrl}/api/queries/${name}`)).json()) as { params: { name: string }[] };
      expect(saved.params.map((p) => p.name)).toEqual(['aktör']);

      await page.click(`[data-testid=query-item][data-query-name="${name}"]`);
      const param = page.locator('[data-testid="param-aktör"]');
      if (await param.isEditable()) await param.fill('actor-skr');
      await page.click('[data-testid=query-run]');
      await page.waitForSelector('[data-testid=result-table] tbody tr');
      expect(await page.textContent('[data-testid=result-table]')).toContain('Sveriges Kommuner och Regioner');
      await done(opened);
    } finally {
      await fetch(`${appUrl}/api/queries/${name}`, { method: 'DELETE' });
    }
  });

  it('downloads the node CSV with a UTF-8 BOM, so å, ä and ö survive Excel', async () => {
    const opened = await open();
    const { page } = opened;
    await page.click('[data-testid=export-menu]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv-nodes]')]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)], 'the first three bytes are the UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/Sveriges Kommuner och Regioner|Myndigheten för digital förvaltning/);
    await done(opened);
  });

  it('switches to English: interface text and relationship names change', async () => {
    const opened = await open('#sel=person-lena-micko');
    const { page } = opened;
    await page.waitForSelector('[data-testid=details-panel][data-node-id="person-lena-micko"] [data-testid=fact]');
    const svDetails = (await page.textContent('[data-testid=details-panel]')) ?? '';
    expect(svDetails).toContain('innehar');
    const svTab = (await page.textContent('[data-testid=tab-queries]')) ?? '';
    await page.selectOption('[data-testid=language-select]', 'en');
    await page.waitForFunction(() => (document.querySelector('[data-testid=details-panel]')?.textContent ?? '').includes('holds'));
    const enDetails = (await page.textContent('[data-testid=details-panel]')) ?? '';
    expect(enDetails).not.toContain('innehar');
    expect((await page.textContent('[data-testid=tab-queries]')) ?? '').not.toBe(svTab);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshotAll(page, 'english-details');
    await done(opened);
  });
});

/** Opens each main screen in turn on one page; `visit` returns after the screen is drawn. */
const SCREENS: { name: string; visit(page: Page): Promise<void> }[] = [
  { name: 'explore', visit: (page) => waitForGraph(page) },
  {
    name: 'details',
    visit: async (page) => {
      await page.evaluate(() => (location.hash = '#sel=actor-skr'));
      await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-skr"]');
      await waitForGraph(page);
    },
  },
  {
    name: 'reader',
    visit: async (page) => {
      await page.evaluate(() => (location.hash = '#sel=person-lena-micko'));
      const quote = page.locator('[data-testid=details-panel][data-node-id="person-lena-micko"] [data-testid=evidence-quote]').first();
      await quote.click();
      await page.waitForSelector('[data-testid=article-reader] [data-testid=quote-highlight]');
    },
  },
  {
    name: 'timeline',
    visit: async (page) => {
      await page.evaluate(() => (location.hash = ''));
      await waitForGraph(page);
      await showTimeline(page);
      await page.locator('[data-testid=timeline]').scrollIntoViewIfNeeded();
      // The canvas shrinks to make room and re-fits.
      await waitForGraph(page);
    },
  },
  {
    name: 'query',
    visit: async (page) => {
      await page.evaluate(() => (location.hash = `#tab=queries&q=agreements-of-actor&qp=${encodeURIComponent(JSON.stringify({ actor: 'actor-skr' }))}`));
      await resultDrawer(page);
      await waitForGraph(page);
    },
  },
];

describe('each main screen: screenshots, and an axe-core audit', () => {
  for (const size of sizes) {
    for (const theme of ['light', 'dark'] as Theme[]) {
      it(`at ${sizeName(size)} in the ${theme} theme, axe finds no serious or critical violation on the explore, details, reader, timeline and query screens`, async () => {
        const opened = await open('', { viewport: VIEWPORTS[size], colorScheme: theme }, '[data-testid=graph-canvas]');
        const { page } = opened;
        const found: { screen: string; violations: AxeViolation[] }[] = [];
        const unreachable: string[] = [];
        // A screen that cannot be opened is reported, and the others are still photographed and audited.
        for (const screen of SCREENS) {
          try {
            await screen.visit(page);
          } catch (err) {
            unreachable.push(`${screen.name}: ${(err as Error).message.split('\n')[0]}`);
            continue;
          }
          await screenshotAll(page, screen.name);
          found.push({ screen: screen.name, violations: await runAxe(page) });
        }
        const text = found.filter((f) => f.violations.length).map((f) => `${f.screen}:\n${describeViolations(f.violations)}`);
        expect(unreachable, 'screens that could not be opened').toEqual([]);
        expect(text, 'serious or critical axe violations').toEqual([]);
        await done(opened);
      }, 300_000);
    }
  }
});
