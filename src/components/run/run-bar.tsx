import { useId, type ComponentPropsWithoutRef } from 'react';
import type { RunStatus, RunView } from '../../protocol/index.js';
import { classNames } from '../shared/class-names.js';
import { formatDuration } from '../shared/format-duration.js';
import { formatLabel } from '../shared/format-label.js';
import { useLabels } from '../chat/chat-customization.js';
import { useRun } from '../../react/use-run.js';

/** Labels of RunProgress and RunTray, overridable through `<PlatosChat labels>`. */
export const runLabels = {
  runFallbackLabel: 'Background run',
  runQueued: 'Queued',
  runRunning: 'Running',
  runSucceeded: 'Completed',
  runFailed: 'Failed',
  runCancelled: 'Cancelled',
  runEta: 'about {eta} left',
  runTray: 'Background runs',
} as const;

export type RunLabels = Readonly<Record<keyof typeof runLabels, string>>;

const statusKeys: Record<RunStatus, keyof typeof runLabels> = {
  queued: 'runQueued',
  running: 'runRunning',
  succeeded: 'runSucceeded',
  failed: 'runFailed',
  cancelled: 'runCancelled',
};

/** `determinate` shows a percent; `indeterminate` when the run is queued or its progress is unknown. */
export type RunProgressMode = 'determinate' | 'indeterminate';

export interface RunDisplay {
  label: string;
  status: string;
  mode: RunProgressMode;
  /** Rounded 0 to 100; null when indeterminate. */
  percent: number | null;
  eta: string | null;
  valueText: string;
}

/** What a run shows: its label, status text, mode, percent, ETA and the progressbar's value text. */
export function describeRun(run: RunView, labels: RunLabels): RunDisplay {
  const known = Number.isFinite(run.progress);
  const mode: RunProgressMode = run.status === 'queued' || !known ? 'indeterminate' : 'determinate';
  const percent = mode === 'determinate' ? Math.round(Math.min(100, Math.max(0, run.progress))) : null;
  const status = labels[statusKeys[run.status]];
  const eta = run.status === 'running' && run.etaMs !== undefined ? formatLabel(labels.runEta, { eta: formatDuration(run.etaMs) }) : null;
  const valueText = [percent === null ? null : `${percent}%`, status, eta].filter(Boolean).join(', ');
  return { label: run.label ?? labels.runFallbackLabel, status, mode, percent, eta, valueText };
}

export function useRunLabels(): RunLabels {
  return useLabels(runLabels);
}

/** A run selected by id with what to show for it, and an id for the element that names its bar. */
export function useRunDisplay(id: string) {
  const run = useRun(id);
  const labels = useRunLabels();
  const labelId = useId();
  return { run, labels, labelId, display: run ? describeRun(run, labels) : null };
}

export interface RunBarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  run: RunView;
  display: RunDisplay;
}

/**
 * The progressbar part: `aria-valuenow` only when determinate. The fill moves by transform, so a
 * new percent animates on the compositor without layout.
 */
export function RunBar({ run, display, className, ...rest }: RunBarProps) {
  const offset = display.percent === null ? 0 : display.percent - 100;
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={display.percent ?? undefined}
      aria-valuetext={display.valueText}
      data-state={run.status}
      data-progress={display.mode}
      className={classNames('platos-run-bar', className)}
      {...rest}
    >
      <div className="platos-run-fill" style={display.mode === 'determinate' ? { transform: `translateX(${offset}%)` } : undefined} />
    </div>
  );
}
