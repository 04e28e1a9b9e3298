import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface SpawnedMockServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `mock-server/main.ts` in its own process, so measurements of this one do not include the server. */
export function spawnMockServer(env: Record<string, string>): Promise<SpawnedMockServer> {
  const root = resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`mock server exited with ${code}: ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      child.removeAllListeners('exit');
      resolvePromise({
        url,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
