import { spawn } from 'node:child_process';

// Starts the mock server, waits until it listens, then the demo pointed at it. Ctrl+C stops both.
const mockPort = process.env.PORT ?? '4000';
const children = [];
const stopAll = (code = 0) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const mock = spawn('npx', ['tsx', 'mock-server/main.ts', ...process.argv.slice(2)], {
  env: { ...process.env, PORT: mockPort },
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(mock);
mock.on('exit', (code) => {
  console.error(`mock server exited (${code ?? 'signal'})`);
  stopAll(code ?? 1);
});

let started = false;
mock.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const match = /listening on (http:\/\/[^\s]+)/.exec(String(chunk));
  if (!match || started) return;
  started = true;
  const demo = spawn('npx', ['vite'], { env: { ...process.env, VITE_PLATOS_URL: match[1] }, stdio: 'inherit' });
  children.push(demo);
  demo.on('exit', (code) => stopAll(code ?? 0));
});
