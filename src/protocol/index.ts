export * from './event-schemas.js';
export * from './frame-limits.js';
export { parseServerEvent, type ParseEventResult } from './parse-event.js';
export * from './parse-history.js';
export * from './event-id.js';
export * from './view-types.js';
export * from './commands.js';
// Types only: the gateway's schemas load with the gateway's own chunk, not with every chat.
export type {
  ConnectionEvent,
  ConnectionEventOf,
  ConnectionEventType,
  EntitiesResponse,
  EntitySnapshot,
  JsonPatchOperation,
  OpenInvocation,
  ToolError,
} from './connection-events.js';
export * from './connection-commands.js';
export type { Cassette, CassetteCommand, CassetteFrame } from './cassette.js';
