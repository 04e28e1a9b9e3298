// The workloads, shared by the load server (what it sends) and the page (what it must render).

export type WorkloadName = 'W1' | 'W2' | 'W6' | 'W3-0' | 'W3-20k' | 'W3-100k' | 'W5' | 'W4';

export interface Workload {
  name: WorkloadName;
  threads: number;
  /** Tokens per second, per thread. */
  tokensPerSecond: number;
  durationMs: number;
  /** Tokens of markdown (answers with code, lists and tables) in the thread's history before the stream. */
  seedTokens?: number;
  /** Messages (user and assistant, with tool calls and artifacts) in the thread's history before the stream. */
  seedMessages?: number;
  /** Every this many tokens the stream starts a new markdown paragraph. */
  paragraphEvery?: number;
}

export const workloads: Record<WorkloadName, Workload> = {
  W1: { name: 'W1', threads: 1, tokensPerSecond: 100, durationMs: 10_000 },
  W2: { name: 'W2', threads: 10, tokensPerSecond: 1_000, durationMs: 5_000 },
  /** A 30-minute answer's worth of deltas (100,000), streamed fast: does the cost per flush grow with the text? */
  W6: { name: 'W6', threads: 1, tokensPerSecond: 5_000, durationMs: 20_000 },
  /** A 2,000-message thread with tool-call cards and artifacts; W1's stream goes into a new last message. */
  W4: { name: 'W4', threads: 1, tokensPerSecond: 100, durationMs: 10_000, seedMessages: 2_000 },
  /** W1 again and again in one page, each time into new threads (the runner streams it ten times). */
  W5: { name: 'W5', threads: 1, tokensPerSecond: 100, durationMs: 10_000 },
  /** 5,000 tokens of markdown paragraphs appended to a transcript of 0, 20,000 and 100,000 tokens. */
  'W3-0': { name: 'W3-0', threads: 1, tokensPerSecond: 500, durationMs: 10_000, seedTokens: 0, paragraphEvery: 40 },
  'W3-20k': { name: 'W3-20k', threads: 1, tokensPerSecond: 500, durationMs: 10_000, seedTokens: 20_000, paragraphEvery: 40 },
  'W3-100k': { name: 'W3-100k', threads: 1, tokensPerSecond: 500, durationMs: 10_000, seedTokens: 100_000, paragraphEvery: 40 },
};

/** `--quick`: the same rates, shorter streams. */
export const quickWorkloads: Record<WorkloadName, Workload> = {
  W1: { ...workloads.W1, durationMs: 2_000 },
  W2: { ...workloads.W2, durationMs: 1_000 },
  W6: { ...workloads.W6, durationMs: 2_000 },
  W5: { ...workloads.W5, durationMs: 2_000 },
  W4: { ...workloads.W4, durationMs: 2_000 },
  'W3-0': { ...workloads['W3-0'], durationMs: 2_000 },
  'W3-20k': { ...workloads['W3-20k'], durationMs: 2_000 },
  'W3-100k': { ...workloads['W3-100k'], durationMs: 2_000 },
};

export const tokenCount = (workload: Workload) => Math.round((workload.tokensPerSecond * workload.durationMs) / 1_000);

const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'stream', 'token', 'agent', 'frame', 'chat'];

/**
 * Token `index` of a thread: a plain word that ends with its running index, so the page can tell from the rendered
 * text's tail which token a commit showed. No markdown syntax, so the styled kit renders it verbatim.
 */
export const tokenText = (thread: number, index: number, paragraphEvery = 0) =>
  `${words[(index + thread) % words.length]}${index}${paragraphEvery > 0 && index % paragraphEvery === paragraphEvery - 1 ? '\n\n' : ' '}`;

export function tokensOf(thread: number, count: number, paragraphEvery = 0): string[] {
  return Array.from({ length: count }, (_, index) => tokenText(thread, index, paragraphEvery));
}

export const threadIdOf = (runId: string, thread: number) => `${runId}-t${thread}`;

/** The rendered text of a thread's tail names its last shown token: `...word123 ` → 123, or -1. */
export function lastTokenIndexIn(text: string): number {
  const match = /(\d+)\s*$/.exec(text.slice(-32));
  return match ? Number(match[1]) : -1;
}

/** Tokens in `longAnswer` (test/support/long-answer.fixture.ts, 23,512 characters of markdown), as its tokenizer splits it. */
export const LONG_ANSWER_TOKENS = 4_680;

/** Seeded answers of a workload: its transcript is this many user/assistant pairs of `longAnswer`. */
export const seededAnswers = (workload: Workload) => Math.round((workload.seedTokens ?? 0) / LONG_ANSWER_TOKENS);

/** The seq the seeded history ends at (three events per seeded turn); the live stream continues after it. */
export const seqOffsetOf = (workload: Workload) => seededAnswers(workload) * 3 + (workload.seedMessages ?? 0) * 2;
