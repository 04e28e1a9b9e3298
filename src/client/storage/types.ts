/**
 * Where a client keeps what must survive a reload. Every key is scoped to one origin, agent and user (token subject),
 * and every value is stored with the schema version it was written in: a record of another version reads as
 * `undefined` (and is deleted) instead of reaching the app.
 */
export interface ClientStorage {
  /** `false` with `persist: false` (or nowhere to store): reads give `undefined`, writes do nothing. */
  readonly enabled: boolean;
  /** The bounds of the per-thread view snapshots the store keeps. */
  readonly limits: PersistLimits;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** This scope's keys that start with `prefix`. */
  keys(prefix?: string): Promise<string[]>;
}

export interface PersistLimits {
  /** Messages kept in a thread's snapshot; older ones are left out. @default 200 */
  maxMessagesPerThread: number;
  /** A thread snapshot larger than this (as JSON, in UTF-16 code units) is cut to fit. @default 2 MiB */
  maxThreadBytes: number;
  /** Thread snapshots kept; the least recently used are evicted first. @default 50 */
  maxThreads: number;
}

/** The raw key-value store under `ClientStorage`: IndexedDB in browsers, a Map elsewhere. Values are structured-cloneable. */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}
