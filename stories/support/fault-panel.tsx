import { storyAgent } from '../mock-agent/story-agent.js';

/** How long "Drop connection" keeps the mock agent unreachable. */
export const DROP_MS = 1_500;
/** How long "Delay frames" holds back every frame before sending them all at once. */
export const FRAME_DELAY_MS = 2_000;
/** The outage of "Expire replay": short, since what matters is that the missed events can no longer be replayed. */
export const EXPIRE_DROP_MS = 500;

const faults = [
  {
    label: 'Drop connection',
    detail: `Cuts the socket; the agent is unreachable for ${DROP_MS / 1_000} s, then the client resumes.`,
    inject: () => storyAgent.cut(DROP_MS),
  },
  {
    label: 'Delay frames',
    detail: `Holds back every frame for ${FRAME_DELAY_MS / 1_000} s, then sends them all at once.`,
    inject: () => storyAgent.delayFrames(FRAME_DELAY_MS),
  },
  {
    label: 'Expire replay',
    detail: 'Drops the connection, and the agent can no longer replay what was missed: the client rebuilds the thread from history.',
    inject: () => storyAgent.cut(EXPIRE_DROP_MS, { expireReplay: true }),
  },
] as const;

/** Buttons that make the in-browser mock agent misbehave while a turn plays. */
export function FaultPanel() {
  return (
    <div role="group" aria-label="Faults" style={{ display: 'flex', flexDirection: 'column', gap: 12, width: 220 }}>
      {faults.map((fault) => (
        <div key={fault.label} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <button type="button" className="platos-button" data-variant="secondary" onClick={fault.inject}>
            {fault.label}
          </button>
          <small style={{ fontFamily: 'system-ui, sans-serif', lineHeight: 1.4 }}>{fault.detail}</small>
        </div>
      ))}
    </div>
  );
}
