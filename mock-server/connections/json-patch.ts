import type { JsonPatchOperation } from '../../src/protocol/index.js';

/** An operation that cannot apply: a missing path, a bad array index, a failed `test`. */
export class JsonPatchError extends Error {
  override name = 'JsonPatchError';
}

type Container = Record<string, unknown> | unknown[];

/**
 * Applies RFC 6902 operations to a copy of `document` and returns the copy; `document` is never changed.
 * @throws JsonPatchError naming the first operation that cannot apply
 * @example applyJsonPatch({ openTasks: 2 }, [{ op: 'replace', path: '/openTasks', value: 3 }]) // { openTasks: 3 }
 */
export function applyJsonPatch(document: unknown, operations: readonly JsonPatchOperation[]): unknown {
  let result = structuredClone(document);
  for (const [index, operation] of operations.entries()) {
    try {
      result = applyOperation(result, operation);
    } catch (error) {
      throw new JsonPatchError(`operation ${index} (${operation.op} ${operation.path}): ${(error as Error).message}`);
    }
  }
  return result;
}

function applyOperation(document: unknown, operation: JsonPatchOperation): unknown {
  switch (operation.op) {
    case 'add':
      return add(document, pointerTokens(operation.path), structuredClone(operation.value));
    case 'remove':
      return remove(document, pointerTokens(operation.path));
    case 'replace':
      return replace(document, pointerTokens(operation.path), structuredClone(operation.value));
    case 'move': {
      if (operation.path.startsWith(`${operation.from}/`)) throw new Error('cannot move a value into itself');
      const from = pointerTokens(operation.from);
      const value = valueAt(document, from);
      return add(remove(document, from), pointerTokens(operation.path), value);
    }
    case 'copy':
      return add(document, pointerTokens(operation.path), structuredClone(valueAt(document, pointerTokens(operation.from))));
    case 'test':
      if (!jsonEqual(valueAt(document, pointerTokens(operation.path)), operation.value)) throw new Error('test failed');
      return document;
    default:
      return assertNever(operation);
  }
}

/** `/a/b~1c` -> `['a', 'b/c']` (RFC 6901). */
function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function add(document: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [parent, key] = parentOf(document, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : arrayIndex(key, parent.length + 1);
    parent.splice(index, 0, value);
  } else {
    setOwn(parent, key, value);
  }
  return document;
}

function replace(document: unknown, path: string[], value: unknown): unknown {
  valueAt(document, path);
  if (path.length === 0) return value;
  const [parent, key] = parentOf(document, path);
  if (Array.isArray(parent)) parent[arrayIndex(key, parent.length)] = value;
  else setOwn(parent, key, value);
  return document;
}

function remove(document: unknown, path: string[]): unknown {
  if (path.length === 0) throw new Error('cannot remove the whole document');
  const [parent, key] = parentOf(document, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length), 1);
  else if (Object.hasOwn(parent, key)) Reflect.deleteProperty(parent, key);
  else throw new Error(`no member ${JSON.stringify(key)}`);
  return document;
}

function valueAt(document: unknown, path: readonly string[]): unknown {
  let current = document;
  for (const key of path) {
    const container = asContainer(current);
    if (Array.isArray(container)) current = container[arrayIndex(key, container.length)];
    else if (Object.hasOwn(container, key)) current = container[key];
    else throw new Error(`no member ${JSON.stringify(key)}`);
  }
  return current;
}

function parentOf(document: unknown, path: string[]): [Container, string] {
  const key = path.at(-1) ?? '';
  return [asContainer(valueAt(document, path.slice(0, -1))), key];
}

function asContainer(value: unknown): Container {
  if (typeof value !== 'object' || value === null) throw new Error('the path goes through a value that is not an object or array');
  return value as Container;
}

/** An index below `limit`, written without leading zeros as RFC 6901 requires. */
function arrayIndex(key: string, limit: number): number {
  if (!/^(0|[1-9]\d*)$/.test(key)) throw new Error(`${JSON.stringify(key)} is not an array index`);
  const index = Number(key);
  if (index >= limit) throw new Error(`index ${index} is out of bounds`);
  return index;
}

/** Defines the member even when its name is `__proto__`, which plain assignment would take as the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.hasOwn(right, key) && jsonEqual((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]));
}

function assertNever(value: never): never {
  throw new Error(`unknown operation ${JSON.stringify(value)}`);
}
