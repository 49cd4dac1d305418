#!/usr/bin/env node
// Installs the machine packages the explorer needs when they are missing: a JDK and Maven (for the embedded
// Neo4j) and, with --browser, Debian's Chromium (for the browser tests) and Python's venv (for Schemathesis).
// It uses apt-get, so it needs root; otherwise it says what to install and stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wantBrowser = process.argv.includes('--browser');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

const missing = [];
if (!has('java') || !has('javac')) missing.push('openjdk-17-jdk-headless');
if (!has('mvn')) missing.push('maven');
if (wantBrowser && !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium', 'fonts-dejavu-core');
// The test run (the one that asks for the browser) also needs Python with venv for Schemathesis (scripts/python-venv.mjs).
const pythonVenv = () => spawnSync(process.env.PYTHON ?? 'python3', ['-c', 'import ensurepip, venv'], { stdio: 'ignore' }).status === 0;
if (wantBrowser && !pythonVenv()) missing.push('python3', 'python3-venv');

if (missing.length === 0) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !has('apt-get')) {
  console.error(`Missing system packages: ${missing.join(' ')}. Install them (Debian: sudo apt-get install -y ${missing.join(' ')}) and run again.`);
  process.exit(1);
}
console.log(`Installing system packages: ${missing.join(' ')} …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(1);
  }
}
