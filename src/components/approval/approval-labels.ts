/** Text of the approval card, by label key; override through `<PlatosChat labels>`. `{name}` marks a value. */
export const approvalPromptLabels = {
  approvalRegion: 'Approval',
  approvalTitle: 'Allow {tool} to run?',
  approvalArguments: 'Arguments',
  approvalApprove: 'Approve',
  approvalDeny: 'Deny',
  approvalDenyWithNote: 'No, and say why…',
  approvalNoteLabel: 'Tell the agent why (optional)',
  approvalSendDenial: 'Send denial',
  approvalCancelNote: 'Cancel',
  approvalHiddenOne: 'Contains 1 hidden character, shown as an escape like \\u202E. Check it before approving.',
  approvalHiddenMany: 'Contains {count} hidden characters, shown as escapes like \\u202E. Check them before approving.',
  approvalApproved: 'Approved',
  approvalDenied: 'Denied',
  approvalExpired: 'Expired without a decision',
  approvalCancelled: 'Cancelled',
  approvalResolvedBy: '{state} by {name}',
  approvalResolvedElsewhere: 'Resolved elsewhere: {state}',
  approvalDecisionApproval: 'approval',
  approvalDecisionDenial: 'denial',
  approvalQueued: 'Your {decision} will be sent when the connection is back',
  approvalSending: 'Sending your {decision}…',
  approvalSent: 'Your {decision} was sent',
  approvalSendFailed: 'Could not send your {decision}: {message}',
} as const;

/** Text of the approval countdown, by label key. */
export const approvalCountdownLabels = {
  approvalExpiresIn: 'Expires in {time}',
  approvalExpiresAt: 'Expires at {time}',
  approvalTimeUp: 'Time is up',
} as const;

export type ApprovalLabels = Readonly<Record<keyof typeof approvalPromptLabels, string>>;

/** Puts values into a label's `{name}` slots. */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
