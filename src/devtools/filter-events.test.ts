import { describe, expect, it } from 'vitest';
import { shortTurnEvents } from '../../test/support/event-factory.js';
import { filterEventIndexes, noEventFilter } from './filter-events.js';

const events = shortTurnEvents('t1');

describe('filterEventIndexes', () => {
  it('keeps everything (null) with no filter', () => {
    expect(filterEventIndexes(events, noEventFilter)).toBeNull();
    expect(filterEventIndexes(events, { hiddenTypes: new Set(), text: '   ' })).toBeNull();
  });

  it('leaves out hidden types', () => {
    expect(filterEventIndexes(events, { hiddenTypes: new Set(['text-delta']), text: '' })).toEqual([0, 3]);
    expect(filterEventIndexes(events, { hiddenTypes: new Set(['turn-start', 'text-delta', 'finish']), text: '' })).toEqual([]);
  });

  it('matches text in the type, the seq and the summary, ignoring case', () => {
    expect(filterEventIndexes(events, { hiddenTypes: new Set(), text: 'HEL' })).toEqual([1]);
    expect(filterEventIndexes(events, { hiddenTypes: new Set(), text: 'finish' })).toEqual([3]);
    expect(filterEventIndexes(events, { hiddenTypes: new Set(), text: 'turn-1 user' })).toEqual([0]);
    expect(filterEventIndexes(events, { hiddenTypes: new Set(), text: 'nothing like this' })).toEqual([]);
  });

  it('applies both filters together', () => {
    expect(filterEventIndexes(events, { hiddenTypes: new Set(['finish']), text: 'stop' })).toEqual([]);
    expect(filterEventIndexes(events, { hiddenTypes: new Set(['turn-start']), text: 'text-delta' })).toEqual([1, 2]);
  });
});
