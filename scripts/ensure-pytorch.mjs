#!/usr/bin/env node
// Makes sure Debian's Python with PyTorch and NumPy is there for the PyTorch export's tests (no pip
// registry on these machines). Installs python3-torch and python3-numpy with apt-get when we are root.
import { execSync, spawnSync } from 'node:child_process';

const python = process.env.PYTHON || '/usr/bin/python3';
const has = () => spawnSync(python, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;
if (has()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('/bin/sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    `PyTorch is missing for ${python}: install Debian's "python3-torch" and "python3-numpy" (sudo apt-get install -y python3-torch python3-numpy) or set PYTHON to a Python with torch and numpy, then run the tests again.`,
  );
  process.exit(1);
}
console.log('PyTorch not found: installing Debian\'s "python3-torch" and "python3-numpy" with apt-get…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execSync('apt-get install -y -qq --no-install-recommends python3-torch python3-numpy', { stdio: 'inherit', env });
} catch {
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq --no-install-recommends python3-torch python3-numpy', { stdio: 'inherit', env });
}
if (!has()) {
  console.error(
    `apt-get finished but ${python} still cannot import torch and numpy; install them by hand or set PYTHON.`,
  );
  process.exit(1);
}
