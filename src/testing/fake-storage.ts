import type { ClientStorage, PersistLimits } from '../client/storage/types.js';

const defaultLimits: PersistLimits = { maxMessagesPerThread: 200, maxThreadBytes: 2 * 1024 * 1024, maxThreads: 50 };

/** A `ClientStorage` kept in a Map, for tests; `values` is the Map, to look into or to pre-fill. */
export function createFakeStorage(options: { limits?: Partial<PersistLimits>; enabled?: boolean } = {}): ClientStorage & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  const enabled = options.enabled ?? true;
  return {
    values,
    enabled,
    limits: { ...defaultLimits, ...options.limits },
    get: async <T>(key: string) => (enabled ? (structuredClone(values.get(key)) as T | undefined) : undefined),
    set: async (key, value) => void (enabled && values.set(key, structuredClone(value))),
    delete: async (key) => void values.delete(key),
    keys: async (prefix = '') => [...values.keys()].filter((key) => key.startsWith(prefix)),
  };
}
