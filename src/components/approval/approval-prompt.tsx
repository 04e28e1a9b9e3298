import { memo, useEffect, useId, useMemo, useRef, useState, type ComponentPropsWithoutRef, type FormEvent, type KeyboardEvent } from 'react';
import { useApproval } from '../../react/use-approval.js';
import { useThreadActions } from '../../react/use-thread-actions.js';
import { ApprovalCountdown } from './approval-countdown.js';
import { approvalPromptLabels, fillLabel, type ApprovalLabels } from './approval-labels.js';
import { ApprovalStatus } from './approval-status.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { formatJson } from '../shared/format-json.js';
import { useHasPassed } from './use-countdown.js';
import { countHidden, revealHiddenCharacters } from '../../text/visible-characters.js';
import { VisibleText } from '../message/visible-text.js';

export { approvalPromptLabels } from './approval-labels.js';

export interface ApprovalPromptProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  id: string;
}

/**
 * Asks the user to approve or deny a tool call, showing exactly what will run: the tool and its full arguments as
 * text, hidden characters made visible. The decision (a denial may carry a note) is sent once; focus then moves to
 * the status.
 * @example
 * <ApprovalPrompt id={approvalId} />
 */
export const ApprovalPrompt = memo(function ApprovalPrompt({ id, className, ...rest }: ApprovalPromptProps) {
  const { approval, response } = useApproval(id);
  const { respondToApproval } = useThreadActions();
  const labels = useLabels(approvalPromptLabels);
  const timeIsUp = useHasPassed(approval?.expiresAt);
  const [noteOpen, setNoteOpen] = useState(false);
  // An outcome this card saw arrive while it was still pending, without this client's decision, was made elsewhere;
  // one that was already there (a reload) may have been this user's own, so it is shown without that claim.
  const [sawPending, setSawPending] = useState(false);
  if (approval?.state === 'pending' && !sawPending) setSawPending(true);
  // Two clicks can land before React re-renders the disabled buttons; this blocks the second one.
  const decidedRef = useRef(false);
  const focusStatusRef = useRef(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const focusNoteToggleRef = useRef(false);
  const noteToggleRef = useRef<HTMLButtonElement>(null);
  const warningId = useId();

  useEffect(() => {
    if (focusStatusRef.current && statusRef.current) {
      focusStatusRef.current = false;
      statusRef.current.focus();
    } else if (focusNoteToggleRef.current && noteToggleRef.current) {
      focusNoteToggleRef.current = false;
      noteToggleRef.current.focus();
    }
  });

  const shown = useMemo(() => {
    if (!approval) return undefined;
    const tool = revealHiddenCharacters(approval.tool);
    const reason = approval.reason ? revealHiddenCharacters(approval.reason) : undefined;
    const args = revealHiddenCharacters(formatJson(approval.args));
    // Screen readers skip hidden characters too, so the region's name spells them out as the card shows them.
    const toolName = tool.map((segment) => (segment.kind === 'text' ? segment.text : segment.escape)).join('');
    return { tool, toolName, reason, args, hiddenCount: countHidden(tool) + countHidden(args) + (reason ? countHidden(reason) : 0) };
  }, [approval]);

  if (!approval || !shown) return null;

  const isPending = approval.state === 'pending';
  const isLocked = response?.state === 'sending' || response?.state === 'sent' || timeIsUp;
  const decide = (decision: 'approved' | 'denied', note?: string) => {
    if (decidedRef.current || isLocked) return;
    decidedRef.current = true;
    focusStatusRef.current = true;
    setNoteOpen(false);
    void respondToApproval(approval.id, decision, note?.trim() || undefined).finally(() => {
      decidedRef.current = false;
    });
  };
  const [titleBefore, titleAfter] = splitAround(labels.approvalTitle, '{tool}');

  return (
    <section
      aria-label={`${labels.approvalRegion}: ${shown.toolName}`}
      data-state={approval.state}
      className={classNames('platos-approval', className)}
      {...rest}
    >
      <p className="platos-approval-title">
        {titleBefore}
        <strong className="platos-approval-tool">
          <VisibleText text={shown.tool} />
        </strong>
        {titleAfter}
      </p>
      {shown.reason ? (
        <p className="platos-approval-reason">
          <VisibleText text={shown.reason} />
        </p>
      ) : null}
      {shown.hiddenCount > 0 ? (
        <p id={warningId} className="platos-approval-warning" data-count={shown.hiddenCount}>
          {shown.hiddenCount === 1 ? labels.approvalHiddenOne : fillLabel(labels.approvalHiddenMany, { count: shown.hiddenCount })}
        </p>
      ) : null}
      <pre className="platos-approval-args" aria-label={labels.approvalArguments} tabIndex={0} dir="ltr">
        <code>
          <VisibleText text={shown.args} />
        </code>
      </pre>
      {isPending && noteOpen ? (
        <DenyNoteForm labels={labels} disabled={isLocked} onSubmit={(note) => decide('denied', note)} onCancel={() => {
            focusNoteToggleRef.current = true;
            setNoteOpen(false);
          }}
        />
      ) : null}
      {isPending && !noteOpen ? (
        <div className="platos-approval-actions">
          <button
            type="button"
            className="platos-button"
            data-variant="primary"
            disabled={isLocked}
            aria-describedby={shown.hiddenCount > 0 ? warningId : undefined}
            onClick={() => decide('approved')}
          >
            {labels.approvalApprove}
          </button>
          <button type="button" className="platos-button" data-variant="secondary" disabled={isLocked} onClick={() => decide('denied')}>
            {labels.approvalDeny}
          </button>
          <button
            ref={noteToggleRef}
            type="button"
            className="platos-link-button platos-approval-note-toggle"
            disabled={isLocked} onClick={() => setNoteOpen(true)}>
            {labels.approvalDenyWithNote}
          </button>
          {approval.expiresAt !== undefined ? <ApprovalCountdown expiresAt={approval.expiresAt} /> : null}
        </div>
      ) : null}
      <ApprovalStatus statusRef={statusRef} approval={approval} response={response} sawPending={sawPending} labels={labels} />
    </section>
  );
});

interface DenyNoteFormProps {
  labels: ApprovalLabels;
  disabled: boolean;
  onSubmit: (note: string) => void;
  onCancel: () => void;
}

function DenyNoteForm({ labels, disabled, onSubmit, onCancel }: DenyNoteFormProps) {
  const [note, setNote] = useState('');
  const fieldId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(note);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };
  return (
    <form className="platos-approval-note" onSubmit={submit} onKeyDown={onKeyDown}>
      <label className="platos-approval-note-label" htmlFor={fieldId}>
        {labels.approvalNoteLabel}
      </label>
      <textarea
        id={fieldId}
        className="platos-approval-note-input"
        rows={2}
        value={note}
        autoFocus
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="platos-approval-actions">
        <button type="submit" className="platos-button" data-variant="primary" disabled={disabled}>
          {labels.approvalSendDenial}
        </button>
        <button type="button" className="platos-button" data-variant="secondary" onClick={onCancel}>
          {labels.approvalCancelNote}
        </button>
      </div>
    </form>
  );
}

function splitAround(template: string, slot: string): [string, string] {
  const at = template.indexOf(slot);
  return at === -1 ? [`${template} `, ''] : [template.slice(0, at), template.slice(at + slot.length)];
}
