import { describe, expect, it } from 'vitest';
import { closePartialJson, formatPartialJson } from './partial-json';

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
