// Makes sure Debian's Chromium is there for the browser tests: installs it when missing and
// running as root, otherwise says how to get it. Playwright's own browser download cannot
// work offline, so it is never used.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

if (found()) {
  console.log(`Chromium: ${found()}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'Chromium is needed for the browser tests and is not installed.\n' +
      'Install it as root with:  apt-get update && apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
  );
  process.exit(1);
}
console.log('Chromium is missing; installing Debian\'s chromium package…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
if (!found()) {
  console.error('apt-get finished but no chromium binary was found.');
  process.exit(1);
}
console.log(`Chromium: ${found()}`);
