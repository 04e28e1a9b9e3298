import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonPatchOperation } from '../../protocol/index.js';
import { applyJsonPatch } from './apply-json-patch.js';

/** Applies `operations` to a frozen deep copy, so any write into the input throws, and checks the input after. */
function patch(document: unknown, operations: JsonPatchOperation[]) {
  const before = structuredClone(document);
  const result = applyJsonPatch(deepFreeze(document), operations);
  expect(document).toEqual(before);
  return result;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const applied = (document: unknown, operations: JsonPatchOperation[]) => {
  const result = patch(document, operations);
  if (!result.ok) throw new Error(`expected the patch to apply, it failed: ${result.reason}`);
  return result.value;
};

const failure = (document: unknown, operations: JsonPatchOperation[]) => {
  const result = patch(document, operations);
  if (result.ok) throw new Error(`expected the patch to fail, it gave ${JSON.stringify(result.value)}`);
  return result.reason;
};

describe('applyJsonPatch', () => {
  describe('operations', () => {
    it('adds an object member, replacing one that is there', () => {
      expect(applied({ a: 1 }, [{ op: 'add', path: '/b', value: { c: [1] } }])).toEqual({ a: 1, b: { c: [1] } });
      expect(applied({ a: 1 }, [{ op: 'add', path: '/a', value: 2 }])).toEqual({ a: 2 });
    });

    it('adds into an array at an index, at its end, and with "-"', () => {
      expect(applied(['x', 'z'], [{ op: 'add', path: '/1', value: 'y' }])).toEqual(['x', 'y', 'z']);
      expect(applied(['x', 'z'], [{ op: 'add', path: '/0', value: 'w' }])).toEqual(['w', 'x', 'z']);
      expect(applied(['x', 'z'], [{ op: 'add', path: '/2', value: 'end' }])).toEqual(['x', 'z', 'end']);
      expect(applied({ list: [1] }, [{ op: 'add', path: '/list/-', value: 2 }])).toEqual({ list: [1, 2] });
    });

    it('adds at the root by replacing the whole document', () => {
      expect(applied({ a: 1 }, [{ op: 'add', path: '', value: [1, 2] }])).toEqual([1, 2]);
    });

    it('removes an object member and an array item', () => {
      expect(applied({ a: 1, b: 2 }, [{ op: 'remove', path: '/a' }])).toEqual({ b: 2 });
      expect(applied({ list: ['x', 'y', 'z'] }, [{ op: 'remove', path: '/list/1' }])).toEqual({ list: ['x', 'z'] });
    });

    it('replaces an object member, an array item and the root', () => {
      expect(applied({ a: { b: 1 } }, [{ op: 'replace', path: '/a/b', value: null }])).toEqual({ a: { b: null } });
      expect(applied([1, 2, 3], [{ op: 'replace', path: '/1', value: 'two' }])).toEqual([1, 'two', 3]);
      expect(applied({ a: 1 }, [{ op: 'replace', path: '', value: 'whole' }])).toBe('whole');
    });

    it('moves a value between objects and within an array', () => {
      expect(applied({ a: { x: 1 }, b: {} }, [{ op: 'move', from: '/a/x', path: '/b/y' }])).toEqual({ a: {}, b: { y: 1 } });
      expect(applied({ list: ['a', 'b', 'c'] }, [{ op: 'move', from: '/list/0', path: '/list/-' }])).toEqual({ list: ['b', 'c', 'a'] });
    });

    it('moves a value onto itself as a no-op', () => {
      expect(applied({ a: 1, b: 2 }, [{ op: 'move', from: '/a', path: '/a' }])).toEqual({ a: 1, b: 2 });
    });

    it('copies a value, leaving the source', () => {
      expect(applied({ a: { x: [1] }, list: [0] }, [{ op: 'copy', from: '/a/x', path: '/list/0' }])).toEqual({ a: { x: [1] }, list: [[1], 0] });
    });

    it('tests a value by JSON equality, key order aside, and changes nothing', () => {
      const document = { a: { x: 1, y: [1, { z: null }] } };
      expect(applied(document, [{ op: 'test', path: '/a', value: { y: [1, { z: null }], x: 1 } }])).toBe(document);
      expect(failure(document, [{ op: 'test', path: '/a', value: { x: 1 } }])).toContain('differs');
      expect(failure(document, [{ op: 'test', path: '/a/y', value: [1, { z: null }, 2] }])).toContain('differs');
      expect(failure(document, [{ op: 'test', path: '/a/x', value: '1' }])).toContain('differs');
      expect(failure(document, [{ op: 'test', path: '/a/y', value: { 0: 1, 1: { z: null } } }])).toContain('differs');
    });

    it('applies operations in order, each to the result of the one before', () => {
      expect(
        applied({ list: [] }, [
          { op: 'add', path: '/list/-', value: 'a' },
          { op: 'add', path: '/list/-', value: 'b' },
          { op: 'test', path: '/list/1', value: 'b' },
          { op: 'move', from: '/list/0', path: '/first' },
        ]),
      ).toEqual({ list: ['b'], first: 'a' });
    });
  });

  describe('pointers', () => {
    it('decodes ~1 as "/" and ~0 as "~", in that order', () => {
      const document = { 'a/b': 1, 'm~n': 2, '~1': 3 };
      expect(applied(document, [{ op: 'replace', path: '/a~1b', value: 'slash' }])).toMatchObject({ 'a/b': 'slash' });
      expect(applied(document, [{ op: 'replace', path: '/m~0n', value: 'tilde' }])).toMatchObject({ 'm~n': 'tilde' });
      expect(applied(document, [{ op: 'remove', path: '/~01' }])).toEqual({ 'a/b': 1, 'm~n': 2 });
    });

    it('reads "/" as the empty key', () => {
      expect(applied({}, [{ op: 'add', path: '/', value: 1 }])).toEqual({ '': 1 });
    });

    it('fails a pointer that does not start with "/"', () => {
      expect(failure({ a: 1, c: 2 }, [{ op: 'replace', path: 'xc', value: 0 }])).toContain('"xc"');
    });
  });

  describe('failures', () => {
    it.each<[string, unknown, JsonPatchOperation]>([
      ['a missing member to replace', { a: 1 }, { op: 'replace', path: '/b', value: 1 }],
      ['a missing member to remove', { a: 1 }, { op: 'remove', path: '/b' }],
      ['a missing parent to add into', { a: 1 }, { op: 'add', path: '/b/c', value: 1 }],
      ['a missing value to test', { a: 1 }, { op: 'test', path: '/b', value: 1 }],
      ['a missing source to copy', { a: 1 }, { op: 'copy', from: '/b', path: '/c' }],
      ['a missing source to move', { a: 1 }, { op: 'move', from: '/b', path: '/c' }],
      ['an inherited member', { a: 1 }, { op: 'test', path: '/toString', value: null }],
      ['a member of a number', { a: 1 }, { op: 'add', path: '/a/b', value: 1 }],
      ['a member of null', { a: null }, { op: 'add', path: '/a/b', value: 1 }],
      ['an add past the end of an array', { list: [1] }, { op: 'add', path: '/list/2', value: 1 }],
      ['a replace at the end of an array', { list: [1] }, { op: 'replace', path: '/list/1', value: 1 }],
      ['a remove at the end of an array', { list: [1] }, { op: 'remove', path: '/list/1' }],
      ['a read past the end of an array', { list: [1] }, { op: 'test', path: '/list/5', value: 1 }],
      ['an index with a leading zero', { list: [1, 2] }, { op: 'replace', path: '/list/01', value: 1 }],
      ['a negative index', { list: [1, 2] }, { op: 'add', path: '/list/-1', value: 1 }],
      ['a non-numeric index', { list: [1, 2] }, { op: 'add', path: '/list/first', value: 1 }],
      ['"-" where an existing item is needed', { list: [1, 2] }, { op: 'remove', path: '/list/-' }],
      ['"-" in the middle of a path', { list: [{ a: 1 }] }, { op: 'add', path: '/list/-/a', value: 1 }],
      ['a move into its own child', { a: { b: {} } }, { op: 'move', from: '/a', path: '/a/b/c' }],
      ['removing the root', { a: 1 }, { op: 'remove', path: '' }],
    ])('fails %s', (_what, document, operation) => {
      expect(failure(document, [operation])).toMatch(/^operation 0 \(/);
    });

    it('names the failing operation and its path', () => {
      expect(
        failure({ a: 1 }, [
          { op: 'add', path: '/b', value: 2 },
          { op: 'replace', path: '/missing', value: 3 },
        ]),
      ).toContain('operation 1 (replace /missing)');
    });
  });

  describe('atomicity and sharing', () => {
    it('applies nothing when a later operation fails, and leaves the input untouched', () => {
      const document = { a: 1, list: [1, 2], nested: { deep: { x: 1 } } };
      const result = patch(document, [
        { op: 'replace', path: '/a', value: 2 },
        { op: 'add', path: '/list/-', value: 3 },
        { op: 'remove', path: '/nested/deep/x' },
        { op: 'test', path: '/a', value: 1 },
      ]);
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('operation 3 (test /a)') });
      expect(document).toEqual({ a: 1, list: [1, 2], nested: { deep: { x: 1 } } });
    });

    it('copies only the containers on the changed path and shares every other subtree', () => {
      const document = { left: { deep: [{ x: 1 }] }, right: { list: [{ y: 1 }, { z: 2 }] } };
      const value = applied(document, [{ op: 'replace', path: '/right/list/1/z', value: 3 }]) as typeof document;
      expect(value).toEqual({ left: { deep: [{ x: 1 }] }, right: { list: [{ y: 1 }, { z: 3 }] } });
      expect(value).not.toBe(document);
      expect(value.right).not.toBe(document.right);
      expect(value.right.list).not.toBe(document.right.list);
      expect(value.right.list[1]).not.toBe(document.right.list[1]);
      expect(value.left).toBe(document.left);
      expect(value.right.list[0]).toBe(document.right.list[0]);
    });

    it('does not mutate the input through a copied value changed later in the same patch', () => {
      const document = { a: { list: [1] } };
      const value = applied(document, [
        { op: 'copy', from: '/a', path: '/b' },
        { op: 'add', path: '/b/list/-', value: 2 },
      ]) as { a: { list: number[] }; b: { list: number[] } };
      expect(value).toEqual({ a: { list: [1] }, b: { list: [1, 2] } });
      expect(value.a).toBe(document.a);
    });
  });

  describe('prototype safety', () => {
    it.each<[string, JsonPatchOperation]>([
      ['add through __proto__', { op: 'add', path: '/__proto__/polluted', value: 'yes' }],
      ['replace through __proto__', { op: 'replace', path: '/__proto__', value: { polluted: 'yes' } }],
      ['add through constructor/prototype', { op: 'add', path: '/constructor/prototype/polluted', value: 'yes' }],
      ['add a prototype key deeper down', { op: 'add', path: '/a/__proto__', value: { polluted: 'yes' } }],
      ['copy from __proto__', { op: 'copy', from: '/__proto__', path: '/b' }],
      ['move into prototype', { op: 'move', from: '/a', path: '/prototype' }],
    ])('fails %s and pollutes nothing', (_what, operation) => {
      const reason = failure({ a: {} }, [operation]);
      expect(reason).toMatch(/"(__proto__|constructor|prototype)" may not be used as a key/);
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });

  describe('RFC 6902 appendix A', () => {
    it('A.1 adds an object member', () => {
      expect(applied({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({ baz: 'qux', foo: 'bar' });
    });

    it('A.2 adds an array element', () => {
      expect(applied({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({ foo: ['bar', 'qux', 'baz'] });
    });

    it('A.4 removes an array element', () => {
      expect(applied({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({ foo: ['bar', 'baz'] });
    });

    it('A.6 moves a value', () => {
      const document = { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } };
      expect(applied(document, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }])).toEqual({
        foo: { bar: 'baz' },
        qux: { corge: 'grault', thud: 'fred' },
      });
    });

    it('A.7 moves an array element', () => {
      expect(applied({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }])).toEqual({
        foo: ['all', 'cows', 'eat', 'grass'],
      });
    });

    it('A.8 tests values successfully', () => {
      const document = { baz: 'qux', foo: ['a', 2, 'c'] };
      expect(
        applied(document, [
          { op: 'test', path: '/baz', value: 'qux' },
          { op: 'test', path: '/foo/1', value: 2 },
        ]),
      ).toBe(document);
    });

    it('A.9 fails a test of a different value', () => {
      expect(failure({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).toContain('differs');
    });

    it('A.12 fails an add to a nonexistent target', () => {
      expect(failure({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).toContain('baz');
    });

    it('A.14 decodes ~01 as "~1" (~ escape ordering)', () => {
      const document = { '/': 9, '~1': 10 };
      expect(applied(document, [{ op: 'test', path: '/~01', value: 10 }])).toBe(document);
    });

    it('A.15 tells a string from a number', () => {
      expect(failure({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }])).toContain('differs');
    });

    it('A.16 adds an array value', () => {
      expect(applied({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }])).toEqual({ foo: ['bar', ['abc', 'def']] });
    });
  });

  describe('against a reference implementation', () => {
    type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

    const key = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('a/b', '~', '~1', '~01', '', '0', '-'));
    const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 3 })),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
      ),
    })).value;

    /** One operation, written as choices resolved against the document it will apply to. */
    const step = fc.record({ kind: fc.constantFrom('add', 'remove', 'replace'), at: fc.nat(), slot: fc.nat(), newKey: key, value: json });
    const encode = (token: string | number) => String(token).replaceAll('~', '~0').replaceAll('/', '~1');
    const pointer = (tokens: (string | number)[]) => tokens.map((token) => `/${encode(token)}`).join('');

    function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
      const children: [string | number, Json][] = Array.isArray(value)
        ? value.map((item, index) => [index, item])
        : value !== null && typeof value === 'object'
          ? Object.entries(value)
          : [];
      return [prefix, ...children.flatMap(([token, child]) => pathsOf(child, [...prefix, token]))];
    }

    /** The naive way: walk to the parent of a deep copy and change it in place. */
    function referenceApply(document: Json, kind: 'add' | 'remove' | 'replace', tokens: (string | number | '-')[], value: Json): Json {
      if (tokens.length === 0) return value;
      const copy = structuredClone(document);
      let parent = copy as Record<string | number, Json>;
      for (const token of tokens.slice(0, -1)) parent = parent[token as string] as Record<string | number, Json>;
      const last = tokens.at(-1)!;
      if (Array.isArray(parent)) {
        const index = last === '-' ? parent.length : Number(last);
        if (kind === 'add') parent.splice(index, 0, value);
        else if (kind === 'remove') parent.splice(index, 1);
        else parent[index] = value;
      } else if (kind === 'remove') delete parent[last];
      else parent[last] = value;
      return copy;
    }

    it('gives what the same add, remove and replace operations give done in place on a copy', () => {
      fc.assert(
        fc.property(json, fc.array(step, { minLength: 1, maxLength: 6 }), (document, steps) => {
          const original = structuredClone(document);
          let expected = document;
          const operations: JsonPatchOperation[] = [];
          for (const { kind, at, slot, newKey, value } of steps) {
            const paths = pathsOf(expected);
            const target = paths[at % paths.length]!;
            let tokens: (string | number | '-')[] = target;
            if (kind === 'add') {
              // Into the container at `target`: a new or existing key, or an index up to the length, or "-".
              const container = target.reduce<Json>((node, token) => (node as Record<string, Json>)[token]!, expected);
              if (container === null || typeof container !== 'object') tokens = target;
              else if (Array.isArray(container)) {
                const index = slot % (container.length + 2);
                tokens = [...target, index === container.length + 1 ? '-' : index];
              } else {
                const keys = Object.keys(container);
                tokens = [...target, slot % 2 === 0 && keys.length > 0 ? keys[slot % keys.length]! : newKey];
              }
            }
            if (kind === 'remove' && tokens.length === 0) continue;
            const path = pointer(tokens);
            operations.push(kind === 'remove' ? { op: kind, path } : { op: kind, path, value });
            expected = referenceApply(expected, kind, tokens, value);
          }
          const result = applyJsonPatch(document, operations);
          expect(result).toStrictEqual({ ok: true, value: expected });
          expect(document).toEqual(original);
        }),
        { numRuns: 300 },
      );
    });
  });
});
