import type { ComponentPropsWithoutRef } from 'react';
import { approvalCountdownLabels, fillLabel } from './approval-labels.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { useCountdown } from './use-countdown.js';

export interface ApprovalCountdownProps extends Omit<ComponentPropsWithoutRef<'time'>, 'children' | 'dateTime'> {
  expiresAt: number;
}

function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

function formatMoment(at: number): string {
  const date = new Date(at);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }) : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Time left to decide: the moment while over an hour away, then a m:ss countdown that re-renders only itself,
 * once a second. Not a live region: screen readers read it when they reach it instead of every second.
 */
export function ApprovalCountdown({ expiresAt, className, ...rest }: ApprovalCountdownProps) {
  const seconds = useCountdown(expiresAt);
  const labels = useLabels(approvalCountdownLabels);
  const state = seconds === null ? 'scheduled' : seconds === 0 ? 'expired' : 'counting';
  const text =
    seconds === null
      ? fillLabel(labels.approvalExpiresAt, { time: formatMoment(expiresAt) })
      : seconds === 0
        ? labels.approvalTimeUp
        : fillLabel(labels.approvalExpiresIn, { time: formatSeconds(seconds) });
  return (
    <time dateTime={new Date(expiresAt).toISOString()} data-state={state} className={classNames('platos-approval-expiry', className)} {...rest}>
      {text}
    </time>
  );
}
