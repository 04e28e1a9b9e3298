import { useEffect, useRef } from 'react';
import { recordSession, type SessionRecording } from '../client/record-session.js';
import type { PlatosClient } from '../client/types.js';

/** Records `client`'s session from mount on (none when `client` is null); the recording is read through the ref. */
export function useSessionRecording(client: PlatosClient | null) {
  const recording = useRef<SessionRecording | null>(null);
  useEffect(() => {
    if (!client) return;
    const started = recordSession(client);
    recording.current = started;
    return () => {
      started.stop();
      if (recording.current === started) recording.current = null;
    };
  }, [client]);
  return recording;
}
