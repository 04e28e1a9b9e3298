/** Drops keys whose value is `undefined`, so a view looks the same before and after a JSON round trip. */
export function withoutUndefined<T extends object>(value: T): T {
  const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
  return Object.fromEntries(entries) as T;
}
