import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { startLoadServer, type LoadServer } from './load-server.js';
import { quickWorkloads, workloads, type Workload, type WorkloadName } from './workload.js';
import { writeReport, type Machine, type RunRecord } from './report.js';

// `npm run bench:browser [-- --quick] [-- --workload W1]`: builds nothing itself (the npm script builds the page
// first), starts the load server, and runs every variant in a fresh context, interleaved, after one warm-up run.

const root = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.includes('--workload') ? (argv[argv.indexOf('--workload') + 1]!.split(',') as WorkloadName[]) : undefined;
const variantFilter = argv.includes('--variant') ? argv[argv.indexOf('--variant') + 1]!.split(',') : undefined;
const repetitions = quick ? 1 : Number(process.env.BENCH_REPETITIONS ?? 3);
/** How long after the stream's end a run may take to render it all. */
const finishGraceMs = quick ? 5_000 : 60_000;

export interface Variant {
  name: string;
  page: string;
  batch: boolean;
}

const variants: Variant[] = [
  { name: 'floor', page: 'floor', batch: false },
  { name: 'floor-batched', page: 'floor', batch: true },
  { name: 'naive-setstate', page: 'naive-setstate', batch: false },
  { name: 'zustand-per-token', page: 'zustand-per-token', batch: false },
  { name: 'raf-setstate', page: 'raf-setstate', batch: false },
  { name: 'ai-sdk-usechat', page: 'ai-sdk-usechat', batch: false },
  { name: 'kit-headless', page: 'kit-headless', batch: false },
  { name: 'kit-headless-batched', page: 'kit-headless', batch: true },
  { name: 'kit-styled', page: 'kit-styled', batch: false },
  { name: 'kit-styled-batched', page: 'kit-styled', batch: true },
];

/** W1 and W2 compare every variant; W6 is about the kit alone. */
const variantsOf = (workload: WorkloadName) => {
  const named = (...names: string[]) => variants.filter((variant) => names.includes(variant.name));
  if (workload === 'W6') return quick ? named('kit-headless') : named('kit-headless', 'kit-headless-batched', 'kit-styled-batched');
  if (workload === 'W5') return named('kit-headless', 'kit-styled');
  if (workload === 'W4') return quick ? named('kit-styled') : named('kit-styled', 'kit-styled-batched');
  if (workload.startsWith('W3')) return quick ? named('kit-styled') : named('kit-styled', 'kit-styled-batched');
  return variants;
};

/** `--quick` leaves out the middle W3 transcript, and warms up only before the first workload. */
const defaultWorkloads: WorkloadName[] = quick ? ['W1', 'W2', 'W6', 'W3-0', 'W3-100k', 'W4', 'W5'] : ['W1', 'W2', 'W6', 'W3-0', 'W3-20k', 'W3-100k', 'W4', 'W5'];

const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), ms).unref())]);
}

