import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const packages = 'chromium fonts-liberation fonts-noto-color-emoji';

if (findChromium()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version')) {
  console.log(`No Chromium found; installing Debian's: apt-get install --no-install-recommends ${packages}`);
  execSync(`apt-get update -qq && apt-get install -y -qq --no-install-recommends ${packages}`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (findChromium()) process.exit(0);
}

console.error(
  [
    'No Chromium found for the end-to-end tests.',
    `On Debian or Ubuntu, as root: apt-get update && apt-get install -y --no-install-recommends ${packages}`,
    'Anywhere else: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/chromium/binary',
  ].join('\n'),
);
process.exit(1);
