import { describe, expect, it } from 'vitest';
import { repairOpenBlock } from './repair-open-block.js';

const shown = (source: string) => {
  const { text, closers } = repairOpenBlock(source);
  return text + closers;
};

describe('repairOpenBlock', () => {
  it.each([
    ['Some **bol', 'Some **bol**'],
    ['Some **bold** and *it', 'Some **bold** and *it*'],
    ['a ~~gone', 'a ~~gone~~'],
    ['call `fn(', 'call `fn(`'],
    ['***both', '***both***'],
    ['**bold and *nested', '**bold and *nested***'],
    ['trailing **', 'trailing '],
    ['trailing **word ', 'trailing **word** '],
    ['2 * 3 and snake_case stay', '2 * 3 and snake_case stay'],
    ['\\*escaped', '\\*escaped'],
    ['Read [the gui', 'Read the gui'],
    ['Read [the guide]', 'Read the guide'],
    ['Read [the guide](https://exa', 'Read the guide'],
    ['See ![a chart](https://exa', 'See '],
    ['Done [the guide](https://example.com) now', 'Done [the guide](https://example.com) now'],
    ['- one\n- ', '- one\n'],
    ['- one\n2.', '- one\n'],
    ['-', ''],
    ['Intro\n\n| a | b |', 'Intro\n\n'],
    ['Intro\n\n| a | b |\n', 'Intro\n\n'],
    ['Intro\n\n| a | b |\n|---|--', 'Intro\n\n'],
    ['Intro\n\n| a | b |\n|---|---|\n', 'Intro\n\n| a | b |\n|---|---|\n'],
    ['```ts\nconst a = "**"', '```ts\nconst a = "**"'],
    ['```ts\nconst a = 1;\n``', '```ts\nconst a = 1;\n'],
    ['```ts\nconst a = 1;\n```\nAfter **bo', '```ts\nconst a = 1;\n```\nAfter **bo**'],
    ['para one **x\n\npara two', 'para one **x\n\npara two'],
  ])('%j shows as %j', (source, expected) => {
    expect(shown(source)).toBe(expected);
  });

  it('says how much of the text is as written', () => {
    expect(repairOpenBlock('Read [the gui').unchangedLength).toBe('Read '.length);
    expect(repairOpenBlock('plain words').unchangedLength).toBe('plain words'.length);
  });
});
