import { describe, expect, it } from 'vitest';
import { createClientStorage, STORAGE_SCHEMA_VERSION } from './create-client-storage.js';
import { createMemoryBackend } from './memory-backend.js';
import type { KeyValueBackend } from './types.js';

/** A backend that records every call made to it. */
function countingBackend(values = new Map<string, unknown>()) {
  const inner = createMemoryBackend(values);
  const calls: string[] = [];
  const backend: KeyValueBackend = {
    get: (key) => (calls.push(`get ${key}`), inner.get(key)),
    set: (key, value) => (calls.push(`set ${key}`), inner.set(key, value)),
    delete: (key) => (calls.push(`delete ${key}`), inner.delete(key)),
    keys: () => (calls.push('keys'), inner.keys()),
  };
  return { backend, calls, values };
}

const failingBackend: KeyValueBackend = {
  get: () => Promise.reject(new Error('read failed')),
  set: () => Promise.reject(new Error('quota exceeded')),
  delete: () => Promise.reject(new Error('delete failed')),
  keys: () => Promise.reject(new Error('keys failed')),
};

describe('createClientStorage', () => {
  it('stores each value under the scope with the schema version, and reads it back', async () => {
    const { backend, values } = countingBackend();
    const storage = createClientStorage({ backend, scope: 'scope-a' });
    await storage.set('draft:t1', { text: 'Hi' });
    expect(values.get('scope-a#draft:t1')).toEqual({ v: STORAGE_SCHEMA_VERSION, value: { text: 'Hi' } });
    expect(await storage.get('draft:t1')).toEqual({ text: 'Hi' });
    expect(await storage.keys('draft:')).toEqual(['draft:t1']);
    await storage.delete('draft:t1');
    expect(await storage.get('draft:t1')).toBeUndefined();
  });

  it('ignores a record of another schema version or of no known shape, deleting all but a newer version (a newer build in another tab)', async () => {
    const { backend, values } = countingBackend();
    values.set('s#old', { v: 0, value: 'from an older release' });
    values.set('s#newer', { v: STORAGE_SCHEMA_VERSION + 1, value: 'from a newer release' });
    values.set('s#bare', 'not a record');
    values.set('s#no-value', { v: STORAGE_SCHEMA_VERSION });
    const storage = createClientStorage({ backend, scope: 's' });
    for (const key of ['old', 'newer', 'bare', 'no-value']) expect(await storage.get(key)).toBeUndefined();
    expect([...values.keys()]).toEqual(['s#newer']);
  });

  it('keeps scopes apart, and clear() deletes only its own scope', async () => {
    const { backend, values } = countingBackend();
    const alice = createClientStorage({ backend, scope: 'origin|default|alice' });
    const bob = createClientStorage({ backend, scope: 'origin|default|bob' });
    await alice.set('outbox:m1', 'for alice');
    await bob.set('outbox:m1', 'for bob');
    expect(await alice.get('outbox:m1')).toBe('for alice');
    expect(await bob.keys()).toEqual(['outbox:m1']);
    await alice.clear();
    expect(await alice.keys()).toEqual([]);
    expect(await bob.get('outbox:m1')).toBe('for bob');
    expect([...values.keys()]).toEqual(['origin|default|bob#outbox:m1']);
  });

  it('makes no backend call at all when disabled', async () => {
    const { backend, calls } = countingBackend();
    const storage = createClientStorage({ backend, scope: 's', enabled: false });
    await storage.set('k', 1);
    expect(await storage.get('k')).toBeUndefined();
    expect(await storage.keys()).toEqual([]);
    await storage.delete('k');
    await storage.clear();
    expect(storage.enabled).toBe(false);
    expect(calls).toEqual([]);
  });

  it('answers undefined when the backend fails, swallows failed writes, and counts both', async () => {
    const storage = createClientStorage({ backend: failingBackend, scope: 's' });
    await expect(storage.set('k', 1)).resolves.toBeUndefined();
    await expect(storage.get('k')).resolves.toBeUndefined();
    await expect(storage.keys()).resolves.toEqual([]);
    expect(storage.failures).toBe(3);
  });

  it('waits for a scope that resolves later, and asks again for one that failed', async () => {
    const { backend, values } = countingBackend();
    let asked = 0;
    const storage = createClientStorage({
      backend,
      scope: async () => {
        asked += 1;
        if (asked === 1) throw new Error('no token yet');
        return 'later';
      },
    });
    await storage.set('k', 1);
    expect(values.size).toBe(0);
    await Promise.all([storage.set('k', 2), storage.set('j', 3)]);
    expect(await storage.get('k')).toBe(2);
    expect([...values.keys()].sort()).toEqual(['later#j', 'later#k']);
    expect(asked).toBe(2);
  });

  it('has the default limits unless given others', () => {
    const storage = createClientStorage({ backend: createMemoryBackend(), scope: 's', limits: { maxThreads: 5 } });
    expect(storage.limits).toEqual({ maxMessagesPerThread: 200, maxThreadBytes: 2 * 1024 * 1024, maxThreads: 5 });
  });
});
