import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSeedDirectory } from '../../server/seed/load';
import { ROOT, startApp, type RunningApp } from '../support/app';
import { launchBrowser, openPage, screenshotAll, VIEWPORTS, type OpenedPage, type PageOptions } from '../support/browser';
import { describeViolations, runAxe, waitForGraph } from '../support/inspect';
import { getTestDriver, resetDatabase } from '../support/neo4j';

/**
 * Issue 14, "Done when": sign in as a viewer — the write controls are absent and the API refuses them; sign in as
 * a curator and add an article; the audit page lists it. In Chromium against the built app, started here in
 * AUTH_MODE=signin on the suite's Neo4j (the shared app stays in the open mode), with accounts made by
 * `npm run user -- add … --password-stdin` as an operator would. The seed is loaded again afterwards.
 */

const USERS = {
  viewer: { name: 'vera', display: 'Vera Öberg', role: 'viewer', password: 'läsare-lösenord-1' },
  curator: { name: 'cora', display: 'Cora Ärlig', role: 'curator', password: 'redaktör-lösenord-1' },
  admin: { name: 'ada', display: 'Ada Åkesson', role: 'admin', password: 'admin-lösenord-1' },
} as const;
type Who = keyof typeof USERS;

const TITLE = 'Länsstyrelserna samordnar e-tjänster';
const TEXT = `Publicerad: 3 mars 2027

${TITLE}

Länsstyrelserna och Myndigheten för digital förvaltning (DIGG) ska samordna sina e-tjänster för företagare.

– Vi vill göra det enklare att starta företag, säger Petra Holm, generaldirektör på DIGG.

Arbetet ska vara klart under 2028.`;

let browser: Browser;
let app: RunningApp;
let secretDir: string;
let env: Record<string, string>;

