import { memo, type ComponentPropsWithoutRef } from 'react';
import { classNames } from '../shared/class-names.js';
import { RunBar, useRunDisplay } from './run-bar.js';

export interface RunProgressProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  id: string;
}

/**
 * A background run as a labelled progress bar with its percent, status and ETA. Selects the run by
 * id, so an update re-renders this bar alone.
 * @example
 * <RunProgress id={runId} />
 */
export const RunProgress = memo(function RunProgress({ id, className, ...rest }: RunProgressProps) {
  const { run, labelId, display } = useRunDisplay(id);
  if (!run || !display) return null;

  return (
    <div data-state={run.status} data-progress={display.mode} className={classNames('platos-run', className)} {...rest}>
      <div className="platos-run-header">
        <span className="platos-run-label" id={labelId}>
          {display.label}
        </span>
        <span className="platos-run-status" data-state={run.status}>
          {display.status}
        </span>
        {display.percent === null ? null : <span className="platos-run-percent">{display.percent}%</span>}
      </div>
      <RunBar run={run} display={display} aria-labelledby={labelId} />
      {display.eta ? <span className="platos-run-eta">{display.eta}</span> : null}
    </div>
  );
});
