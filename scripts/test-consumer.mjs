import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The package as a stranger gets it: build, `npm pack`, install the tarball into a fresh Vite + React + TypeScript
// app (e2e/consumer/app) once with React 19 and once with React 18, then run e2e/consumer's Playwright tests
// (typechecks, vite build, publint, attw, the chat in Chromium). Results: test-results/consumer.json.
//
// The apps are installed outside the repository, in the system temp directory, so that nothing they import can be
// found in this repository's node_modules by walking up the directory tree; test-results/consumer/<app> links there.

const root = resolve(import.meta.dirname, '..');
const results = join(root, 'test-results', 'consumer');
const installRoot = join(tmpdir(), `platos-consumer-${createHash('sha1').update(root).digest('hex').slice(0, 8)}`);
const fixture = join(root, 'e2e', 'consumer', 'app');

/** React version of each app; the rest of the fixture's package.json stays as written. */
const apps = [
  { name: 'react19', versions: { react: '19.3.1', 'react-dom': '19.3.1', '@types/react': '19.3.0', '@types/react-dom': '19.3.0' } },
  { name: 'react18', versions: { react: '18.3.1', 'react-dom': '18.3.1', '@types/react': '18.3.32', '@types/react-dom': '18.3.7' } },
];

const startedAt = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options, env: { ...process.env, ...options.env } });
  return result.status === 0;
};
const fail = (message) => {
  console.error(`test-consumer: ${message}`);
  process.exit(1);
};

rmSync(results, { recursive: true, force: true });
rmSync(join(root, 'test-results', 'consumer.json'), { force: true });
rmSync(installRoot, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
mkdirSync(join(installRoot, 'pack'), { recursive: true });

let phase = Date.now();
if (!run('npm', ['run', '--silent', 'build'])) fail('npm run build failed');
const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', join(installRoot, 'pack')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (pack.status !== 0) fail('npm pack failed');
const tarball = join(installRoot, 'pack', JSON.parse(pack.stdout)[0].filename);
symlinkSync(join(installRoot, 'pack'), join(results, 'pack'));
console.log(`test-consumer: built and packed ${tarball} in ${seconds(phase)}`);

phase = Date.now();
for (const app of apps) {
  const dir = join(installRoot, app.name);
  cpSync(fixture, dir, { recursive: true, filter: (source) => !/[/\\](node_modules|dist)$/.test(source) });
  copyFileSync(tarball, join(dir, 'platosdev-client.tgz'));
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const [name, version] of Object.entries(app.versions)) {
    const field = name.startsWith('@types/') ? 'devDependencies' : 'dependencies';
    manifest[field][name] = version;
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  symlinkSync(dir, join(results, app.name));
}
// Both installs at once, from the same npm cache (`--prefer-offline`: what it holds is used without asking the
// registry); the repository's own `npm ci` has put most of what they need there already.
const installs = await Promise.all(
  apps.map(
    (app) =>
      new Promise((resolveInstall) => {
        const child = spawn('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
          cwd: join(installRoot, app.name),
          stdio: 'inherit',
        });
        child.on('error', () => resolveInstall(false));
        child.on('exit', (code) => resolveInstall(code === 0));
      }),
  ),
);
apps.forEach((app, index) => {
  if (!installs[index]) fail(`npm install failed in ${join(installRoot, app.name)}`);
});
console.log(`test-consumer: installed ${apps.map((app) => app.name).join(' and ')} in ${seconds(phase)}`);

phase = Date.now();
const passed = run('npx', ['playwright', 'test', '--config', 'e2e/consumer/playwright.config.ts']);
console.log(`test-consumer: playwright took ${seconds(phase)}; the whole consumer run took ${seconds(startedAt)}`);
process.exit(passed ? 0 : 1);
