import type { Fault, PlannedFault } from './faults.js';
import type { LiveFault } from './sim-server.js';
import type { EventBody } from './sim-thread.js';

/** One thing the simulated world does, in script order. */
export type SimulationStep =
  | { kind: 'event'; body: EventBody; fault: LiveFault | null }
  | { kind: 'fault'; fault: Fault; threadId: string | null }
  | { kind: 'send'; threadId: string; text: string };

/** How the world's asynchronous steps are paced; all cycled, so a short array shrinks well. */
export interface SimulationTiming {
  /** How many queued packets one client-bound network step carries. */
  burstSizes: number[];
  /** How many scheduled steps run between two 200 ms ticks of the fake clock. */
  stepsPerTick: number[];
  /** Seeds the client's `random` (reconnect jitter), so a run replays exactly. */
  clientSeed: number;
}

export interface SimulationPlan {
  threadIds: string[];
  steps: SimulationStep[];
  timing: SimulationTiming;
  /** Answer every approval the store shows as pending, at a moment the scheduler picks. */
  answerApprovals?: boolean;
}

const liveFaultKinds = new Set<Fault['kind']>(['duplicate', 'skip', 'swap']);

/**
 * Merges a script and its faults into steps. A fault's `at` is taken modulo `script.length + 1`, so it lands
 * before some event or after the last. A skip of a thread's last event is dropped: nothing after it could
 * reveal the hole, and no client could know of it.
 */
export function stepsWithFaults(script: readonly EventBody[], faults: readonly PlannedFault[]): SimulationStep[] {
  const lastIndexByThread = new Map(script.map((body, index) => [body.threadId, index]));
  const steps: SimulationStep[] = [];
  for (let index = 0; index <= script.length; index += 1) {
    const here = faults.filter((planned) => planned.at % (script.length + 1) === index);
    const body = script[index];
    const threadId = body?.threadId ?? script.at(-1)?.threadId ?? null;
    for (const { fault } of here) {
      if (!liveFaultKinds.has(fault.kind)) steps.push({ kind: 'fault', fault, threadId });
    }
    if (!body) continue;
    const liveFault = here.map(({ fault }) => fault.kind).find((kind): kind is LiveFault => liveFaultKinds.has(kind));
    const allowed = liveFault === 'skip' && lastIndexByThread.get(body.threadId) === index ? null : (liveFault ?? null);
    steps.push({ kind: 'event', body, fault: allowed });
  }
  return steps;
}
