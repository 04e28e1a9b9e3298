import { memo, type ComponentPropsWithoutRef } from 'react';
import { useStep } from '../../react/use-step.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';

export interface StepMarkerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  id: string;
}

export const stepMarkerLabels = { step: 'Step {number}', stepRunning: 'in progress', stepFinished: 'finished', stepTokens: '{count} tokens' } as const;

/** Marks where an agent step starts, and how it finished. */
export const StepMarker = memo(function StepMarker({ id, className, ...rest }: StepMarkerProps) {
  const step = useStep(id);
  const labels = useLabels(stepMarkerLabels);
  if (!step) return null;
  const title = `${labels.step.replace('{number}', String(step.index + 1))}${step.name ? `: ${step.name}` : ''}`;
  const tokens = step.usage ? step.usage.inputTokens + step.usage.outputTokens : null;
  const detail =
    step.status === 'running'
      ? labels.stepRunning
      : [step.finishReason ?? labels.stepFinished, tokens === null ? null : labels.stepTokens.replace('{count}', String(tokens))].filter(Boolean).join(' · ');
  return (
    <div data-state={step.status} data-index={step.index} className={classNames('platos-step', className)} {...rest}>
      <span className="platos-step-dot" aria-hidden="true" />
      <span className="platos-step-title">{title}</span>
      <span className="platos-step-detail">{detail}</span>
    </div>
  );
});
