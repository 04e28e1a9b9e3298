import fc from 'fast-check';
import { NEEDS_APPROVAL } from './agent-turns.js';
import type { PlannedFault } from './faults.js';
import type { SimulationStep } from './simulation-plan.js';

/** One message the user sends; some ask for an approval the user then gives. */
export interface PlannedSend {
  thread: number;
  needsApproval: boolean;
}

export const plannedSendsArbitrary: fc.Arbitrary<PlannedSend[]> = fc.array(
  fc.record({ thread: fc.nat({ max: 1 }), needsApproval: fc.boolean() }),
  { minLength: 1, maxLength: 5 },
);

/** The sends in order, with each fault placed before the send its `at` picks (modulo), or after the last. */
export function stepsWithSends(threadIds: readonly string[], sends: readonly PlannedSend[], faults: readonly PlannedFault[]): SimulationStep[] {
  const steps: SimulationStep[] = [];
  for (let index = 0; index <= sends.length; index += 1) {
    for (const { fault } of faults.filter((planned) => planned.at % (sends.length + 1) === index)) {
      steps.push({ kind: 'fault', fault, threadId: null });
    }
    const send = sends[index];
    if (!send) continue;
    const threadId = threadIds[send.thread % threadIds.length]!;
    steps.push({ kind: 'send', threadId, text: `${send.needsApproval ? NEEDS_APPROVAL : ''}message ${index + 1}` });
  }
  return steps;
}
