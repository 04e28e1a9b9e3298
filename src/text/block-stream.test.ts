import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { advanceBlockStream, markedLexer, type BlockStream, type MarkdownLexer } from './block-stream.js';
import { longAnswer, tokenize } from '../../test/support/long-answer.fixture.js';

function countingLexer() {
  const counts = { characters: 0, calls: 0 };
  const lex: MarkdownLexer = {
    blocks: (source, links) => {
      counts.characters += source.length;
      counts.calls += 1;
      return markedLexer.blocks(source, links);
    },
    inline: (source, links) => {
      counts.characters += source.length;
      counts.calls += 1;
      return markedLexer.inline(source, links);
    },
  };
  return { counts, lex };
}

/** What rendering reads: marked's `raw` of a list is not always its source, so lists are compared without it. */
function renderable(tokens: readonly Token[]): unknown {
  return JSON.parse(JSON.stringify(tokens), (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'list') return { ...value, raw: undefined };
    return value;
  });
}

const edgeCases = [
  '# Title #',
  'Setext title\n===',
  'A paragraph with *em*, **strong**, ***both***, `code`, ~~gone~~, a [link](https://a.example/x "t") and ![img](https://a.example/i.png).',
  'snake_case_words and 2 * 3 * 4 and a_b_c stay text; www.example.com and mail@example.com autolink.',
  '- one\n- two with **bold**\n  - nested\n    - deeper\n- three',
  '1. first\n2. second\n\n3. loose third',
  '* star list\n* second star',
  '- [ ] open task\n- [x] done task',
  '> quote line one\n> quote **line** two\n>\n> second paragraph',
  '| a | b | c |\n| :-- | :-: | --: |\n| 1 | `x` | 3 |\n| 4 | 5 |\n| \\| escaped | 6 | 7 |',
  '~~~python\ndef f():\n    return 1\n~~~',
  '````md\n```js\ninner\n```\n````',
  '    indented code\n    second line',
  'Lazy paragraph\ncontinues here\nand here.',
  '[ref link][r] and [r]\n\n[r]: https://ref.example/',
  '<div>raw html</div>',
  '---',
  'Text with a hard  \nbreak and a trailing backslash\\\nbreak.',
  'Entities &amp; &lt;tags&gt; &#169;',
].join('\n\n');

function streamAll(text: string, seed: number, lex?: MarkdownLexer) {
  const states: { text: string; state: BlockStream }[] = [];
  let state: BlockStream | undefined;
  let written = '';
  for (const token of tokenize(text, seed)) {
    written += token;
    state = advanceBlockStream(state, written, lex ? { lex } : {});
    states.push({ text: written, state });
  }
  return { states, final: advanceBlockStream(state, text, { final: true, ...(lex ? { lex } : {}) }) };
}

describe('advanceBlockStream', () => {
  it('streams a 200-block answer with at most about 2x its length handed to the lexer, each completed block lexed once', () => {
    const { counts, lex } = countingLexer();
    const tokens = tokenize(longAnswer);
    expect(tokens.length).toBeGreaterThan(4000);
    const { states, final } = streamAll(longAnswer, 7, lex);

    expect(final.blocks.filter((block) => block.token.type !== 'space').length + final.tail.filter((token) => token.type !== 'space').length).toBe(200);
    expect(counts.characters / longAnswer.length).toBeLessThanOrEqual(2.2);
    // Re-lexing the whole text on every token would hand the lexer this much:
    const wholeTextEachToken = states.reduce((sum, { text }) => sum + text.length, 0);
    expect(wholeTextEachToken / counts.characters).toBeGreaterThan(1000);
    expect(states.some(({ state }) => state.behind)).toBe(false);
  }, 20_000);

  it('never changes a completed block: each later split starts with the same block objects', () => {
    const { states } = streamAll(longAnswer, 42);
    let changedBlocks = 0;
    for (let index = 1; index < states.length; index += 1) {
      const before = states[index - 1]!.state.blocks;
      const after = states[index]!.state.blocks;
      for (let block = 0; block < before.length; block += 1) if (after[block] !== before[block]) changedBlocks += 1;
    }
    expect(changedBlocks).toBe(0);
    expect(states[states.length - 1]!.state.blocks.length).toBeGreaterThan(390);
  }, 20_000);

  it.each([
    ['the long answer', longAnswer],
    ['edge cases', edgeCases],
  ])('after every token of %s, shows exactly what lexing the open tail would', (name, text) => {
    for (const seed of name === 'edge cases' ? [1, 2, 3, 7, 42] : [7]) {
      const { states, final } = streamAll(text, seed);
      for (const { text: written, state } of states) {
        if (state.source !== written) continue;
        const tailSource = state.repaired.text + state.repaired.closers;
        const expected = marked.lexer(tailSource);
        expect(renderable(state.tail)).toEqual(renderable(expected.slice(expected.length - state.tail.length)));
      }
      const joined = [...final.blocks.map((block) => block.token), ...final.tail].filter((token) => token.type !== 'space');
      const whole = marked.lexer(text).filter((token) => token.type !== 'space');
      expect(joined.map((token) => token.type)).toEqual(whole.map((token) => token.type));
      const withoutRaw = (tokens: Token[]) => renderable(tokens.map((token) => ({ ...token, raw: '' }) as Token));
      expect(withoutRaw(joined)).toEqual(withoutRaw(whole));
    }
  }, 30_000);

  it('starts over when the text is replaced rather than extended', () => {
    const first = advanceBlockStream(undefined, 'para one\n\npara two');
    const replaced = advanceBlockStream(first, 'something else');
    expect(replaced.blocks).toHaveLength(0);
    expect(replaced.tail.map((token) => token.type)).toEqual(['paragraph']);
  });

  it('holds text back when the lex budget is spent, and lexes it once forced', () => {
    const { counts, lex } = countingLexer();
    // Many short lines that each start a new block shape force full re-lexes of one growing blockquote.
    const quote = Array.from({ length: 400 }, (_, index) => `> line ${index} *x*`).join('\n');
    let state: BlockStream | undefined;
    let written = '';
    for (const token of tokenize(quote, 3)) {
      written += token;
      state = advanceBlockStream(state, written, { lex });
    }
    expect(state!.behind).toBe(true);
    expect(counts.characters).toBeLessThanOrEqual(2.5 * quote.length + 512 + 100);
    const forced = advanceBlockStream(state, written, { lex, force: true });
    expect(forced.behind).toBe(false);
    expect(forced.source).toBe(quote);
  });
});
