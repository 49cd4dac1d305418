#!/usr/bin/env node
// Creates the Python virtual environment the test suite runs its Python tools from (.venv-tests/: Schemathesis
// for the API contract test) and installs tests/requirements.txt into it with pip. A stamp holds the hash of the
// requirements and of the interpreter, so a second run with nothing changed does nothing; a changed file
// rebuilds the environment from scratch, so a removed pin does not linger.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The environment; VENV_TESTS_DIR moves it. */
export const venvDir = resolve(process.env.VENV_TESTS_DIR ?? join(root, '.venv-tests'));
const requirements = join(root, 'tests', 'requirements.txt');
const stamp = join(venvDir, 'requirements.stamp');
const python = process.env.PYTHON ?? 'python3';

/** The executable of a tool installed in the environment (e.g. `schemathesis`). */
export function venvBin(tool) {
  return join(venvDir, process.platform === 'win32' ? 'Scripts' : 'bin', tool);
}

function run(cmd, args, what) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
  if (result.error) throw new Error(`${what}: could not run "${cmd}" (${result.error.message}). Install Python 3 with venv (Debian: apt-get install -y python3 python3-venv).`);
  if (result.status !== 0) throw new Error(`${what}: "${cmd} ${args.join(' ')}" exited with ${result.status}`);
}

function want() {
  const version = spawnSync(python, ['-c', 'import sys; print(sys.version)'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) throw new Error(`"${python}" does not run; install Python 3 (Debian: apt-get install -y python3 python3-venv).`);
  return createHash('sha256').update(readFileSync(requirements)).update(version.stdout).digest('hex').slice(0, 16);
}

/** Makes sure .venv-tests/ holds exactly the pinned requirements; returns its directory. */
export function ensureTestVenv({ quiet = false } = {}) {
  const hash = want();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash && existsSync(venvBin('python'))) return venvDir;
  if (!quiet) console.log(`Installing the Python test tools (tests/requirements.txt) into ${venvDir} …`);
  rmSync(venvDir, { recursive: true, force: true });
  run(python, ['-m', 'venv', venvDir], 'Creating the test virtual environment');
  run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--no-input', '-r', requirements], 'Installing tests/requirements.txt');
  writeFileSync(stamp, hash + '\n');
  if (!quiet) console.log('Python test tools ready.');
  return venvDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureTestVenv();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
