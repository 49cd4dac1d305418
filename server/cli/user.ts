import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config';
import { AppError } from '../errors';
import { connect } from '../neo4j/connect';
import { createAuthServices, type AuthServices } from '../auth/services';
import { AuthSecretError } from '../auth/secret';
import { describeUserChange, type UserChange } from '../auth/users';
import { MIN_PASSWORD_LENGTH, ROLES, Role, UserName, type UserSummary } from '../../contract/auth';

const USAGE = `Manages the accounts that sign in to the explorer.

  npm run user -- add NAME --role ROLE [--display "Full Name"] [--password-stdin]
  npm run user -- passwd NAME [--password-stdin]
  npm run user -- role NAME ROLE
  npm run user -- disable NAME
  npm run user -- enable NAME          (also unlocks an account locked after wrong passwords)
  npm run user -- list

ROLE is one of ${ROLES.join(', ')} (each may do what the one before it may, and more).
The password (at least ${MIN_PASSWORD_LENGTH} characters) is asked for on the terminal without echo, or read from
the first line of standard input with --password-stdin (for scripts). A new password, a new role or disabling
ends the user's sessions at once. Each change is recorded in the audit trail with the actor "cli".
It uses the embedded Neo4j of a running app, or NEO4J_URI when set, or starts the embedded one itself; run it
from the app's folder so that it finds the same AUTH_SECRET_FILE (default .data/auth-secret).`;

class UsageError extends Error {}

/** The first line of standard input (the whole of it, without its line break). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks for a password on the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    if (!stdin.isTTY) {
      reject(new UsageError('standard input is not a terminal: pass the password on it with --password-stdin'));
      return;
    }
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const done = (value: string | Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(typed);
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The new password: from stdin, or typed twice on the terminal. */
async function readPassword(fromStdin: boolean): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = await passwordFromStdin();
  } else {
    password = await askHidden('Password: ');
    if ((await askHidden('The same again: ')) !== password) throw new UsageError('the two passwords differ; nothing was changed');
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw new UsageError('the password must have at most 1024 characters');
  return password;
}

function userName(value: string | undefined): string {
  if (value === undefined) throw new UsageError('give the user name');
  const parsed = UserName.safeParse(value);
  if (!parsed.success) throw new UsageError(`"${value}" is not a user name: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

function role(value: string | undefined): Role {
  const parsed = Role.safeParse(value);
  if (!parsed.success) throw new UsageError(value === undefined ? `give the role: one of ${ROLES.join(', ')}` : `"${value}" is not a role; use one of ${ROLES.join(', ')}`);
  return parsed.data;
}

/** The users as a table: name, role, how they sign in, state, last sign-in. */
function userTable(users: UserSummary[]): string {
  if (!users.length) return 'No users yet. Add one: npm run user -- add NAME --role admin';
  const rows = users.map((u) => [u.name, u.role, u.via, u.disabled ? 'disabled' : u.locked ? 'locked' : 'enabled', u.lastSignInAt ?? 'never', u.displayName]);
  const header = ['name', 'role', 'via', 'state', 'last sign-in', 'display name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

async function change(auth: AuthServices, name: string, what: UserChange): Promise<void> {
  const { before, after } = await auth.users.update(name, what);
  const detail = describeUserChange(before, after, what);
  await auth.audit.record({ actor: 'cli', role: '', action: 'user.update', target: name, detail });
  console.log(`${name}: ${detail}.`);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      display: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command, ...args] = positionals;
  const expect = (n: number) => {
    if (args.length > n) throw new UsageError(`too many arguments for "${command}": ${args.slice(n).join(' ')}`);
  };
  // Validate everything a user typed before connecting (which may start a database).
  let run: (auth: AuthServices) => Promise<void>;
  switch (command) {
    case 'add': {
      expect(1);
      const name = userName(args[0]);
      const r = role(values.role);
      const displayName = values.display?.trim() || undefined;
      if (displayName && displayName.length > 200) throw new UsageError('--display: at most 200 characters');
      const password = await readPassword(values['password-stdin'] === true);
      run = async (auth) => {
        const user = await auth.users.add({ name, role: r, displayName, password });
        await auth.audit.record({ actor: 'cli', role: '', action: 'user.add', target: user.name, detail: `role ${user.role}` });
        console.log(`Added ${user.name} (${user.role}). They can sign in now.`);
      };
      break;
    }
    case 'passwd': {
      expect(1);
      const name = userName(args[0]);
      const password = await readPassword(values['password-stdin'] === true);
      run = (auth) => change(auth, name, { password });
      break;
    }
    case 'role': {
      expect(2);
      const name = userName(args[0]);
      const r = role(args[1] ?? values.role);
      run = (auth) => change(auth, name, { role: r });
      break;
    }
    case 'disable':
    case 'enable': {
      expect(1);
      const name = userName(args[0]);
      run = (auth) => change(auth, name, { disabled: command === 'disable' });
      break;
    }
    case 'list':
      expect(0);
      run = async (auth) => console.log(userTable(await auth.users.list()));
      break;
    case undefined:
      throw new UsageError('give a command');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }

  const config = loadConfig();
  const log = pino({ level: 'warn' });
  const connection = await connect(config, log, { attach: true });
  try {
    const auth = createAuthServices(connection.db, config, log);
    await auth.users.init();
    await run(auth);
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof AppError || err instanceof ConfigError || err instanceof AuthSecretError) console.error(err.message);
  else if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) console.error(`${err.message}\n\n${USAGE}`);
  else console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