/** Adds an account with the app's own command, the password on standard input. */
function addUser(who: Who): Promise<void> {
  const u = USERS[who];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', 'add', u.name, '--role', u.role, '--display', u.display, '--password-stdin'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += String(d)));
    child.stderr!.on('data', (d) => (output += String(d)));
    child.stdin!.end(`${u.password}\n`);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run user -- add ${u.name} exited with ${code}:\n${output}`))));
  });
}

beforeAll(async () => {
  const uri = inject('neo4jUri');
  if (!uri) throw new Error('This file starts its own app in AUTH_MODE=signin on the suite’s Neo4j: run it through the browser project without APP_URL.');
  secretDir = mkdtempSync(join(tmpdir(), 'explorer-auth-'));
  env = { NEO4J_URI: uri, NEO4J_PASSWORD: inject('neo4jPassword'), AUTH_SECRET_FILE: join(secretDir, 'auth-secret') };
  for (const who of Object.keys(USERS) as Who[]) await addUser(who);
  app = await startApp({ ...env, AUTH_MODE: 'signin' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (secretDir) rmSync(secretDir, { recursive: true, force: true });
  // The other browser tests expect the seeded graph without the article, accounts and events added here.
  if (inject('neo4jUri')) {
    await resetDatabase();
    await loadSeedDirectory(getTestDriver(), 'seed');
    await getTestDriver().close();
  }
});

async function open(hash: string, opts: PageOptions = {}): Promise<OpenedPage> {
  const opened = await openPage(browser, `${app.url}/${hash}`, opts);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

/** Closes the page's context and asserts the console stayed clean but for the refusals the test asked for. */
async function done({ page, consoleErrors, failedRequests }: OpenedPage, allowed: (e: string) => boolean = () => false): Promise<void> {
  await page.context().close();
  expect(consoleErrors.filter((e) => !allowed(e)), `console errors (failed requests: ${failedRequests.join('; ') || 'none'})`).toEqual([]);
}

/** Signs in from the keyboard alone: the cursor starts in the name, Tab to the password, Enter. */
async function signIn(page: Page, who: Who): Promise<void> {
  await page.waitForSelector('[data-testid=signin-page]');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('signin-name');
  await page.keyboard.type(USERS[who].name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(USERS[who].password);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=user-menu]');
}

async function signOut(page: Page): Promise<void> {
  await page.click('[data-testid=user-menu-button]');
  await page.click('[data-testid=sign-out]');
  await page.waitForSelector('[data-testid=signin-page]');
}

/** A state-changing request as the page would send it (session cookie and CSRF token): the status and error code. */
async function write(page: Page, path: string, body: unknown): Promise<{ status: number; code: string | undefined; details: unknown }> {
  return page.evaluate(
    async ({ path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string | null };
      const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken ?? '' }, body: JSON.stringify(body) });
      const answer = (await res.json().catch(() => ({}))) as { error?: { code?: string; details?: unknown } };
      return { status: res.status, code: answer.error?.code, details: answer.error?.details };
    },
    { path, body },
  );
}

/** Presses j until the focused proposal matches, as a keyboard user steps through the list. */
async function stepTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.locator(`[data-testid=proposal][aria-current=true]${selector}`).count()) return;
    await page.keyboard.press('j');
  }
  throw new Error(`j never reached a proposal matching ${selector}`);
}

describe('signing in', () => {
  it('shows nobody anything but the sign-in page, says what went wrong in words, and returns to the address asked for', async () => {
    const opened = await open('#nodes=actor-digg&sel=actor-digg');
    const { page } = opened;
    await page.waitForSelector('[data-testid=signin-page]');
    expect(page.url()).toContain('#/signin?next=');
    expect(await page.locator('[data-testid=toolbar], [data-testid=search-input]').count()).toBe(0);

    // A wrong password: announced, in Swedish, the password field emptied for another try.
    await page.fill('[data-testid=signin-name]', USERS.viewer.name);
    await page.fill('[data-testid=signin-password]', 'inte-lösenordet');
    await page.keyboard.press('Enter');
    const alert = page.locator('[role=alert][data-testid=signin-error]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Fel användarnamn eller lösenord');
    expect(await page.inputValue('[data-testid=signin-password]')).toBe('');

    // An error a single sign-on came back with is said in words, not as a code.
    const sso = await open('#/signin?error=OIDC_NO_ROLE');
    await sso.page.waitForSelector('[role=alert][data-testid=signin-sso-error]');
    expect(await sso.page.textContent('[data-testid=signin-sso-error]')).toContain('ingen roll i den här appen');
    await done(sso);

    await page.reload();
    await signIn(page, 'viewer');
    await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-digg"]');
    expect(page.url()).toMatch(/#nodes=actor-digg.*sel=actor-digg/);
    expect(await page.textContent('[data-testid=user-name]')).toBe(USERS.viewer.display);
    expect(await page.textContent('[data-testid=user-role]')).toBe('läsare');
    await done(opened, (e) => e.includes('401'));
  });

  it('shows the sign-in page when the session ends under the user, and goes on where they were afterwards', async () => {
    const opened = await open('#nodes=actor-digg&sel=actor-digg');
    const { page } = opened;
    await signIn(page, 'viewer');
    await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-digg"]');

    // The session is gone (expired, or ended elsewhere); the next thing the user asks for gets a 401.
    await page.context().clearCookies();
    await page.evaluate(() => {
      window.location.hash = '#nodes=actor-skr&sel=actor-skr';
    });
    await page.waitForSelector('[data-testid=signin-expired]');
    expect(await page.textContent('[data-testid=signin-expired]')).toContain('Din session har gått ut');
    expect(decodeURIComponent(page.url())).toContain('next=#nodes=actor-skr&sel=actor-skr');

    await signIn(page, 'viewer');
    await page.waitForSelector('[data-testid=details-panel][data-node-id="actor-skr"]');
    expect(page.url()).toMatch(/#nodes=actor-skr.*sel=actor-skr/);
    await done(opened, (e) => e.includes('401'));
  });
});

describe('roles', () => {
  it('gives a viewer no write controls, refuses their writes with 403 FORBIDDEN, and signs them out', async () => {
    const opened = await open('');
    const { page } = opened;
    await signIn(page, 'viewer');
    await waitForGraph(page);

    // No way into adding articles, no Cypher editor, no editing of saved queries.
    expect(await page.locator('[data-testid=add-article]').count()).toBe(0);
    await page.click('[data-testid=tab-queries]');
    await page.waitForSelector('[data-testid=query-list]');
    expect(await page.locator('[data-testid=new-cypher]').count()).toBe(0);
    await page.locator('[data-testid=query-item]').first().click();
    await page.waitForSelector('[data-testid=query-open]');
    expect(await page.locator('[data-testid=query-edit], [data-testid=query-delete], [data-testid=save-query]').count()).toBe(0);
    // The account menu has no admin pages, and the ingest address says which role it needs.
    await page.click('[data-testid=user-menu-button]');
    expect(await page.locator('[data-testid=nav-audit]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.goto(`${app.url}/#/ingest`);
    await page.waitForSelector('[data-testid=role-required]');
    expect(await page.textContent('[data-testid=role-required-text]')).toContain('kräver rollen redaktör');

    // The server refuses what the UI leaves out, naming the role needed.
    const cypher = await write(page, '/api/cypher/run', { cypher: 'MATCH (n) RETURN count(n)' });
    expect(cypher).toMatchObject({ status: 403, code: 'FORBIDDEN', details: { required: 'analyst', role: 'viewer' } });
    const save = await write(page, '/api/queries', { name: 'vera-testar', description: 'x', cypher: 'RETURN 1' });
    expect(save).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const ingest = await write(page, '/api/ingest/proposals', { title: TITLE, text: TEXT });
    expect(ingest).toMatchObject({ status: 403, code: 'FORBIDDEN', details: { required: 'curator' } });

    await page.goto(`${app.url}/`);
    await page.waitForSelector('[data-testid=user-menu]');
    await signOut(page);
    expect(await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: unknown }).user)).toBeNull();
    await done(opened, (e) => e.includes('403'));
  });

  it('lets a curator add an article', async () => {
    const opened = await open('');
    const { page } = opened;
    await signIn(page, 'curator');
    await page.click('[data-testid=add-article]');
    await page.waitForSelector('[data-testid=ingest-add]');
    await page.fill('[data-testid=ingest-text]', TEXT);
    await page.fill('[data-testid=ingest-title]', TITLE);
    await page.fill('[data-testid=ingest-outlet]', 'Testtidningen');
    await page.waitForSelector('[data-testid=ingest-published-hint]:has-text("Föreslaget från texten")');
    await page.click('[data-testid=ingest-submit]');
    await page.waitForSelector('[data-testid=review] [data-testid=review-article]', { timeout: 60_000 });

    await stepTo(page, ':has(.proposal-name:text-is("Petra Holm"))[data-kind=entity]');
    await page.keyboard.press('a');
    await page.click('[data-testid=review-accept]');
    await page.waitForSelector('.toast', { timeout: 60_000 });
    expect(await page.textContent('.toast')).toContain(TITLE);
    expect(page.url()).not.toContain('#/ingest');
    await done(opened);
  });
});

