import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the main screens land here (named in the README). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** Launches Debian's Chromium headless with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The two screen sizes the issue judges the page at. */
export const VIEWPORTS = {
  laptop: { width: 1280, height: 800 },
  desktop: { width: 1920, height: 1080 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
export type Theme = 'light' | 'dark';

export interface PageOptions {
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  /** The OS colour scheme the page sees (`prefers-color-scheme`); default light. */
  colorScheme?: Theme;
  /** Default sv-SE, as a Swedish analyst's browser. */
  locale?: string;
  /** Whether the page may start downloads (default true). */
  acceptDownloads?: boolean;
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far; a test ends by asserting it is empty. */
  consoleErrors: string[];
  /** Answers with status ≥ 400 ("404 GET http://…"), to say which resource a console error is about. */
  failedRequests: string[];
}

/** Opens a page that records console errors and failed requests, so a test can assert there were none. */
export async function openPage(browser: Browser, url: string, opts: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? VIEWPORTS.laptop,
    locale: opts.locale ?? 'sv-SE',
    colorScheme: opts.colorScheme ?? 'light',
    acceptDownloads: opts.acceptDownloads ?? true,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    // "Failed to load resource" names no resource in its text; its location does.
    const where = msg.text().startsWith('Failed to load resource') ? msg.location().url : '';
    if (msg.type() === 'error') consoleErrors.push(where ? `${msg.text()} — ${where}` : msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  const failedRequests: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) failedRequests.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  await page.goto(url);
  return { page, consoleErrors, failedRequests };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * A screenshot named after the screen, the page's size and its theme:
 * test-results/screenshots/<name>-<w>x<h>-<theme>.png. The theme is read from the page itself
 * (`<html data-theme>`, else the colour scheme the page was opened with).
 */
export async function screenshotAll(page: Page, name: string): Promise<string> {
  const size = page.viewportSize() ?? VIEWPORTS.laptop;
  const theme = await page.evaluate(() => document.documentElement.dataset['theme'] ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  return screenshot(page, `${name}-${size.width}x${size.height}-${theme}`);
}
