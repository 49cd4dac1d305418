import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/app';
import { launchBrowser } from '../support/browser';
import { overlaps } from '../support/geometry';
import { inputContrast, labelBoxes, truncatedLabels, waitForGraph } from '../support/inspect';

/**
 * The measuring tools of readable.browser.test.ts, checked on pages whose answer is known: a Cytoscape graph
 * with colliding, hidden and ellipsised labels, and a form with readable and unreadable fields.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function graphPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute; left:100px; top:50px; width:600px; height:400px"></div></body></html>');
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js') });
  await page.evaluate(() => {
    const cytoscape = (window as any).cytoscape;
    const cy = cytoscape({
      container: document.getElementById('cy'),
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 14, width: 10, height: 10, 'text-valign': 'bottom' } },
        { selector: '.cut', style: { 'text-wrap': 'ellipsis', 'text-max-width': '60px' } },
        { selector: '.quiet', style: { 'text-opacity': 0 } },
        { selector: '.tiny', style: { 'min-zoomed-font-size': 100 } },
      ],
      elements: [
        { data: { id: 'a', kind: 'Actor', name: 'Sveriges Kommuner och Regioner', label: 'SKR' }, position: { x: 0, y: 0 } },
        { data: { id: 'b', kind: 'Person', name: 'Lena Micko', label: 'Lena Micko' }, position: { x: 8, y: 2 } },
        { data: { id: 'c', kind: 'Person', name: 'Ardalan Shekarabi', label: 'Ardalan Shekarabi' }, position: { x: 300, y: 0 }, classes: 'cut' },
        { data: { id: 'd', kind: 'Topic', name: 'Under the others', label: 'Under the others' }, position: { x: 0, y: 150 }, classes: 'quiet' },
        { data: { id: 'e', kind: 'Topic', name: 'Too small to draw', label: 'Too small to draw' }, position: { x: 0, y: 160 }, classes: 'tiny' },
        { data: { id: 'f', kind: 'Actor', name: 'Hidden', label: 'Hidden' }, position: { x: 0, y: 170 }, style: { display: 'none' } },
      ],
      layout: { name: 'preset' },
    });
    cy.fit(undefined, 30);
    (window as any).explorer = { cy, layoutRunning: false };
  });
  await waitForGraph(page, 10_000);
  return page;
}

describe('labelBoxes, overlaps and truncatedLabels on a known graph', () => {
  it('returns only labels a reader sees, in page pixels inside the canvas', async () => {
    const page = await graphPage();
    const boxes = await labelBoxes(page);
    expect(boxes.map((b) => b.id).sort()).toEqual(['a', 'b', 'c']);
    for (const b of boxes) {
      expect(b.x1).toBeGreaterThanOrEqual(100 - 1);
      expect(b.x2).toBeLessThanOrEqual(700 + 1);
      expect(b.y1).toBeGreaterThanOrEqual(50 - 1);
      expect(b.y2).toBeLessThanOrEqual(450 + 1);
    }
    // The label box scales with zoom: a 14 px font is drawn taller than 14 px when zoomed in.
    const zoom = await page.evaluate(() => (window as any).explorer.cy.zoom());
    const a = boxes.find((b) => b.id === 'a')!;
    expect(a.y2 - a.y1).toBeGreaterThan(14 * zoom * 0.8);
    await page.close();
  });

  it('finds the two labels drawn over each other and no other pair', async () => {
    const page = await graphPage();
    const pairs = overlaps(await labelBoxes(page)).map((o) => [o.a.id, o.b.id].sort().join('+'));
    expect(pairs).toEqual(['a+b']);
    await page.close();
  });

  it('calls an ellipsised name cut, and neither a full name nor a short form', async () => {
    const page = await graphPage();
    const cut = await truncatedLabels(page, ['Actor', 'Person']);
    expect(cut.map((c) => c.id)).toEqual(['c']);
    expect(cut[0]!.drawn).toMatch(/…$/);
    await page.close();
  });

  it('says clearly when the page does not expose window.explorer', async () => {
    const page = await browser.newPage();
    await page.setContent('<p>no graph</p>');
    await expect(waitForGraph(page, 500)).rejects.toThrow(/window.explorer is missing/);
    await page.close();
  });
});

describe('inputContrast on a known form', () => {
  it('measures typed text against the background behind the field and restores what was there', async () => {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><body style="background:#fff">
      <input data-testid="white-on-white" style="color:#fff; background:transparent" value="">
      <div style="background:#111"><input data-testid="light-on-dark" style="color:#eee; background:rgba(0,0,0,0)" value="kvar"></div>
      <textarea data-testid="grey" style="color:#767676; background:#fff"></textarea>
      <input data-testid="date" pattern="\\d{4}-\\d{2}-\\d{2}" style="color:#000">
      <input type="checkbox" data-testid="box">
      <input data-testid="off" disabled>
      <select data-testid="choice" style="color:#000; background:#fff"><option>sv</option></select>
    </body></html>`);
    const found = await inputContrast(page);
    const by = Object.fromEntries(found.map((f) => [f.field, f.ratio]));
    expect(Object.keys(by).sort()).toEqual(['choice', 'date', 'grey', 'light-on-dark', 'white-on-white']);
    expect(by['white-on-white']).toBeCloseTo(1, 1);
    expect(by['light-on-dark']).toBeGreaterThan(14);
    expect(by['grey']).toBeCloseTo(4.54, 1);
    expect(await page.inputValue('[data-testid=light-on-dark]')).toBe('kvar');
    await page.close();
  });
});
