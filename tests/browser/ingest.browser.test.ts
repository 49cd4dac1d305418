import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSeedDirectory } from '../../server/seed/load';
import { launchBrowser, openPage, screenshotAll, VIEWPORTS, type OpenedPage, type Theme } from '../support/browser';
import { describeViolations, runAxe } from '../support/inspect';
import { getTestDriver, resetDatabase } from '../support/neo4j';

/**
 * Issue 12, "Done when": an analyst pastes an article, reviews what the app found in it and accepts it; then
 * search finds the new person, her quote is in the details panel, and the evidence opens the new article with
 * the passage highlighted. In Chromium against the built app on a seeded Neo4j. The browser tests share that
 * database, so the seed is loaded again afterwards.
 */

const appUrl = inject('appUrl');
let browser: Browser;

const TITLE = 'Digg och SKR vill dela mer data';
const QUOTE = 'Vi måste samarbeta mer';
const TEXT = `Publicerad: 30 november 2026

${TITLE}

Myndigheten för digital förvaltning (DIGG) och Sveriges Kommuner och Regioner (SKR) ska ta fram en gemensam plan för hur offentliga aktörer delar data med varandra.

– ${QUOTE}, säger Karin Lund, generaldirektör på DIGG.

Planen ska vara klar under 2027.`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // The other browser tests expect the seeded graph: the article, Karin Lund and any draft left go again.
  if (inject('neo4jUri')) {
    await resetDatabase();
    await loadSeedDirectory(getTestDriver(), 'seed');
    await getTestDriver().close();
  }
});

async function open(hash: string, opts: { viewport?: { width: number; height: number }; colorScheme?: Theme } = {}): Promise<OpenedPage> {
  const opened = await openPage(browser, `${appUrl}/${hash}`, opts);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

async function done({ page, consoleErrors, failedRequests }: OpenedPage, allowed: (e: string) => boolean = () => false): Promise<void> {
  await page.context().close();
  expect(consoleErrors.filter((e) => !allowed(e)), `console errors (failed requests: ${failedRequests.join('; ') || 'none'})`).toEqual([]);
}

/** Fills the add form the way an analyst does and waits for the date read from the text. */
async function fillForm(page: Page): Promise<void> {
  await page.fill('[data-testid=ingest-text]', TEXT);
  await page.fill('[data-testid=ingest-title]', TITLE);
  await page.fill('[data-testid=ingest-outlet]', 'Testtidningen');
  await page.waitForSelector('[data-testid=ingest-published-hint]:has-text("Föreslaget från texten: «Publicerad: 30 november 2026»")');
  expect(await page.inputValue('[data-testid=ingest-published]')).toBe('2026-11-30');
}

/** Presses j until the focused proposal matches, as a keyboard user steps through the list. */
async function stepTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.locator(`[data-testid=proposal][aria-current=true]${selector}`).count()) return;
    await page.keyboard.press('j');
  }
  throw new Error(`j never reached a proposal matching ${selector}`);
}

/** Selects a passage of the article text as a mouse would (a DOM selection across the runs, then mouseup). */
async function selectInArticle(page: Page, passage: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector('[data-testid=review-article]')!;
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const full = nodes.map((n) => n.data).join('');
    const start = full.indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" is not in the article`);
    const point = (offset: number): [Text, number] => {
      for (const n of nodes) {
        if (offset <= n.data.length) return [n, offset];
        offset -= n.data.length;
      }
      throw new Error('offset past the text');
    };
    const range = document.createRange();
    range.setStart(...point(start));
    range.setEnd(...point(start + wanted.length));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, passage);
}

const karinCard = ':has(.proposal-name:text-is("Karin Lund"))[data-kind=entity]';

