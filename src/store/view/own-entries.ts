/**
 * Reads an entry only when the record itself holds it. Records are keyed by ids from the server, and a plain
 * lookup of `constructor` or `toString` would find `Object.prototype`'s members instead of nothing.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Writes an entry as the record's own, even under `__proto__`, where assignment would replace the prototype. */
export function setOwnEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
