import type { EventOf, StepView } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { pushPart, resolveAssistantMessage } from './assistant-message.js';
import { withoutUndefined } from './without-undefined.js';
import { ownEntry } from './own-entries.js';

export function applyStepStart(view: ThreadView, event: EventOf<'step-start'>): ThreadView {
  if (ownEntry(view.steps, event.stepId)) return view;
  const target = resolveAssistantMessage(view, event);
  const step: StepView = withoutUndefined({
    id: event.stepId,
    turnId: event.turnId,
    index: event.index,
    name: event.name,
    status: 'running' as const,
  });
  const next = pushPart(target.view, target.message, { type: 'step', stepId: step.id });
  return { ...next, steps: { ...next.steps, [step.id]: step } };
}

export function applyStepFinish(view: ThreadView, event: EventOf<'step-finish'>): ThreadView {
  const step = ownEntry(view.steps, event.stepId);
  if (!step) return view;
  const finished: StepView = withoutUndefined({
    ...step,
    status: 'finished' as const,
    finishReason: event.finishReason ?? step.finishReason,
    usage: event.usage ?? step.usage,
  });
  return { ...view, steps: { ...view.steps, [step.id]: finished } };
}
