import { spawn, type ChildProcess } from 'node:child_process';

export interface CassetteServer {
  url: string;
  stop(): void;
}

/** A second mock server that answers every message with a turn of the cassette at `path` (`--cassette`), on a free port. */
export function startCassetteServer(path: string, speed: number): Promise<CassetteServer> {
  const child: ChildProcess = spawn('npx', ['tsx', 'mock-server/main.ts', '--cassette', path, '--speed', String(speed)], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errorText = '';
  child.stderr?.on('data', (chunk) => (errorText += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the cassette server did not start in 30 s: ${errorText}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the cassette server exited (${code}): ${errorText}`)));
    child.stdout?.on('data', (chunk) => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(String(chunk));
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1]!, stop: () => child.kill('SIGTERM') });
    });
  });
}
