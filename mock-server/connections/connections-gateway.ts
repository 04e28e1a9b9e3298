import type { Socket } from 'socket.io';
import type { EntitiesResponse } from '../../src/protocol/index.js';
import type { GatewayAgent, GatewayLink } from '../../src/testing/agent/gateway/gateway-agent.js';
import type { GatewayConnection } from '../../src/testing/agent/gateway/gateway-session-store.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import { handshakeToken } from '../handshake-token.js';
import { startSocketSession } from '../socket-session.js';
import { startEntityTicker } from './entity-ticker.js';
import { handshakeSessionId } from './gateway-session-id.js';

/** The gateway as tests drive it (`server.connections`); see `createGatewayAgent` for each member. */
export type ConnectionsApi = Pick<GatewayAgent, 'updateEntity' | 'invoke' | 'sessions' | 'stats'>;

export interface ConnectionsGatewayDeps {
  /** The gateway's sessions, commands, entities and tool calls; this file only carries them over Socket.IO. */
  agent: GatewayAgent;
  tokens: ReadonlySet<string>;
  faults: FaultInjector;
  authDelayMs: number;
  /** 0: no demo entity updates. */
  entityTickMs: number;
  now(): number;
}

/** The `/connections` namespace: each socket's session through its fault pipeline, and the demo entity ticker. */
export function createConnectionsGateway(deps: ConnectionsGatewayDeps) {
  const { agent } = deps;

  const onConnection = (socket: Socket) => {
    const token = handshakeToken(socket.handshake) ?? '';
    const sessionId = handshakeSessionId(socket.handshake);
    const pipeline = deps.faults.attachGateway(socket);
    const connection: GatewayConnection = { deliver: pipeline.deliver, disconnect: () => void socket.disconnect() };
    let link: GatewayLink | undefined;
    socket.once('disconnect', () => {
      deps.faults.detach(pipeline);
      link?.release();
    });
    startSocketSession(socket, {
      authDelayMs: deps.faults.sessionDelayMs(deps.authDelayMs),
      isSilent: pipeline.isSilent,
      isTokenAccepted: () => deps.tokens.has(token),
      openSession: () => {
        link = agent.connect(token, sessionId, connection);
        return link.run;
      },
    });
  };

  const stopTicker =
    deps.entityTickMs > 0
      ? startEntityTicker({
          intervalMs: deps.entityTickMs,
          connectedTokens: () => [...new Set(agent.sessions().flatMap((session) => (session.connected ? [session.token] : [])))],
          current: (token, entityType, entityId) =>
            agent.entities(token, null).entities.find((entity) => entity.entityType === entityType && entity.entityId === entityId),
          update: agent.updateEntity,
          now: deps.now,
        })
      : () => {};

  const api: ConnectionsApi = { updateEntity: agent.updateEntity, invoke: agent.invoke, sessions: agent.sessions, stats: agent.stats };

  return {
    onConnection,
    api,
    /** What `GET /api/connections/entities` answers. */
    entitiesFor: (token: string, sessionId: string | null): EntitiesResponse => agent.entities(token, sessionId),
    dispose() {
      stopTicker();
      agent.dispose();
    },
  };
}
