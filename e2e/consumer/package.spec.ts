import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { expect, packedTarball, repoRoot, runCommand, test } from './support/consumer-app';

// The tarball as published, judged by the two linters packages are usually held to.
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
const attwArgs = (tarball: string) => [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css'];

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
  resolutionOption?: string;
  fileName?: string;
  moduleSpecifier?: string;
}

interface AttwRun {
  status: number | null;
  /** Problems outside the ignored resolutions, one entry per kind and resolution, with a few of the imports that failed. */
  problems: string[];
}

/** attw with its JSON report, which names each import that failed (its table only says that one did). */
async function runAttw(tarball: string): Promise<AttwRun> {
  // attw exits right after writing: through a pipe its JSON would be cut at 64 KiB, so it goes to a file.
  const dir = mkdtempSync(join(tmpdir(), 'platos-attw-'));
  try {
    const fd = openSync(join(dir, 'attw.json'), 'w');
    let stderr = '';
    let status: number | null;
    try {
      status = await new Promise<number | null>((resolveRun) => {
        const child = spawn(bin('attw'), [...attwArgs(tarball), '--format', 'json'], { cwd: repoRoot, stdio: ['ignore', fd, 'pipe'] });
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', (error) => {
          stderr += String(error);
          resolveRun(null);
        });
        child.on('close', resolveRun);
      });
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(join(dir, 'attw.json'), 'utf8');
    let report: { analysis?: { problems?: AttwProblem[] } };
    try {
      report = JSON.parse(text) as typeof report;
    } catch {
      return { status, problems: [`attw printed no JSON report: ${text}${stderr}`.trim()] };
    }
    // Grouped by kind and resolution, each with its first few imports: 117 lines of the same kind hide the others.
    const groups = new Map<string, string[]>();
    for (const problem of report.analysis?.problems ?? []) {
      if (['node10', 'node16-cjs'].includes(problem.resolutionKind ?? '')) continue;
      const key = `${problem.kind} (${problem.resolutionOption ?? problem.resolutionKind})`;
      const where = problem.moduleSpecifier
        ? `'${problem.moduleSpecifier}' from ${problem.fileName?.replace(/^.*\/dist\//, 'dist/')}`
        : `entry point ${problem.entrypoint}`;
      groups.set(key, [...(groups.get(key) ?? []), where]);
    }
    const problems = [...groups].map(([key, where]) => `${key}, ${where.length}×, e.g.\n    ${where.slice(0, 4).join('\n    ')}`);
    return { status, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('publint --strict has nothing to say about the packed tarball', async () => {
  const result = await runCommand(bin('publint'), ['run', packedTarball(), '--strict'], repoRoot);
  expect(result.status, `publint said:\n${result.output}`).toBe(0);
});

test('attw (esm-only profile) finds the types right for every entry point but ./styles.css', async () => {
  const { status, problems } = await runAttw(packedTarball());
  expect(status, `attw found:\n${problems.join('\n')}`).toBe(0);
});
