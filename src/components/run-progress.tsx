import { memo, useId, type ComponentProps } from 'react';
import type { RunStatus } from '../protocol';
import { useRun } from '../react/use-run';
import { classNames } from './class-names';
import { formatDuration } from './format-duration';
import './styles/tokens.css';
import './styles/cards.css';
import './styles/run.css';

export interface RunProgressProps extends Omit<ComponentProps<'div'>, 'children'> {
  id: string;
}

const statusLabels: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A background run as a labelled progress bar with its percent and status. */
export const RunProgress = memo(function RunProgress({ id, className, ...rest }: RunProgressProps) {
  const run = useRun(id);
  const labelId = useId();
  if (!run) return null;

  const percent = Math.round(run.progress);
  const label = run.label ?? 'Background run';
  const eta = run.status === 'running' && run.etaMs !== undefined ? `about ${formatDuration(run.etaMs)} left` : null;
  const valueText = [`${percent}%`, statusLabels[run.status], eta].filter(Boolean).join(', ');

  return (
    <div data-state={run.status} className={classNames('platos-run', className)} {...rest}>
      <div className="platos-run-header">
        <span className="platos-run-label" id={labelId}>
          {label}
        </span>
        <span className="platos-run-status" data-state={run.status}>
          {statusLabels[run.status]}
        </span>
        <span className="platos-run-percent">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        data-state={run.status}
        className="platos-run-bar"
      >
        <div className="platos-run-fill" style={{ width: `${percent}%` }} />
      </div>
      {eta ? <span className="platos-run-eta">{eta}</span> : null}
    </div>
  );
});
