#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests (Playwright's own browser download
// cannot work on machines without internet). Installs it with apt-get when we are root.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let hasApt;
try {
  execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
  hasApt = true;
} catch {
  hasApt = false;
}
if (!isRoot || !hasApt) {
  console.error(
    `Chromium is missing at ${path}: install Debian's "chromium" package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary, then run the tests again.`,
  );
  process.exit(1);
}
console.log('Chromium not found: installing Debian\'s "chromium" package with apt-get…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync('apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core', { stdio: 'inherit', env });
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing; install Chromium by hand or set CHROMIUM_PATH.`);
  process.exit(1);
}