describe('the audit log', () => {
  it('lists the curator’s accepted article for an admin, newest first, filtered by event, with the CSV export', async () => {
    const opened = await open('');
    const { page } = opened;
    await signIn(page, 'admin');
    await page.click('[data-testid=user-menu-button]');
    await page.click('[data-testid=nav-audit]');
    await page.waitForSelector('[data-testid=audit-table]');
    expect(page.url()).toMatch(/#\/audit$/);

    const accepted = page.locator('[data-testid=audit-row][data-action="ingest.accept"]', { hasText: TITLE });
    expect(await accepted.count()).toBe(1);
    expect(await accepted.textContent()).toContain(USERS.curator.name);
    expect(await accepted.textContent()).toContain('Godkände artikel');
    // Newest first: the admin's own sign-in comes before the accept.
    const actions = await page.$$eval('[data-testid=audit-row]', (rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.indexOf('signin')).toBeLessThan(actions.indexOf('ingest.accept'));

    await page.selectOption('[data-testid=audit-action]', 'ingest.accept');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=audit-row]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-action') === 'ingest.accept');
    });
    expect(await page.locator('[data-testid=audit-row]', { hasText: TITLE }).count()).toBe(1);
    expect(await page.getAttribute('[data-testid=audit-csv]', 'href')).toBe('/api/audit.csv');
    const csv = await page.evaluate(async () => (await fetch('/api/audit.csv')).text());
    expect(csv).toContain(TITLE);
    await done(opened);
  });

  it('lets an admin add a user, change their role, disable them so their sign-in is refused, and enable them again; refuses, in words, to demote the last admin', async () => {
    const anton = { name: 'anton', display: 'Anton Ek', password: 'anton-lösenord-1' };
    const opened = await open('');
    const { page } = opened;
    await signIn(page, 'admin');
    await page.click('[data-testid=user-menu-button]');
    await page.click('[data-testid=nav-users]');
    await page.waitForSelector('[data-testid=users-table]');
    expect(page.url()).toMatch(/#\/users$/);
    expect(await page.textContent('[data-testid=users-page]')).toContain('npm run user');
    const row = (name: string) => page.locator(`[data-testid=user-row][data-name="${name}"]`);
    const status = page.locator('[role=status][data-testid=users-status]');

    // "Lägg till användare" from the keyboard; two different passwords are caught before anything is sent.
    await page.focus('[data-testid=user-add-name]');
    await page.keyboard.type(anton.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(anton.display);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('user-add-role');
    await page.selectOption('[data-testid=user-add-role]', 'analyst');
    await page.focus('[data-testid=user-add-password]');
    await page.keyboard.type(anton.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type('något-annat-lösenord');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alert][data-testid=user-add-error]');
    expect(await page.textContent('[data-testid=user-add-error]')).toContain('Lösenorden är inte likadana');
    expect(await page.getAttribute('[data-testid=user-add-repeat]', 'aria-invalid')).toBe('true');
    await page.fill('[data-testid=user-add-repeat]', anton.password);
    await page.keyboard.press('Enter');
    await row(anton.name).waitFor();
    expect(await status.textContent()).toContain('Lade till anton med rollen analytiker');
    expect(await row(anton.name).getAttribute('data-role')).toBe('analyst');
    expect(await row(anton.name).textContent()).toContain(anton.display);
    expect(await page.inputValue('[data-testid=user-add-name]')).toBe('');

    // The same name again is refused in words.
    await page.fill('[data-testid=user-add-name]', anton.name);
    await page.fill('[data-testid=user-add-password]', anton.password);
    await page.fill('[data-testid=user-add-repeat]', anton.password);
    await page.click('[data-testid=user-add-submit]');
    await page.waitForSelector('[role=alert][data-testid=user-add-error]');
    expect(await page.textContent('[data-testid=user-add-error]')).toContain('Det finns redan ett konto med namnet anton');

    // Analyst → curator with the row's select and "Spara"; the server has it.
    await row(anton.name).locator('[data-testid=user-role]').selectOption('curator');
    await row(anton.name).locator('[data-testid=user-role-save]').click();
    await page.waitForSelector(`[data-testid=user-row][data-name="${anton.name}"][data-role=curator]`);
    expect(await status.textContent()).toContain('anton har nu rollen redaktör');
    const listed = await page.evaluate(async () => ((await (await fetch('/api/admin/users')).json()) as { users: { name: string; role: string; disabled: boolean }[] }).users);
    expect(listed.find((u) => u.name === 'anton')).toMatchObject({ role: 'curator', disabled: false });

    // "Stäng av": anton's sign-in is refused.
    await row(anton.name).locator('[data-testid=user-toggle]').click();
    await page.waitForSelector(`[data-testid=user-row][data-name="${anton.name}"][data-status=disabled]`);
    expect(await row(anton.name).locator('[data-testid=user-status]').textContent()).toBe('avstängd');
    expect(await row(anton.name).locator('[data-testid=user-toggle]').textContent()).toBe('Aktivera');
    expect(await status.textContent()).toContain('anton är avstängd');
    const other = await open('');
    await other.page.waitForSelector('[data-testid=signin-page]');
    await other.page.fill('[data-testid=signin-name]', anton.name);
    await other.page.fill('[data-testid=signin-password]', anton.password);
    await other.page.keyboard.press('Enter');
    await other.page.waitForSelector('[role=alert][data-testid=signin-error]');
    expect(await other.page.textContent('[data-testid=signin-error]')).toContain('Fel användarnamn eller lösenord');

    // "Aktivera" (the focus stays on the button, for the keyboard): anton signs in, as a curator. The admin's
    // window comes to the front first, as when a person clicks in it: focus follows only in the window in front.
    await page.bringToFront();
    await row(anton.name).locator('[data-testid=user-toggle]').click();
    await page.waitForSelector(`[data-testid=user-row][data-name="${anton.name}"][data-status=active]`);
    expect(await status.textContent()).toContain('anton är aktiverad');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'user-toggle');
    await other.page.fill('[data-testid=signin-password]', anton.password);
    await other.page.keyboard.press('Enter');
    await other.page.waitForSelector('[data-testid=user-menu]');
    expect(await other.page.textContent('[data-testid=user-role]')).toBe('redaktör');
    await done(other, (e) => e.includes('401'));

    // The only admin cannot make herself a curator: LAST_ADMIN, said in Swedish, and nothing changes.
    await row(USERS.admin.name).locator('[data-testid=user-role]').selectOption('curator');
    await row(USERS.admin.name).locator('[data-testid=user-role-save]').click();
    const refusal = page.locator('[role=alert][data-testid=user-error]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('utan någon aktiv administratör');
    expect(await row(USERS.admin.name).getAttribute('data-role')).toBe('admin');
    expect(await row(USERS.admin.name).locator('[data-testid=user-role]').inputValue()).toBe('admin');
    expect(await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { role: string } }).user.role)).toBe('admin');

    // "Nytt lösenord" opens a labelled form in the row; the page passes axe with it and the refusal showing.
    await row(anton.name).locator('[data-testid=user-password]').click();
    await page.waitForSelector('[data-testid=user-password-form]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('user-new-password');
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshotAll(page, 'users');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=user-password-form]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('user-password');
    await done(opened, (e) => e.includes('409'));

    // And on a large screen in the dark theme.
    const dark = await open('', { viewport: VIEWPORTS.desktop, colorScheme: 'dark' });
    await signIn(dark.page, 'admin');
    await dark.page.goto(`${app.url}/#/users`);
    await dark.page.waitForSelector(`[data-testid=user-row][data-name="${anton.name}"]`);
    await screenshotAll(dark.page, 'users');
    const darkViolations = await runAxe(dark.page);
    expect(darkViolations, describeViolations(darkViolations)).toEqual([]);
    await done(dark, (e) => e.includes('401'));
  });
});

