import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, runCommand, test } from './support/consumer-app';

test('vite build bundles the app with the package and its stylesheet', async ({ app, appDir }) => {
  const react = JSON.parse(readFileSync(join(appDir, 'node_modules', 'react', 'package.json'), 'utf8')) as { version: string };
  expect(react.version, 'the React this app was installed with').toBe(app === 'react18' ? '18.3.1' : '19.3.1');
  const result = await runCommand(join(appDir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], appDir);
  expect(result.status, `vite build said:\n${result.output}`).toBe(0);
  expect(existsSync(join(appDir, 'dist', 'index.html'))).toBe(true);
  const assets = readdirSync(join(appDir, 'dist', 'assets'));
  const css = assets.filter((name) => name.endsWith('.css')).map((name) => readFileSync(join(appDir, 'dist', 'assets', name), 'utf8')).join('');
  expect(css.includes('.platos-chat'), 'the bundled CSS holds the package stylesheet').toBe(true);
  expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
});
