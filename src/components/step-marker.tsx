import { memo, type ComponentProps } from 'react';
import { useStep } from '../react/use-step';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/step.css';

export interface StepMarkerProps extends Omit<ComponentProps<'div'>, 'children'> {
  id: string;
}

/** Marks where an agent step starts, and how it finished. */
export const StepMarker = memo(function StepMarker({ id, className, ...rest }: StepMarkerProps) {
  const step = useStep(id);
  if (!step) return null;
  const title = `Step ${step.index + 1}${step.name ? `: ${step.name}` : ''}`;
  const tokens = step.usage ? step.usage.inputTokens + step.usage.outputTokens : null;
  const detail =
    step.status === 'running'
      ? 'in progress'
      : [step.finishReason ?? 'finished', tokens === null ? null : `${tokens} tokens`].filter(Boolean).join(' · ');
  return (
    <div data-state={step.status} className={classNames('platos-step', className)} {...rest}>
      <span className="platos-step-dot" aria-hidden="true" />
      <span className="platos-step-title">{title}</span>
      <span className="platos-step-detail">{detail}</span>
    </div>
  );
});
