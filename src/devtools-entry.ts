// The inspector only runs beside the kit's own entries. Importing them here puts it on top of their chunks as they
// are; without it the bundler splits their shared code into smaller chunks, which makes each entry larger.
import './index.js';
import './react-entry.js';

export { PlatosDevtools, type PlatosDevtoolsProps } from './devtools/platos-devtools.js';
export type { DevtoolsPosition } from './devtools/devtools-panel.js';
export { recordSession, type RecordSessionOptions, type SessionRecording } from './client/record-session.js';
export type { Cassette, CassetteCommand, CassetteFrame } from './protocol/cassette.js';
