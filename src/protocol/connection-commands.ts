import type { Ack } from './commands.js';
import type { ToolError } from './connection-events.js';

/** The namespace of the connections gateway; it shares the chat stream's `path`. */
export const CONNECTIONS_NAMESPACE = '/connections';

/** The entity list the gateway rebuilds from when a resume is out of the replay window. */
export const ENTITIES_PATH = '/api/connections/entities';

/** What the wire carries of a browser-side tool: its `parameters` are a JSON Schema. */
export interface ToolDescriptor {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** Client-to-server commands of the gateway, each answered with an acknowledgement like the chat commands. */
export interface ConnectionCommands {
  /** Resumes the gateway session after `lastEventId` within the replay window; `resumed: false` means rebuild. */
  'connections:subscribe': {
    request: { lastEventId?: string };
    reply: { resumed: boolean; lastEventId: string | null };
  };
  /** The client's whole tool set; the server keeps the highest `revision` it has seen and ignores older ones. */
  'tools:sync': { request: { revision: number; tools: ToolDescriptor[] }; reply: { revision: number } };
  /** Idempotent per `invocationId`: a second answer to the same invocation is acknowledged and ignored. */
  'tool:result': { request: { invocationId: string; result: unknown }; reply: object };
  'tool:error': { request: { invocationId: string; error: ToolError }; reply: object };
  'connection:ping': { request: object; reply: { ts: number } };
}

export type ConnectionCommandName = keyof ConnectionCommands;
export type ConnectionCommandRequest<C extends ConnectionCommandName> = ConnectionCommands[C]['request'];
export type ConnectionCommandAck<C extends ConnectionCommandName> = Ack<ConnectionCommands[C]['reply']>;
