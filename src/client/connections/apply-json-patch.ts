import type { JsonPatchOperation } from '../../protocol/index.js';

export type PatchResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** Tokens that would reach a prototype if written as a key. */
const unsafeTokens = new Set(['__proto__', 'constructor', 'prototype']);

class PatchFailure {
  constructor(readonly reason: string) {}
}

/**
 * Applies an RFC 6902 JSON Patch without touching `document`: changed containers are copied, the rest is shared.
 * All operations apply or none do. Pointers through `__proto__`, `constructor` or `prototype` fail the patch.
 * @example applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/a', value: 2 }]) // { ok: true, value: { a: 2 } }
 */
export function applyJsonPatch(document: unknown, operations: readonly JsonPatchOperation[]): PatchResult {
  let value = document;
  try {
    operations.forEach((operation, index) => {
      try {
        value = applyOperation(value, operation);
      } catch (error) {
        if (error instanceof PatchFailure) throw new PatchFailure(`operation ${index} (${operation.op} ${operation.path}): ${error.reason}`);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof PatchFailure) return { ok: false, reason: error.reason };
    throw error;
  }
  return { ok: true, value };
}

function applyOperation(document: unknown, operation: JsonPatchOperation): unknown {
  switch (operation.op) {
    case 'add':
      return write(document, parsePointer(operation.path), 'add', operation.value);
    case 'remove':
      return write(document, parsePointer(operation.path), 'remove');
    case 'replace':
      return write(document, parsePointer(operation.path), 'replace', operation.value);
    case 'move': {
      const from = parsePointer(operation.from);
      const to = parsePointer(operation.path);
      if (to.length > from.length && from.every((token, index) => token === to[index])) throw new PatchFailure('cannot move a value into itself');
      const moved = read(document, from);
      return write(write(document, from, 'remove'), to, 'add', moved);
    }
    case 'copy':
      return write(document, parsePointer(operation.path), 'add', read(document, parsePointer(operation.from)));
    case 'test':
      if (!jsonEqual(read(document, parsePointer(operation.path)), operation.value)) throw new PatchFailure('the value differs');
      return document;
  }
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchFailure(`${JSON.stringify(pointer)} is not a JSON Pointer: it starts with "/" or is empty`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => {
      const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
      if (unsafeTokens.has(key)) throw new PatchFailure(`"${key}" may not be used as a key`);
      return key;
    });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function arrayIndex(items: unknown[], token: string, forInsert: boolean): number {
  if (forInsert && token === '-') return items.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new PatchFailure(`"${token}" is not an array index`);
  const index = Number(token);
  if (index > items.length || (!forInsert && index === items.length)) throw new PatchFailure(`index ${index} is out of bounds`);
  return index;
}

function read(document: unknown, tokens: string[]): unknown {
  let current = document;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, false)];
    else if (isRecord(current) && Object.hasOwn(current, token)) current = current[token];
    else throw new PatchFailure(`nothing at "${token}"`);
  }
  return current;
}

function write(document: unknown, tokens: string[], op: 'add' | 'remove' | 'replace', value?: unknown): unknown {
  if (tokens.length === 0) {
    if (op === 'remove') throw new PatchFailure('cannot remove the whole document');
    return value;
  }
  const [token, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(document)) {
    const copy = [...document];
    if (rest.length > 0) {
      const index = arrayIndex(document, token, false);
      copy[index] = write(document[index], rest, op, value);
    } else if (op === 'add') copy.splice(arrayIndex(document, token, true), 0, value);
    else copy.splice(arrayIndex(document, token, false), 1, ...(op === 'replace' ? [value] : []));
    return copy;
  }
  if (!isRecord(document)) throw new PatchFailure(`"${token}" is inside a value that is not an object or array`);
  const has = Object.hasOwn(document, token);
  const copy: Record<string, unknown> = { ...document };
  if (rest.length > 0) {
    if (!has) throw new PatchFailure(`nothing at "${token}"`);
    copy[token] = write(document[token], rest, op, value);
  } else if (op === 'remove') {
    if (!has) throw new PatchFailure(`nothing at "${token}" to remove`);
    delete copy[token];
  } else {
    if (op === 'replace' && !has) throw new PatchFailure(`nothing at "${token}" to replace`);
    copy[token] = value;
  }
  return copy;
}

function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) return Array.isArray(right) && left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
  if (!isRecord(left) || !isRecord(right)) return false;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}
