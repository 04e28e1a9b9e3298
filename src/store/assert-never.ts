/** Marks the default branch of an exhaustive switch; the compiler rejects it when a case is missing. */
export function assertNever(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
