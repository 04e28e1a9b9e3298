import type { KeyValueBackend } from './types.js';

/** A backend kept in `values` (a Map), where there is no IndexedDB; clients given the same Map share what they store. */
export function createMemoryBackend(values = new Map<string, unknown>()): KeyValueBackend {
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    delete: async (key) => void values.delete(key),
    keys: async () => [...values.keys()],
  };
}
