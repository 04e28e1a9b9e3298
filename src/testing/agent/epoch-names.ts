/** Names epochs: a new one per thread or gateway session, unlikely to repeat across server processes. */
export function createEpochNamer(): () => string {
  let epochCounter = 0;
  return () => `${Date.now().toString(36)}${(epochCounter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
