// The workloads, shared by the load server (what it sends) and the page (what it must render).

export type WorkloadName = 'W1' | 'W2' | 'W6';

export interface Workload {
  name: WorkloadName;
  threads: number;
  /** Tokens per second, per thread. */
  tokensPerSecond: number;
  durationMs: number;
}

export const workloads: Record<WorkloadName, Workload> = {
  W1: { name: 'W1', threads: 1, tokensPerSecond: 100, durationMs: 10_000 },
  W2: { name: 'W2', threads: 10, tokensPerSecond: 1_000, durationMs: 5_000 },
  /** A 30-minute answer's worth of deltas (100,000), streamed fast: does the cost per flush grow with the text? */
  W6: { name: 'W6', threads: 1, tokensPerSecond: 5_000, durationMs: 20_000 },
};

/** `--quick`: the same rates, shorter streams. */
export const quickWorkloads: Record<WorkloadName, Workload> = {
  W1: { ...workloads.W1, durationMs: 2_000 },
  W2: { ...workloads.W2, durationMs: 1_000 },
  W6: { ...workloads.W6, durationMs: 2_000 },
};

export const tokenCount = (workload: Workload) => Math.round((workload.tokensPerSecond * workload.durationMs) / 1_000);

const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'stream', 'token', 'agent', 'frame', 'chat'];

/**
 * Token `index` of a thread: a plain word that ends with its running index, so the page can tell from the rendered
 * text's tail which token a commit showed. No markdown syntax, so the styled kit renders it verbatim.
 */
export const tokenText = (thread: number, index: number) => `${words[(index + thread) % words.length]}${index} `;

export function tokensOf(thread: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => tokenText(thread, index));
}

export const threadIdOf = (runId: string, thread: number) => `${runId}-t${thread}`;

/** The rendered text of a thread's tail names its last shown token: `...word123 ` → 123, or -1. */
export function lastTokenIndexIn(text: string): number {
  const match = /(\d+)\s*$/.exec(text.slice(-32));
  return match ? Number(match[1]) : -1;
}
