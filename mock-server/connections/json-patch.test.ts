import { describe, expect, it } from 'vitest';
import type { JsonPatchOperation } from '../../src/protocol/index.js';
import { applyJsonPatch, JsonPatchError } from './json-patch.js';

describe('applyJsonPatch', () => {
  it('applies the operations of RFC 6902 in order, to a copy', () => {
    const document = { name: 'Lisbon trip', tags: ['a', 'c'], owner: { id: 1 }, 'a/b': 1, 'm~n': 2 };
    const operations: JsonPatchOperation[] = [
      { op: 'replace', path: '/name', value: 'Porto trip' },
      { op: 'add', path: '/tags/1', value: 'b' },
      { op: 'add', path: '/tags/-', value: 'd' },
      { op: 'remove', path: '/tags/0' },
      { op: 'copy', from: '/owner', path: '/editor' },
      { op: 'move', from: '/owner/id', path: '/ownerId' },
      { op: 'replace', path: '/a~1b', value: 10 },
      { op: 'remove', path: '/m~0n' },
      { op: 'test', path: '/editor', value: { id: 1 } },
    ];
    expect(applyJsonPatch(document, operations)).toEqual({ name: 'Porto trip', tags: ['b', 'c', 'd'], owner: {}, editor: { id: 1 }, ownerId: 1, 'a/b': 10 });
    expect(document).toEqual({ name: 'Lisbon trip', tags: ['a', 'c'], owner: { id: 1 }, 'a/b': 1, 'm~n': 2 });
  });

  it('replaces the whole document at the empty path', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: [1] }])).toEqual([1]);
  });

  it.each<[string, JsonPatchOperation]>([
    ['a missing member', { op: 'replace', path: '/missing', value: 1 }],
    ['a path through a number', { op: 'add', path: '/count/x', value: 1 }],
    ['an index past the end', { op: 'add', path: '/list/3', value: 1 }],
    ['an index with a leading zero', { op: 'remove', path: '/list/01' }],
    ['a failed test', { op: 'test', path: '/count', value: 2 }],
    ['a move into itself', { op: 'move', from: '/list', path: '/list/0' }],
  ])('refuses %s, naming the operation', (_, operation) => {
    expect(() => applyJsonPatch({ count: 1, list: [1, 2] }, [{ op: 'add', path: '/ok', value: true }, operation])).toThrow(JsonPatchError);
    expect(() => applyJsonPatch({ count: 1, list: [1, 2] }, [operation])).toThrow(/^operation 0 /);
  });

  it('adds a member called __proto__ as an own member, never as the prototype', () => {
    const patched = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(Object.hasOwn(patched, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
