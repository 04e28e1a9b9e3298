import type { ClientStorage, KeyValueBackend, PersistLimits } from './types.js';

/** The shape every stored value is written in; a record of another version is deleted when read. */
export const STORAGE_SCHEMA_VERSION = 1;

export const defaultPersistLimits: PersistLimits = { maxMessagesPerThread: 200, maxThreadBytes: 2 * 1024 * 1024, maxThreads: 50 };

export interface ClientStorageOptions {
  backend: KeyValueBackend;
  /** The scope's name, or how to get it (e.g. from `getToken()`); asked again after it failed. */
  scope: string | (() => Promise<string>);
  limits?: Partial<PersistLimits>;
  /** @default true */
  enabled?: boolean;
}

export interface ScopedStorage extends ClientStorage {
  /** Deletes every key of this scope, and only of this scope. */
  clear(): Promise<void>;
  /** Backend calls that failed (and were given up): a read answers `undefined`, a write is lost. */
  readonly failures: number;
}

interface StoredRecord {
  v: number;
  value: unknown;
}

const isNewerRecord = (record: unknown) =>
  typeof record === 'object' && record !== null && typeof (record as StoredRecord).v === 'number' && (record as StoredRecord).v > STORAGE_SCHEMA_VERSION;

const isCurrentRecord = (record: unknown): record is StoredRecord =>
  typeof record === 'object' && record !== null && (record as StoredRecord).v === STORAGE_SCHEMA_VERSION && 'value' in record;

/** A `ClientStorage` over `backend`: keys prefixed by the scope, values versioned; backend errors never reach the caller. */
export function createClientStorage(options: ClientStorageOptions): ScopedStorage {
  const { backend } = options;
  const enabled = options.enabled ?? true;
  let scopePrefix: Promise<string> | undefined;
  const resolveScopePrefix = () => {
    if (scopePrefix) return scopePrefix;
    const resolving = (async () => `${typeof options.scope === 'string' ? options.scope : await options.scope()}#`)();
    scopePrefix = resolving;
    resolving.catch(() => scopePrefix === resolving && (scopePrefix = undefined));
    return resolving;
  };
  let failures = 0;
  const attempt = async <T>(operation: (prefix: string) => Promise<T>, fallback: T): Promise<T> => {
    if (!enabled) return fallback;
    try {
      return await operation(await resolveScopePrefix());
    } catch {
      failures += 1;
      return fallback;
    }
  };
  const keysUnder = (scoped: string, start: string) =>
    backend.keys().then((all) => all.filter((key) => key.startsWith(scoped + start)).map((key) => key.slice(scoped.length)));

  return {
    enabled,
    limits: { ...defaultPersistLimits, ...options.limits },
    get: <T>(key: string) =>
      attempt(async (scoped) => {
        const record = await backend.get(scoped + key);
        if (record === undefined) return undefined;
        if (isCurrentRecord(record)) return record.value as T;
        // A newer version belongs to a newer build of the app, maybe open in another tab: left alone, not read.
        if (!isNewerRecord(record)) await backend.delete(scoped + key);
        return undefined;
      }, undefined),
    set: (key, value) => attempt((scoped) => backend.set(scoped + key, { v: STORAGE_SCHEMA_VERSION, value } satisfies StoredRecord), undefined),
    delete: (key) => attempt((scoped) => backend.delete(scoped + key), undefined),
    keys: (start = '') => attempt((scoped) => keysUnder(scoped, start), []),
    clear: () =>
      attempt(async (scoped) => {
        for (const key of await keysUnder(scoped, '')) await backend.delete(scoped + key);
      }, undefined),
    get failures() {
      return failures;
    },
  };
}
