import { performance } from 'node:perf_hooks';
import { marked } from 'marked';
import { advanceBlockStream, markedLexer, type BlockStream, type MarkdownLexer } from '../src/text/block-stream.js';
import { longAnswer, tokenize } from '../test/support/long-answer.fixture.js';

// Parse work for a 200-block answer streamed in tokens of 3 to 8 characters: the incremental split (completed blocks
// lexed once, the open tail patched or re-lexed) against lexing the whole text again on every token.
const rounds = 3;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function summarize(name: string, characters: number, times: number[]) {
  const lastHundred = times.slice(-100);
  return {
    approach: name,
    charactersLexed: characters,
    perFinalLength: characters / longAnswer.length,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    lastHundredMeanMs: lastHundred.reduce((sum, time) => sum + time, 0) / lastHundred.length,
    totalMs: times.reduce((sum, time) => sum + time, 0),
  };
}

function incremental(tokens: string[]) {
  let characters = 0;
  const lex: MarkdownLexer = {
    blocks: (source, links) => {
      characters += source.length;
      return markedLexer.blocks(source, links);
    },
    inline: (source, links) => {
      characters += source.length;
      return markedLexer.inline(source, links);
    },
  };
  const times: number[] = [];
  let state: BlockStream | undefined;
  let text = '';
  for (const token of tokens) {
    text += token;
    const start = performance.now();
    state = advanceBlockStream(state, text, { lex });
    times.push(performance.now() - start);
  }
  const start = performance.now();
  state = advanceBlockStream(state, text, { lex, final: true });
  times.push(performance.now() - start);
  if (state.blocks.length + state.tail.length < 200 || state.behind) throw new Error('the stream did not end with every block');
  return summarize('incremental (blocks once, tail patched or re-lexed)', characters, times);
}

function wholeText(tokens: string[]) {
  let characters = 0;
  const times: number[] = [];
  let text = '';
  for (const token of tokens) {
    text += token;
    const start = performance.now();
    marked.lexer(text);
    times.push(performance.now() - start);
    characters += text.length;
  }
  return summarize('whole text re-lexed per token', characters, times);
}

const tokens = tokenize(longAnswer);
console.log(`${longAnswer.length} characters, 200 blocks, ${tokens.length} tokens; best of ${rounds} runs by total time`);
const best = (run: () => ReturnType<typeof summarize>) => {
  const results = Array.from({ length: rounds }, run);
  return results.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
};
// Warm up the lexer's regular expressions and the JIT before measuring.
wholeText(tokens.slice(0, 500));
incremental(tokens);
console.table([best(() => incremental(tokens)), best(() => wholeText(tokens))].map((row) => ({
  approach: row.approach,
  'characters lexed': row.charactersLexed,
  'x final length': row.perFinalLength.toFixed(2),
  'median ms/token': row.medianMs.toFixed(4),
  'p95 ms/token': row.p95Ms.toFixed(4),
  'last 100 tokens ms/token': row.lastHundredMeanMs.toFixed(4),
  'total ms': row.totalMs.toFixed(1),
})));
