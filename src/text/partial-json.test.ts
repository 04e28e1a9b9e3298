import { describe, expect, it } from 'vitest';
import { closePartialJson, createPartialJsonReader, formatPartialJson } from './partial-json.js';

describe('closePartialJson', () => {
  it.each([
    ['{"city":"Par', '{"city":"Par"}'],
    ['{"city":"Paris"', '{"city":"Paris"}'],
    ['{"city":"Paris",', '{"city":"Paris"}'],
    ['{"city":"Paris","li', '{"city":"Paris"}'],
    ['{"city":"Paris","limit"', '{"city":"Paris"}'],
    ['{"city":"Paris","limit":', '{"city":"Paris"}'],
    ['{"city":"Paris","limit":1', '{"city":"Paris","limit":1}'],
    ['{"limit":-', '{}'],
    ['{"ratio":0.', '{"ratio":0}'],
    ['{"ratio":1e', '{"ratio":1}'],
    ['{"ok":tr', '{"ok":true}'],
    ['{"ok":n', '{"ok":null}'],
    ['{"tags":["a","b', '{"tags":["a","b"]}'],
    ['{"tags":[{"x":[1,2', '{"tags":[{"x":[1,2]}]}'],
    ['{"text":"line\\', '{"text":"line"}'],
    ['{"text":"snow \\u26', '{"text":"snow "}'],
    ['{"text":"back\\\\', '{"text":"back\\\\"}'],
    ['{"text":"say \\"hi', '{"text":"say \\"hi"}'],
    ['[', '[]'],
    ['"abc', '"abc"'],
    ['  {  "a" :  [ 1 , ', '  {  "a" :  [ 1]}'],
    ['{"a":1}', '{"a":1}'],
  ])('completes %j as %j', (input, expected) => {
    expect(closePartialJson(input)).toBe(expected);
    expect(() => JSON.parse(closePartialJson(input)!)).not.toThrow();
  });

  it.each(['', '   ', 'hello', '{"a" 1', '{"a":1]', '{"a":1}}', '{"a":01', '{,', '{"a":truex}'])('gives up on %j', (input) => {
    expect(closePartialJson(input)).toBeUndefined();
  });

  it('completes every prefix of a JSON document to valid JSON', () => {
    const full = JSON.stringify({ query: 'resume "after" \\ reconnect \u00e9', limit: 3, ratio: -1.5e3, deep: [[true, false, null], { k: [] }] });
    for (let end = 1; end <= full.length; end += 1) {
      const closed = closePartialJson(full.slice(0, end));
      expect(closed, full.slice(0, end)).toBeDefined();
      expect(() => JSON.parse(closed!)).not.toThrow();
    }
    expect(closePartialJson(full)).toBe(full);
  });
});

describe('formatPartialJson', () => {
  it('pretty-prints the completed prefix', () => {
    expect(formatPartialJson('{"city":"Par')).toBe('{\n  "city": "Par"\n}');
    expect(formatPartialJson('not json')).toBeUndefined();
  });
});

describe('createPartialJsonReader', () => {
  it('gives the same answer as a fresh read for every prefix, in any chunking', () => {
    const full = JSON.stringify({ content: 'line one\nline "two" \\ \u00e9 '.repeat(20), n: [1, -2.5e3, true, null, { deep: ['x'] }] });
    for (const chunk of [1, 3, 7, 64]) {
      const read = createPartialJsonReader();
      for (let end = chunk; end < full.length + chunk; end += chunk) {
        const prefix = full.slice(0, end);
        expect(read(prefix), prefix).toBe(closePartialJson(prefix));
      }
    }
  });

  it('starts over when the text is replaced rather than extended, and stays failed on non-JSON growth', () => {
    const read = createPartialJsonReader();
    expect(read('{"a":"x')).toBe('{"a":"x"}');
    expect(read('["b')).toBe('["b"]');
    expect(read('oops')).toBeUndefined();
    expect(read('oops{}')).toBeUndefined();
    expect(read('{')).toBe('{}');
  });
});
