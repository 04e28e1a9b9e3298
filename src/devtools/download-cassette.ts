import type { SessionRecording } from '../client/record-session.js';
import type { PlatosState } from '../store/types.js';
import { cassetteFromStore } from './cassette-from-store.js';
import { downloadJson } from './download-json.js';

export interface CassetteSource {
  agentId: string;
  recording: SessionRecording | null;
  /** For when nothing was recorded. */
  state: Pick<PlatosState, 'threads'> | null;
}

/** Downloads the session as a cassette: the recording when there is one, else one made from the store's logs. */
export function downloadCassette({ agentId, recording, state }: CassetteSource, now = new Date()): void {
  const cassette = recording ? recording.cassette() : cassetteFromStore(state ?? { threads: {} }, agentId);
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  downloadJson(`platos-cassette-${agentId}-${stamp}.json`, cassette);
}
