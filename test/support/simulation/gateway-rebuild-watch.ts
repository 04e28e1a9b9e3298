import type { ConnectionsStats } from '../../../src/client/connections/types.js';
import type { EntitySnapshot } from '../../../src/protocol/index.js';
import type { GatewaySimServer } from './gateway-sim-server.js';

/**
 * Watches from outside the client for an entity rebuild it asked for and then gave up. A patch it could not apply
 * (counted in its stats) asks for a rebuild; the rebuild is owed until the client holds every entity at least at
 * the version the server had then. A subscribe that resumed from a position while one was owed means the client
 * went back to live frames without it.
 */
export function createRebuildWatch(deps: {
  server: GatewaySimServer;
  stats(): ConnectionsStats;
  clientVersion(entityType: string, entityId: string): number | undefined;
}) {
  let patchFailures = 0;
  let subscribesSeen = 0;
  let owed: EntitySnapshot[] | null = null;
  let abandoned = 0;
  return {
    /** Call after every network step: a subscribe the server saw in that step was sent before anything the step did. */
    check() {
      for (const subscribe of deps.server.subscribes.slice(subscribesSeen)) if (owed && subscribe.resumed) abandoned += 1;
      subscribesSeen = deps.server.subscribes.length;
      const failures = deps.stats().entityPatchFailures;
      if (failures > patchFailures) owed = deps.server.entities();
      patchFailures = failures;
      if (owed?.every((entity) => (deps.clientVersion(entity.entityType, entity.entityId) ?? 0) >= entity.version)) owed = null;
    },
    /** Resumed subscribes while a rebuild was owed. */
    get abandoned() {
      return abandoned;
    },
  };
}
