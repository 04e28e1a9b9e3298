import type { EntitySnapshot, JsonPatchOperation } from '../../src/protocol/index.js';
import type { EntityChange } from '../../src/testing/agent/gateway/entity-store.js';

export interface EntityTickerDeps {
  intervalMs: number;
  /** Tokens that have a gateway session with a socket right now. */
  connectedTokens(): string[];
  current(token: string, entityType: string, entityId: string): EntitySnapshot | undefined;
  update(token: string, entityType: string, entityId: string, change: EntityChange): void;
  now(): number;
}

const entityType = 'workspace';
const entityId = 'demo';

interface DemoWorkspace {
  name: string;
  openTasks: number;
  activeUsers: number;
  updatedAt: number;
}

/**
 * Keeps a demo entity alive so the demo shows entity updates: every `intervalMs`, each connected token's
 * `workspace/demo` gets a new version, a snapshot at first and `replace` patches after. Returns the stop function.
 */
export function startEntityTicker(deps: EntityTickerDeps): () => void {
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    for (const token of deps.connectedTokens()) {
      const current = deps.current(token, entityType, entityId);
      const next: DemoWorkspace = { name: 'Lisbon trip', openTasks: 2 + (tick % 5), activeUsers: 1 + ((tick * 7) % 4), updatedAt: deps.now() };
      deps.update(token, entityType, entityId, isDemoWorkspace(current?.snapshot) ? { patch: replaceOperations(next) } : { snapshot: next });
    }
  }, deps.intervalMs);
  return () => clearInterval(timer);
}

const changingFields = ['openTasks', 'activeUsers', 'updatedAt'] as const;

function replaceOperations(next: DemoWorkspace): JsonPatchOperation[] {
  return changingFields.map((field) => ({ op: 'replace', path: `/${field}`, value: next[field] }));
}

/** A test may have set the entity to something else; a patch of the demo's fields would not apply then. */
function isDemoWorkspace(value: unknown): value is DemoWorkspace {
  if (typeof value !== 'object' || value === null) return false;
  return changingFields.every((field) => Object.hasOwn(value, field));
}