describe('adding an article', () => {
  let draftUrl = '';

  it('checks the form inline, reads the date from the text, and proposes the new person and her quote', async () => {
    const opened = await open('');
    const { page } = opened;
    await page.click('[data-testid=add-article]');
    await page.waitForSelector('[data-testid=ingest-add]');
    expect(page.url()).toMatch(/#\/ingest$/);

    // Nothing is sent while the text and the title are missing; each field says what to fix.
    await page.click('[data-testid=ingest-submit]');
    expect(await page.textContent('[data-testid=ingest-problem-text]')).toContain('Klistra in artikelns text');
    expect(await page.textContent('[data-testid=ingest-problem-title]')).toContain('rubrik');
    await page.fill('[data-testid=ingest-url]', 'testtidningen.se/artikel');
    await page.click('[data-testid=ingest-submit]');
    expect(await page.textContent('[data-testid=ingest-problem-url]')).toContain('https://');
    await page.fill('[data-testid=ingest-url]', '');

    await fillForm(page);
    await page.click('[data-testid=ingest-submit]');
    await page.waitForSelector('[data-testid=review] [data-testid=review-article]', { timeout: 60_000 });
    draftUrl = page.url();
    expect(draftUrl).toMatch(/#\/ingest\/draft-[a-z0-9-]+$/);

    // The text is shown exactly as pasted, with the proposals on it.
    expect(await page.textContent('[data-testid=review-article]')).toBe(TEXT);
    await page.waitForSelector(`[data-testid=proposal]${karinCard}`);
    const quoteFact = page.locator('[data-testid=proposal][data-type=QUOTED_IN]');
    expect(await quoteFact.count()).toBeGreaterThan(0);
    expect(await quoteFact.first().textContent()).toContain(QUOTE);
    expect(await page.textContent('[data-testid=review-shortcuts]')).toMatch(/acceptera.*avvisa/);
    await done(opened);
  });

  it('shows the add and review screens calm and readable at 1280×800 and 1920×1080, light and dark, with no axe violations', async () => {
    expect(draftUrl, 'the first test leaves a draft to look at').not.toBe('');
    const hash = draftUrl.slice(draftUrl.indexOf('#'));
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of Object.values(VIEWPORTS)) {
        const opened = await open('#/ingest', { viewport, colorScheme });
        const { page } = opened;
        // The unfinished review is listed, to be resumed.
        await page.waitForSelector(`[data-testid=ingest-draft]:has-text("${TITLE}")`);
        await page.fill('[data-testid=ingest-text]', TEXT);
        await page.waitForSelector('[data-testid=ingest-published-hint]:has-text("Föreslaget från texten")');
        await screenshotAll(page, 'ingest-add');
        let violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);

        await page.goto(`${appUrl}/${hash}`);
        await page.waitForSelector('[data-testid=review-article]');
        await page.keyboard.press('j');
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-testid=proposal][aria-current=true] .proposal-details');
        await page.waitForTimeout(500);
        await screenshotAll(page, 'ingest-review');
        violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        // Nothing overflows the window sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await done(opened);
      }
    }
  });

  it('is reviewed from the keyboard and accepted; search finds the new person, her quote is in the details, and its evidence opens the new article highlighted', async () => {
    const opened = await open(draftUrl.slice(draftUrl.indexOf('#')));
    const { page } = opened;
    await page.waitForSelector('[data-testid=review-article]');

    // Accept her: j to her card, a. Her name in the text turns from proposed (dashed) to accepted (solid, ✓).
    await stepTo(page, karinCard);
    await page.keyboard.press('a');
    await page.waitForSelector(`[data-testid=proposal]${karinCard}[data-state=accepted]`);
    const karinMention = page.locator('[data-testid=review-article] .review-mention', { hasText: 'Karin Lund' }).first();
    expect(await karinMention.getAttribute('class')).toContain('mention-accepted');
    expect(await karinMention.getAttribute('data-icon')).toBe('✓');

    // Accept the quote fact; its evidence comes into focus in the text.
    await stepTo(page, '[data-type=QUOTED_IN]');
    expect(await page.textContent('[data-testid=review-article] .focus-run')).toContain(QUOTE);
    // The evidence is adjusted by selecting text and pressing e: first a part of the quote, then the quote again.
    for (const passage of ['måste samarbeta', QUOTE]) {
      await selectInArticle(page, passage);
      await page.keyboard.press('e');
      await page.waitForSelector(`[data-testid=proposal][data-type=QUOTED_IN] .fact-evidence q:text-is("${passage}")`);
    }
    await page.keyboard.press('a');
    await page.waitForSelector('[data-testid=proposal][data-type=QUOTED_IN][data-state=accepted]');

    await page.click('[data-testid=review-accept]');
    // The explorer opens on the new person, with a notice.
    await page.waitForSelector('[data-testid=details-panel] [data-testid=details-name]:text-is("Karin Lund")', { timeout: 60_000 });
    expect(page.url()).not.toContain('#/ingest');
    expect(await page.textContent('.toast')).toContain(TITLE);
    // The source-article filter lists the new article without a reload.
    await page.waitForFunction((title) => [...document.querySelectorAll('[data-testid^=filter-article-]')].some((el) => el.closest('label')?.textContent?.includes(title)), TITLE, { timeout: 15_000 });

    // Search finds her.
    await page.fill('[data-testid=search-input]', 'Karin Lund');
    const option = page.locator('[data-testid=search] [data-testid=search-option]', { hasText: 'Karin Lund' }).first();
    await option.waitFor();
    const personId = await option.getAttribute('data-id');
    await option.click();
    await page.waitForSelector(`[data-testid=details-panel][data-node-id="${personId}"] [data-testid=evidence-quote]`);
    const quote = page.locator('[data-testid=details-panel] [data-testid=evidence-quote]', { hasText: QUOTE }).first();
    expect(await quote.textContent()).toContain(TITLE);

    // The evidence opens the new article with the passage highlighted.
    await quote.click();
    await page.waitForSelector('[data-testid=article-reader] [data-testid=quote-highlight]');
    expect(await page.textContent('#reader-title')).toBe(TITLE);
    const highlighted = await page.$$eval('[data-testid=quote-highlight]', (els) => els.map((e) => e.textContent ?? '').join(''));
    expect(highlighted).toBe(QUOTE);
    await done(opened);
  });

  it('takes an uploaded .html file as text, with the title and the date it states, and says which files it cannot read', async () => {
    const opened = await open('#/ingest');
    const { page } = opened;
    await page.waitForSelector('[data-testid=ingest-add]');
    const html = '<html><head><title>Region Uppsala satsar</title></head><body><h1>Region Uppsala satsar på e-tjänster</h1><p>Sidan publicerad: 2026-06-14</p><p>– Det här är viktigt, säger Anna Ek.</p></body></html>';
    await page.setInputFiles('[data-testid=ingest-file]', { name: 'artikel.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await page.waitForFunction(() => (document.querySelector('[data-testid=ingest-text]') as HTMLTextAreaElement).value.includes('Anna Ek'));
    const text = await page.inputValue('[data-testid=ingest-text]');
    expect(text).not.toContain('<');
    expect(text).toContain('– Det här är viktigt, säger Anna Ek.');
    expect(await page.inputValue('[data-testid=ingest-title]')).not.toBe('');
    expect(await page.inputValue('[data-testid=ingest-published]')).toBe('2026-06-14');
    expect(await page.textContent('[data-testid=ingest-published-hint]')).toContain('«Sidan publicerad: 2026-06-14»');
    await page.setInputFiles('[data-testid=ingest-file]', { name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    expect(await page.textContent('[data-testid=ingest-file-problem]')).toContain('.txt-, .md- eller .html-fil');
    await done(opened);
  });

  it('refuses the same text a second time with a way to the article already in the graph', async () => {
    const opened = await open('#/ingest');
    const { page } = opened;
    await page.waitForSelector('[data-testid=ingest-add]');
    await fillForm(page);
    await page.click('[data-testid=ingest-submit]');
    await page.waitForSelector('[data-testid=ingest-duplicate]');
    expect(await page.textContent('[data-testid=ingest-duplicate]')).toContain('finns redan i grafen');
    await page.click('[data-testid=ingest-duplicate-open]');
    await page.waitForSelector('[data-testid=article-reader]');
    expect(await page.textContent('#reader-title')).toBe(TITLE);
    // The refusal is a 409 the page expected, not an error.
    await done(opened, (e) => e.includes('409'));
  });
});