describe('looks', () => {
  it('shows the sign-in page and the audit log calm and readable at 1280×800 and 1920×1080, light and dark, with no axe violations', async () => {
    const docs = join(ROOT, 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of Object.values(VIEWPORTS)) {
        const opened = await open('', { viewport, colorScheme });
        const { page } = opened;
        await page.waitForSelector('[data-testid=signin-page]');
        const signin = await screenshotAll(page, 'signin');
        let violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        // The card sits in the middle of the window, whatever its size.
        const card = (await page.locator('.signin-card').boundingBox())!;
        expect(Math.abs(card.x + card.width / 2 - viewport.width / 2)).toBeLessThan(2);

        await signIn(page, 'admin');
        await page.goto(`${app.url}/#/audit`);
        await page.waitForSelector('[data-testid=audit-table]');
        const audit = await screenshotAll(page, 'audit');
        violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

        // The README shows these three.
        const size = `${viewport.width}x${viewport.height}`;
        if (`${size}-${colorScheme}` === '1280x800-light') {
          copyFileSync(signin, join(docs, 'signin-1280x800-light.png'));
          copyFileSync(audit, join(docs, 'audit-1280x800-light.png'));
        }
        if (`${size}-${colorScheme}` === '1920x1080-dark') copyFileSync(signin, join(docs, 'signin-1920x1080-dark.png'));
        await done(opened);
      }
    }
  });
});
