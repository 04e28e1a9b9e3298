import { useId, useState, type ChangeEvent } from 'react';
import { storyAgent } from '../mock-agent/story-agent.js';

/** Plays a cassette file (e.g. one downloaded from the inspector) for every message, and lists its recorded messages. */
export function CassetteFileInput() {
  const inputId = useId();
  const [outcome, setOutcome] = useState<{ messages: string[] } | { error: string } | null>(null);
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      const turns = storyAgent.playCassette(await file.text());
      setOutcome({ messages: turns.map((turn) => turn.userText ?? '(no user message)') });
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    }
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, fontFamily: 'system-ui, sans-serif' }}>
      <label htmlFor={inputId}>Play a cassette file</label>
      <input id={inputId} type="file" accept="application/json,.json" onChange={(event) => void load(event)} />
      {outcome && 'error' in outcome ? <small role="alert">{outcome.error}</small> : null}
      {outcome && 'messages' in outcome ? (
        <small>
          Send its recorded messages: {outcome.messages.map((message) => `“${message}”`).join(', ')}
        </small>
      ) : null}
    </div>
  );
}
