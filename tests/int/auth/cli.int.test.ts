import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../support/app';
import { getTestDriver, resetDatabase } from '../../support/neo4j';
import { startSigninApp, type SigninApp } from './support';

/** Issue 14: `npm run user` adds, lists, changes and disables accounts in the database the app uses. */

let app: SigninApp;

/** Runs `npm run user -- …` as an operator would (without npm's banner); `stdin` is piped in. */
function user(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), AUTH_SECRET_FILE: app.secretFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  await resetDatabase();
  app = await startSigninApp();
});
afterAll(async () => {
  await app?.close();
});

describe('npm run user', () => {
  it('adds a user with the password from stdin, who can then sign in to the app', async () => {
    const out = await user(['add', 'maria', '--role', 'curator', '--display', 'Maria Åkesson', '--password-stdin'], 'maria-lösenord-1\n');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Added maria \(curator\)/);
    const maria = await app.browser().signIn('maria', 'maria-lösenord-1');
    expect((await maria.get('/api/auth/me')).body.user).toEqual({ name: 'maria', displayName: 'Maria Åkesson', role: 'curator', via: 'local' });
  });

  it('lists the users with role, state and last sign-in', async () => {
    await user(['add', 'nils', '--role', 'viewer', '--password-stdin'], 'nils-lösenord-1');
    const out = await user(['list']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^name\s+role\s+via\s+state\s+last sign-in\s+display name$/);
    expect(lines.find((l) => l.startsWith('maria'))).toMatch(/^maria\s+curator\s+local\s+enabled\s+\d{4}-\d\d-\d\dT\S+\s+Maria Åkesson$/);
    expect(lines.find((l) => l.startsWith('nils'))).toMatch(/^nils\s+viewer\s+local\s+enabled\s+never\s+nils$/);
  });

  it('disables a user: their session ends at once and they cannot sign in; enable lets them in again', async () => {
    const nils = await app.browser().signIn('nils', 'nils-lösenord-1');
    const out = await user(['disable', 'nils']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/nils: disabled\./);
    expect((await nils.get('/api/schema')).status).toBe(401);
    expect((await app.browser().post('/api/auth/signin', { name: 'nils', password: 'nils-lösenord-1' })).status).toBe(401);
    expect((await user(['list'])).stdout).toMatch(/^nils\s+viewer\s+local\s+disabled/m);
    expect((await user(['enable', 'nils'])).code).toBe(0);
    await app.browser().signIn('nils', 'nils-lösenord-1');
  });

  it('changes a role and a password, ending the sessions issued before', async () => {
    const maria = await app.browser().signIn('maria', 'maria-lösenord-1');
    expect((await user(['role', 'maria', 'admin'])).stdout).toMatch(/maria: role curator → admin\./);
    expect((await maria.get('/api/schema')).status).toBe(401);
    const again = await app.browser().signIn('maria', 'maria-lösenord-1');
    expect((await again.get('/api/admin/users')).status).toBe(200);
    expect((await user(['passwd', 'maria', '--password-stdin'], 'ett-nytt-lösenord\n')).code).toBe(0);
    expect((await again.get('/api/schema')).status).toBe(401);
    await app.browser().signIn('maria', 'ett-nytt-lösenord');
  });

  it('records each change in the audit trail with the actor "cli"', async () => {
    const r = await getTestDriver().executeQuery("MATCH (e:AuditEvent) WHERE e.actor = 'cli' RETURN e.action AS action, e.target AS target, e.detail AS detail ORDER BY e.at");
    expect(r.records.map((rec) => rec.toObject())).toEqual([
      { action: 'user.add', target: 'maria', detail: 'role curator' },
      { action: 'user.add', target: 'nils', detail: 'role viewer' },
      { action: 'user.update', target: 'nils', detail: 'disabled' },
      { action: 'user.update', target: 'nils', detail: 'enabled' },
      { action: 'user.update', target: 'maria', detail: 'role curator → admin' },
      { action: 'user.update', target: 'maria', detail: 'new password' },
    ]);
  });

  it('exits 1 with a message that says what to do for a bad role, a short password, a taken name or an unknown user', async () => {
    const role = await user(['add', 'olle', '--role', 'boss', '--password-stdin'], 'olle-lösenord-1');
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/"boss" is not a role; use one of viewer, analyst, curator, admin/);
    const short = await user(['add', 'olle', '--role', 'viewer', '--password-stdin'], 'kort');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    const taken = await user(['add', 'maria', '--role', 'viewer', '--password-stdin'], 'maria-lösenord-2');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/A user named "maria" already exists/);
    const unknown = await user(['disable', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no user named "nobody"/);
    const noTerminal = await user(['add', 'olle', '--role', 'viewer']);
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toMatch(/--password-stdin/);
  });
});
