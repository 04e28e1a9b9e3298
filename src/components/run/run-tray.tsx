import { memo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useRunIds } from '../../react/use-run-ids.js';
import { classNames } from '../shared/class-names.js';
import { RunBar, useRunDisplay, useRunLabels } from './run-bar.js';

export interface RunTrayProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** Shown when the thread has no runs; nothing is rendered when omitted. */
  emptyState?: ReactNode;
  /** `'active'` lists only queued and running runs, so the tray disappears once they are done. @default 'all' */
  show?: 'all' | 'active';
}

/**
 * The thread's background runs in a compact list, active ones first, each with a mini bar. The
 * list re-renders only when a run is added or finishes; each row follows its own run.
 * @example
 * <RunTray />
 */
export function RunTray({ className, emptyState, show = 'all', ...rest }: RunTrayProps) {
  const runIds = useRunIds({ order: show === 'active' ? 'active-only' : 'active-first' });
  const labels = useRunLabels();
  if (runIds.length === 0 && emptyState === undefined) return null;

  return (
    <section aria-label={labels.runTray} className={classNames('platos-run-tray', className)} {...rest}>
      {runIds.length === 0 ? (
        <div className="platos-run-tray-empty">{emptyState}</div>
      ) : (
        <ul className="platos-run-tray-list">
          {runIds.map((runId) => (
            <RunTrayItem key={runId} id={runId} />
          ))}
        </ul>
      )}
    </section>
  );
}

export interface RunTrayItemProps extends Omit<ComponentPropsWithoutRef<'li'>, 'children'> {
  id: string;
}

/** One row of the tray: label, mini bar and percent or status. */
export const RunTrayItem = memo(function RunTrayItem({ id, className, ...rest }: RunTrayItemProps) {
  const { run, labelId, display } = useRunDisplay(id);
  if (!run || !display) return null;

  return (
    <li data-state={run.status} data-progress={display.mode} className={classNames('platos-run-tray-item', className)} {...rest}>
      <span className="platos-run-tray-label" id={labelId}>
        {display.label}
      </span>
      <RunBar run={run} display={display} aria-labelledby={labelId} className="platos-run-tray-bar" />
      <span className="platos-run-tray-value" aria-hidden="true">
        {display.percent === null || run.status !== 'running' ? display.status : `${display.percent}%`}
      </span>
    </li>
  );
});
