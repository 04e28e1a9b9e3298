export { PlatosDevtools, type PlatosDevtoolsProps } from './devtools/platos-devtools.js';
export type { DevtoolsPosition } from './devtools/devtools-panel.js';
export { recordSession, type RecordSessionOptions, type SessionRecording } from './client/record-session.js';
export type { Cassette, CassetteCommand, CassetteFrame } from './protocol/cassette.js';