const metric = (metrics: { name: string; value: number }[], name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;

type Measured = Omit<RunRecord, 'repetition' | 'workload' | 'variant'>;

/** One stream into an open page: begin, stream, wait for the page to show it all, collect. */
async function measureStream(page: Page, cdp: CDPSession, server: LoadServer, runId: string, workload: Workload, errors: string[]): Promise<Measured> {
  const before = (await cdp.send('Performance.getMetrics')).metrics;
  await page.evaluate(() => window.__bench!.begin());
  await server.start(runId, workload);
  const done = await withTimeout(page.evaluate(() => window.__bench!.whenDone()), finishGraceMs);
  const result = await withTimeout(page.evaluate(() => window.__bench!.result()), 15_000);
  if (result === 'timeout') return { finished: false, status: 'did not finish', errors };
  const after = (await cdp.send('Performance.getMetrics')).metrics;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Performance.getMetrics')).metrics;
  const delta = (name: string) => (metric(after, name) - metric(before, name)) * 1_000;
  return {
    ...result,
    finished: done !== 'timeout' && result.finished,
    status: done === 'timeout' ? 'did not finish' : result.textMatches ? 'ok' : 'failed: text mismatch',
    scriptMs: delta('ScriptDuration'),
    layoutMs: delta('LayoutDuration'),
    styleMs: delta('RecalcStyleDuration'),
    heapMb: metric(heap, 'JSHeapUsedSize') / 2 ** 20,
    errors: [...errors],
  };
}

/**
 * A fresh context and page for `variant`, streamed `rounds` times: once for W1, W2, W3 and W6; for W5 ten W1 streams
 * in the same page, each into new threads (the page unmounts the old ones), with the heap after GC per round.
 */
async function runPage(browser: Browser, server: LoadServer, workloadName: WorkloadName, variant: Variant, runId: string, rounds = 1): Promise<Measured[]> {
  const workload = (quick ? quickWorkloads : workloads)[workloadName];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const measured: Measured[] = [];
  try {
    const query = new URLSearchParams({ variant: variant.page, workload: workloadName, run: runId, batch: variant.batch ? '1' : '0', quick: quick ? '1' : '0' });
    for (const [key, value] of new URLSearchParams(process.env.BENCH_EXTRA_QUERY ?? '')) query.set(key, value);
    server.prepare(runId, workload);
    await page.goto(`${server.url}/index.html?${query}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    for (let round = 0; round < rounds; round += 1) {
      if (round > 0) await page.evaluate((next) => window.__bench!.nextRound(next), round);
      await page.waitForFunction(() => window.__bench?.ready === true, undefined, { timeout: 20_000 });
      const result = await measureStream(page, cdp, server, round === 0 ? runId : `${runId}x${round}`, workload, errors);
      measured.push(result);
      if (!result.finished) break;
    }
  } catch (error) {
    measured.push({ finished: false, status: `failed: ${(error as Error).message.split('\n')[0]}`, errors });
  } finally {
    await withTimeout(context.close(), 10_000);
  }
  return measured;
}

async function main() {
  const staticDir = resolve(process.env.BENCH_STATIC_DIR ?? resolve(import.meta.dirname, 'dist'));
  const server = await startLoadServer({ staticDir });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const startedAt = Date.now();
  const runs: RunRecord[] = [];
  let runCounter = 0;
  let chromiumVersion = '';
  const names: WorkloadName[] = only ?? defaultWorkloads;
  let warm = false;
  try {
    for (const workloadName of names) {
      // One discarded warm-up run per workload (--quick: one in all): JIT, font and code caches of the browser process.
      const chosen = variantsOf(workloadName).filter((candidate) => !variantFilter || variantFilter.includes(candidate.name));
      if (chosen.length === 0) continue;
      const log = (run: RunRecord) =>
        console.log(
          `${workloadName} ${run.variant.padEnd(22)} #${run.repetition} ${run.status} commits=${run.commits ?? '-'} nested=${run.nestedUpdateCommits ?? '-'} unprompted=${run.commitsWithoutStoreUpdate ?? '-'} a2c95=${fmt(run.arrivalToCommitP95Ms)} frame95=${fmt(run.frameP95Ms)} heap=${fmt(run.heapMb)} batched=${run.batchedFrames ?? '-'}`,
        );
      if (workloadName === 'W5') {
        // One page per variant, its rounds being the repetitions; the first round warms it up.
        for (const variant of chosen) {
          const rounds = await runPage(browser, server, workloadName, variant, `r${(runCounter += 1)}`, quick ? 3 : 10);
          for (const [round, measured] of rounds.entries()) {
            const run = { ...measured, workload: workloadName, variant: variant.name, repetition: round + 1 };
            runs.push(run);
            log(run);
          }
        }
        continue;
      }
      if (!quick || !warm) await runPage(browser, server, workloadName, chosen.at(-1)!, `warm${(runCounter += 1)}`);
      warm = true;
      for (let repetition = 1; repetition <= repetitions; repetition += 1) {
        for (const variant of chosen) {
          const [measured] = await runPage(browser, server, workloadName, variant, `r${(runCounter += 1)}`);
          const run = { ...measured!, workload: workloadName, variant: variant.name, repetition };
          runs.push(run);
          log(run);
        }
      }
    }
  } finally {
    chromiumVersion = browser.version();
    await browser.close();
    await server.close();
  }
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    chromium: chromiumVersion,
    chromiumPath: executablePath,
    node: process.version,
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
    quick,
    repetitions,
    durationS: Math.round((Date.now() - startedAt) / 1_000),
    date: new Date().toISOString(),
  };
  const resultsDir = resolve(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsPath = resolve(resultsDir, quick ? 'latest-quick.json' : 'latest.json');
  // `--workload` replaces only those workloads' runs; the others stay from the run before.
  const kept = only && existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as (RunRecord & { machine: Machine })[]).filter((run) => !names.includes(run.workload as WorkloadName)) : [];
  const all = [...kept, ...runs.map((run) => ({ ...run, machine }))];
  writeFileSync(resultsPath, `${JSON.stringify(all, null, 2)}\n`);
  writeReport({ machine, runs: all }, { root, docs: !quick || process.env.BENCH_WRITE_DOCS === '1' });
  console.log(`done in ${machine.durationS} s`);
}

const fmt = (value: number | null | undefined) => (typeof value === 'number' ? value.toFixed(1) : '-');

/**
 * `--report-from a.json,b.json`: merges saved results (later files replace earlier ones' workloads), writes them as
 * latest.json and the docs section, without running anything.
 */
function reportFrom(files: string[]) {
  let merged: (RunRecord & { machine: Machine })[] = [];
  for (const file of files) {
    const runs = JSON.parse(readFileSync(file, 'utf8')) as (RunRecord & { machine: Machine })[];
    const workloadsIn = new Set(runs.map((run) => run.workload));
    merged = [...merged.filter((run) => !workloadsIn.has(run.workload)), ...runs];
  }
  const latest = merged.at(-1);
  if (!latest) throw new Error('no runs in those files');
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/latest.json'), `${JSON.stringify(merged, null, 2)}\n`);
  writeReport({ machine: latest.machine, runs: merged }, { root, docs: true });
}

if (argv.includes('--report-from')) reportFrom(argv[argv.indexOf('--report-from') + 1]!.split(','));
else await main();
