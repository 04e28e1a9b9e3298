import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { summarize } from './stats.js';
import type { PageResult } from './page/metrics.js';

// Turns the runs into a markdown table and an SVG chart per workload, written into docs/benchmarks.md between
// the browser-bench markers, and a per-workload list of targets met or not (reported, never asserted).

export type RunRecord = Partial<PageResult> & {
  workload: string;
  variant: string;
  repetition: number;
  finished: boolean;
  status: string;
  scriptMs?: number;
  layoutMs?: number;
  styleMs?: number;
  heapMb?: number;
  errors: string[];
};

export interface Machine {
  cores: number;
  cpu: string;
  chromium: string;
  node: string;
  commit: string;
  quick: boolean;
  repetitions: number;
  durationS: number;
  date: string;
}

type NumericKey = { [K in keyof RunRecord]-?: NonNullable<RunRecord[K]> extends number ? K : never }[keyof RunRecord];

const START = '<!-- browser-bench:start -->';
const END = '<!-- browser-bench:end -->';

export function cell(runs: readonly RunRecord[], key: NumericKey, digits = 1): string {
  const summary = summarize(runs.map((run) => run[key] as number | null | undefined));
  if (!summary) return '–';
  const format = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return summary.min === summary.max ? format(summary.median) : `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

const medianOf = (runs: readonly RunRecord[], key: NumericKey) => summarize(runs.map((run) => run[key] as number | null | undefined))?.median ?? null;

function variantsIn(runs: readonly RunRecord[]): string[] {
  return [...new Set(runs.map((run) => run.variant))];
}

export function workloadTable(runs: readonly RunRecord[]): string {
  const header =
    '| variant | finished | text ok | commits | of them nested updates | of them with no store update before | max commits/frame | store updates | max updates/frame | frame p50 ms | frame p95 ms | frames > 33 ms | long tasks | arrival→commit p50 ms | arrival→commit p95 ms | drain ms | script ms | layout ms | style ms | heap MB | DOM nodes | batch packets |';
  const rows = variantsIn(runs).map((variant) => {
    const of = runs.filter((run) => run.variant === variant);
    const finished = of.filter((run) => run.finished).length;
    const textOk = of.filter((run) => run.textMatches).length;
    return `| ${variant} | ${finished}/${of.length}${finished < of.length ? ' (did not finish)' : ''} | ${textOk}/${of.length} | ${cell(of, 'commits', 0)} | ${cell(of, 'nestedUpdateCommits', 0)} | ${cell(of, 'commitsWithoutStoreUpdate', 0)} | ${cell(of, 'maxCommitsPerFrame', 0)} | ${cell(of, 'storeUpdates', 0)} | ${cell(of, 'maxStoreUpdatesPerFrame', 0)} | ${cell(of, 'frameP50Ms')} | ${cell(of, 'frameP95Ms')} | ${cell(of, 'framesOver33Pct')} % | ${cell(of, 'longTasks', 0)} | ${cell(of, 'arrivalToCommitP50Ms')} | ${cell(of, 'arrivalToCommitP95Ms')} | ${cell(of, 'drainMs')} | ${cell(of, 'scriptMs', 0)} | ${cell(of, 'layoutMs', 0)} | ${cell(of, 'styleMs', 0)} | ${cell(of, 'heapMb')} | ${cell(of, 'domNodes', 0)} | ${cell(of, 'batchedFrames', 0)} |`;
  });
  return [header, `|${' --- |'.repeat(22)}`, ...rows].join('\n');
}

/** W6: does a flush (and a commit) cost more at the end of a long answer than at its start? */
export function growthTable(runs: readonly RunRecord[]): string {
  const rows = variantsIn(runs).map((variant) => {
    const of = runs.filter((run) => run.variant === variant);
    return `| ${variant} | ${cell(of, 'flushes', 0)} | ${cell(of, 'flushMsStart', 3)} | ${cell(of, 'flushMsEnd', 3)} | ${cell(of, 'commitMsStart', 3)} | ${cell(of, 'commitMsEnd', 3)} | ${cell(of, 'commitDurationP50Ms', 2)} | ${cell(of, 'commitDurationP95Ms', 2)} | ${cell(of, 'heapMb')} |`;
  });
  return ['| variant | store flushes | flush ms, first tenth | flush ms, last tenth | commit ms, first tenth | commit ms, last tenth | commit ms p50 | commit ms p95 | heap MB after GC |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

export interface TargetVerdict {
  target: string;
  met: boolean | null;
  detail: string;
}

/** The issue's targets, judged on medians. `null`: not measurable in these runs (e.g. a variant missing). */
export function targets(workload: string, runs: readonly RunRecord[]): TargetVerdict[] {
  const of = (variant: string) => runs.filter((run) => run.variant === variant);
  const verdicts: TargetVerdict[] = [];
  const atMost = (target: string, value: number | null, limit: number | null, unit = '') =>
    verdicts.push({
      target,
      met: value === null || limit === null ? null : value <= limit,
      detail: `${value === null ? '–' : round(value)}${unit} (limit ${limit === null ? '–' : round(limit)}${unit})`,
    });
  for (const variant of ['kit-headless', 'kit-headless-batched', 'kit-styled', 'kit-styled-batched']) {
    const worst = (key: NumericKey) => {
      const values = of(variant).map((run) => run[key]).filter((value): value is number => typeof value === 'number');
      return values.length ? Math.max(...values) : null;
    };
    atMost(`${variant}: at most 1 React commit per frame (worst run)`, worst('maxCommitsPerFrame'), 1);
    atMost(`${variant}: at most 1 store update per frame (worst run)`, worst('maxStoreUpdatesPerFrame'), 1);
  }
  if (workload === 'W2') {
    const styled = of('kit-styled-batched');
    atMost('kit-styled-batched: frame p95', medianOf(styled, 'frameP95Ms'), 17, ' ms');
    atMost('kit-styled-batched: frames over 33 ms', medianOf(styled, 'framesOver33Pct'), 1, ' %');
    atMost('kit-styled-batched: long tasks after warm-up', medianOf(styled, 'longTasks'), 0);
    atMost('kit-styled-batched: arrival→commit p95 (2 frames)', medianOf(styled, 'arrivalToCommitP95Ms'), 33.4, ' ms');
    atMost('kit-styled-batched: drain (1 frame)', medianOf(styled, 'drainMs'), 16.7, ' ms');
    const zustand = medianOf(of('zustand-per-token'), 'commits');
    atMost('kit-styled-batched: commits ≤ 1/100 of zustand-per-token', medianOf(styled, 'commits'), zustand === null ? null : zustand / 100);
    const useChat = medianOf(of('ai-sdk-usechat'), 'arrivalToCommitP95Ms');
    atMost('kit-styled-batched: arrival→commit p95 ≤ 1/5 of useChat', medianOf(styled, 'arrivalToCommitP95Ms'), useChat === null ? null : useChat / 5, ' ms');
    const batched = styled.filter((run) => (run.batchedFrames ?? 0) > 0).length;
    verdicts.push({ target: 'kit-styled-batched: frames arrived batched', met: batched === styled.length && styled.length > 0, detail: `${batched}/${styled.length} runs` });
  }
  if (workload === 'W6') {
    for (const variant of variantsIn(runs)) {
      const of_ = of(variant);
      const flushStart = medianOf(of_, 'flushMsStart');
      const commitStart = medianOf(of_, 'commitMsStart');
      atMost(`${variant}: flush cost at the end within 1.5x of the start`, medianOf(of_, 'flushMsEnd'), flushStart === null ? null : flushStart * 1.5, ' ms');
      atMost(`${variant}: commit cost at the end within 1.5x of the start`, medianOf(of_, 'commitMsEnd'), commitStart === null ? null : commitStart * 1.5, ' ms');
      const heap = summarize(of_.map((run) => run.heapMb));
      atMost(`${variant}: heap after GC within 5 % across repetitions`, heap && of_.length > 1 ? heap.max : null, heap && of_.length > 1 ? heap.min * 1.05 : null, ' MB');
    }
  }
  if (workload === 'W4') {
    for (const variant of variantsIn(runs)) {
      atMost(`${variant}: DOM nodes while streaming`, medianOf(of(variant), 'domNodes'), 2_999);
      atMost(`${variant}: longest task when opening`, medianOf(of(variant), 'openingLongestTaskMs'), 100, ' ms');
      atMost(`${variant}: frame p95 while scrolling and streaming`, medianOf(of(variant), 'frameP95Ms'), 17, ' ms');
    }
  }
  if (workload === 'W5') {
    for (const variant of variantsIn(runs)) {
      const rounds = of(variant).filter((run) => run.repetition > 1);
      const heap = summarize(rounds.map((run) => run.heapMb));
      atMost(`${variant}: heap after GC within 5 % across rounds 2 to ${rounds.length + 1}`, heap && rounds.length > 1 ? heap.max : null, heap && rounds.length > 1 ? heap.min * 1.05 : null, ' MB');
    }
  }
  return verdicts;
}

/** W3/W4: opening a long thread (history fetched, validated and rendered). */
export function openingTable(runs: readonly RunRecord[]): string {
  const rows = variantsIn(runs).map((variant) => {
    const of = runs.filter((run) => run.variant === variant);
    return `| ${variant} | ${cell(of, 'openedMs', 0)} | ${cell(of, 'openingLongestTaskMs', 0)} | ${cell(of, 'domNodes', 0)} | ${cell(of, 'frameP95Ms')} |`;
  });
  return ['| variant | history shown, ms after navigation | longest task before the stream, ms | DOM nodes | frame p95 ms while streaming |', '| --- | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

/** W5: the heap after GC after each round, per variant. */
export function heapRounds(runs: readonly RunRecord[]): string {
  const rows = variantsIn(runs).map((variant) => {
    const heaps = runs.filter((run) => run.variant === variant).sort((a, b) => a.repetition - b.repetition).map((run) => (typeof run.heapMb === 'number' ? run.heapMb.toFixed(2) : '–'));
    return `| ${variant} | ${heaps.join(' | ')} |`;
  });
  const rounds = Math.max(0, ...variantsIn(runs).map((variant) => runs.filter((run) => run.variant === variant).length));
  const numbers = Array.from({ length: rounds }, (_, index) => index + 1);
  return [`| heap MB after GC, round | ${numbers.join(' | ')} |`, `| --- |${' ---: |'.repeat(rounds)}`, ...rows].join('\n');
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Bars of commits (log scale) and arrival→commit p95 per variant. */
export function workloadChart(workload: string, runs: readonly RunRecord[]): string {
  const names = variantsIn(runs);
  const rowHeight = 22;
  const labelWidth = 170;
  const barWidth = 300;
  const top = 40;
  const height = top + names.length * rowHeight + 20;
  const width = labelWidth + 2 * (barWidth + 90);
  const commits = names.map((name) => medianOf(runs.filter((run) => run.variant === name), 'commits'));
  const latency = names.map((name) => medianOf(runs.filter((run) => run.variant === name), 'arrivalToCommitP95Ms'));
  const maxLog = Math.log10(Math.max(10, ...commits.map((value) => value ?? 0)));
  const maxLatency = Math.max(1, ...latency.map((value) => value ?? 0));
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${labelWidth}" y="16" font-weight="bold">${escape(workload)}: React commits (log scale, median)</text>`,
    `<text x="${labelWidth + barWidth + 90}" y="16" font-weight="bold">arrival→commit p95 ms (median)</text>`,
  ];
  names.forEach((name, index) => {
    const y = top + index * rowHeight;
    parts.push(`<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escape(name)}</text>`);
    const commit = commits[index];
    const commitWidth = commit ? (Math.log10(Math.max(1, commit)) / maxLog) * barWidth : 0;
    parts.push(`<rect x="${labelWidth}" y="${y + 2}" width="${commitWidth.toFixed(1)}" height="${rowHeight - 6}" fill="${name.startsWith('kit') ? '#2f6fde' : '#999'}"/>`);
    parts.push(`<text x="${labelWidth + commitWidth + 4}" y="${y + 13}">${commit === null || commit === undefined ? 'n/a' : Math.round(commit).toLocaleString('en-US')}</text>`);
    const left = labelWidth + barWidth + 90;
    const value = latency[index];
    const latencyWidth = value ? (value / maxLatency) * barWidth : 0;
    parts.push(`<rect x="${left}" y="${y + 2}" width="${latencyWidth.toFixed(1)}" height="${rowHeight - 6}" fill="${name.startsWith('kit') ? '#d9822b' : '#bbb'}"/>`);
    parts.push(`<text x="${left + latencyWidth + 4}" y="${y + 13}">${value === null || value === undefined ? 'n/a' : value.toFixed(1)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export function markdownSection(machine: Machine, runs: readonly RunRecord[]): string {
  const lines = [
    START,
    '',
    `Last run: ${machine.date.slice(0, 10)}, commit ${machine.commit} (each run in \`bench/results/latest.json\` names its own machine and commit), ${machine.cores} cores (${machine.cpu}), Chromium ${machine.chromium}, Node ${machine.node}, ${machine.repetitions} repetition(s)${machine.quick ? ', `--quick`' : ''}, ${machine.durationS} s in all. Cells: median (min–max).`,
    '',
  ];
  for (const workload of [...new Set(runs.map((run) => run.workload))]) {
    const of = runs.filter((run) => run.workload === workload);
    lines.push(`### ${workload}`, '', `![${workload}: commits and arrival-to-commit p95 per variant](images/browser-bench-${workload}.svg)`, '', workloadTable(of), '');
    if (workload === 'W6' || workload.startsWith('W3')) lines.push(growthTable(of), '');
    if (workload === 'W5') lines.push(heapRounds(of), '');
    if (workload === 'W4' || workload.startsWith('W3')) lines.push(openingTable(of), '');
    lines.push('Targets (medians; the per-frame ones on the worst run):', '');
    for (const verdict of targets(workload, of)) lines.push(`- ${verdict.met === null ? 'not measured' : verdict.met ? 'met' : '**not met**'}: ${verdict.target}: ${verdict.detail}`);
    lines.push('');
  }
  const w3 = (name: string) => medianOf(runs.filter((run) => run.workload === name && run.variant === 'kit-styled'), 'commitDurationP50Ms');
  const [w3Zero, w3Large] = [w3('W3-0'), w3('W3-100k')];
  if (w3Zero !== null && w3Large !== null) {
    lines.push(`W3, styled kit: median commit ${round(w3Large)} ms on a 100,000-token transcript against ${round(w3Zero)} ms on an empty one (${round(w3Large / Math.max(w3Zero, 0.001))}x).`, '');
  }
  lines.push(END);
  return lines.join('\n');
}

export function writeReport({ machine, runs }: { machine: Machine; runs: RunRecord[] }, options: { root: string; docs: boolean }) {
  for (const workload of [...new Set(runs.map((run) => run.workload))]) {
    const of = runs.filter((run) => run.workload === workload);
    console.log(`\n${workload}\n${workloadTable(of)}${workload === 'W6' || workload.startsWith('W3') ? `\n\n${growthTable(of)}` : ''}${workload === 'W5' ? `\n\n${heapRounds(of)}` : ''}${workload === 'W4' || workload.startsWith('W3') ? `\n\n${openingTable(of)}` : ''}`);
    for (const verdict of targets(workload, of)) console.log(`${verdict.met === null ? 'n/a ' : verdict.met ? 'met ' : 'MISS'} ${verdict.target}: ${verdict.detail}`);
  }
  if (!options.docs) return;
  const images = resolve(options.root, 'docs/images');
  mkdirSync(images, { recursive: true });
  for (const workload of [...new Set(runs.map((run) => run.workload))]) {
    writeFileSync(resolve(images, `browser-bench-${workload}.svg`), workloadChart(workload, runs.filter((run) => run.workload === workload)));
  }
  const docsPath = resolve(options.root, 'docs/benchmarks.md');
  const docs = readFileSync(docsPath, 'utf8');
  const start = docs.indexOf(START);
  const end = docs.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`docs/benchmarks.md has no ${START} ... ${END} markers`);
  writeFileSync(docsPath, `${docs.slice(0, start)}${markdownSection(machine, runs)}${docs.slice(end + END.length)}`);
}
