import { memo, useId, useMemo, useState, type ComponentPropsWithoutRef } from 'react';
import type { ToolCallStatus, ToolCallView } from '../../protocol/index.js';
import type { ToolInvocation } from '../../client/connections/types.js';
import { useClientToolRender } from '../../react/use-client-tool-render.js';
import { useSameToolOrdinal } from '../../react/use-same-tool-ordinal.js';
import { useToolCall } from '../../react/use-tool-call.js';
import { useToolInvocation } from '../../react/use-tool-invocation.js';
import { useChatCustomization, useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { formatJson, formatJsonText } from '../shared/format-json.js';
import { createPartialJsonReader, formatPartialJson } from '../../text/partial-json.js';
import { ClientToolBody } from './client-tool-body.js';
import { TruncatedCode } from './truncated-code.js';

/** Text of the tool-call card, by label key; override through `<PlatosChat labels>`. */
export const toolCallCardLabels = {
  toolCallRegion: 'Tool call',
  toolCallPreparing: 'Preparing',
  toolCallRunning: 'Running',
  toolCallSucceeded: 'Done',
  toolCallFailed: 'Failed',
  toolCallRunningInBrowser: 'Running in your browser',
  toolCallCancelled: 'Cancelled',
  toolCallArguments: 'Arguments',
  toolCallResult: 'Result',
  toolCallShowMore: 'Show more',
  toolCallShowLess: 'Show less',
} as const;

type ToolCallLabels = Readonly<Record<keyof typeof toolCallCardLabels, string>>;

const statusLabelKeys: Record<ToolCallStatus, keyof typeof toolCallCardLabels> = {
  'streaming-args': 'toolCallPreparing',
  running: 'toolCallRunning',
  succeeded: 'toolCallSucceeded',
  failed: 'toolCallFailed',
};

export interface ToolCallCardProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  id: string;
  /** Whether the body starts open (uncontrolled). @default true */
  defaultOpen?: boolean;
  /** Controls whether the body is open; pair with onOpenChange. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * A tool call: its name, live arguments, status as data-state, and its result or error, in a collapsible card.
 * A renderer in `toolRenderers[tool]` replaces the body.
 * @example
 * <ToolCallCard id={toolCallId} defaultOpen={false} />
 */
export const ToolCallCard = memo(function ToolCallCard({ id, defaultOpen = true, open: openProp, onOpenChange, className, ...rest }: ToolCallCardProps) {
  const toolCall = useToolCall(id);
  const ordinal = useSameToolOrdinal(id, toolCall?.tool);
  const invocation = useToolInvocation(id);
  const clientRender = useClientToolRender(toolCall?.tool ?? '');
  const labels = useLabels(toolCallCardLabels);
  const { toolRenderers } = useChatCustomization();
  const [openState, setOpenState] = useState(defaultOpen);
  const bodyId = useId();
  if (!toolCall) return null;
  const open = openProp ?? openState;
  const { tool, status } = toolCall;
  const Renderer = Object.hasOwn(toolRenderers, tool) ? toolRenderers[tool] : undefined;
  const toggle = () => {
    setOpenState(!open);
    onOpenChange?.(!open);
  };
  return (
    <section
      aria-label={ordinal > 1 ? `${labels.toolCallRegion}: ${tool} (${ordinal})` : `${labels.toolCallRegion}: ${tool}`}
      aria-busy={status === 'streaming-args' || status === 'running' ? 'true' : undefined}
      data-state={status}
      data-open={open ? 'open' : 'closed'}
      data-runs-in={invocation ? 'browser' : undefined}
      className={classNames('platos-tool-call', className)}
      {...rest}
    >
      <header className="platos-tool-call-header">
        <button type="button" className="platos-tool-call-toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <span className="platos-tool-call-chevron" aria-hidden="true" />
          <span className="platos-tool-call-icon" aria-hidden="true" />
          <span className="platos-tool-call-name">{tool}</span>
        </button>
        <span className="platos-tool-call-status" data-state={status}>
          {labels[statusLabelKey(status, invocation)]}
        </span>
      </header>
      <div id={bodyId} className="platos-tool-call-body" hidden={!open}>
        {!open ? null : invocation && clientRender ? (
          <div className="platos-tool-call-client">
            <ClientToolBody render={clientRender} invocation={invocation} fallback={<ToolCallDetails toolCall={toolCall} labels={labels} />} />
          </div>
        ) : Renderer ? (
          <Renderer toolCall={toolCall} />
        ) : (
          <ToolCallDetails toolCall={toolCall} labels={labels} />
        )}
      </div>
    </section>
  );
});

/** A call of this browser's tool says so while it runs; one the server called off says that. */
function statusLabelKey(status: ToolCallStatus, invocation: ToolInvocation | undefined): keyof typeof toolCallCardLabels {
  if (invocation?.state === 'cancelled' && (status === 'running' || status === 'failed')) return 'toolCallCancelled';
  if (invocation?.state === 'running' && status === 'running') return 'toolCallRunningInBrowser';
  return statusLabelKeys[status];
}

function ToolCallDetails({ toolCall, labels }: { toolCall: ToolCallView; labels: ToolCallLabels }) {
  const { argsText, status } = toolCall;
  const streaming = status === 'streaming-args';
  // One reader per card: each streamed chunk is scanned once, not the whole arguments again.
  const [readPartial] = useState(createPartialJsonReader);
  const args = useMemo(
    () => (streaming ? (formatPartialJson(argsText, readPartial) ?? argsText) : formatJsonText(argsText)),
    [argsText, streaming, readPartial],
  );
  // A text result (a page, a file, a command's output) reads better as itself than as a quoted JSON string.
  const result = useMemo(
    () => (status !== 'succeeded' ? undefined : typeof toolCall.result === 'string' ? toolCall.result : formatJson(toolCall.result)),
    [status, toolCall.result],
  );
  return (
    <>
      {argsText === '' ? null : (
        <TruncatedCode
          className="platos-tool-call-args"
          aria-label={labels.toolCallArguments}
          data-partial={streaming ? '' : undefined}
          text={args}
          showMoreLabel={labels.toolCallShowMore}
          showLessLabel={labels.toolCallShowLess}
        />
      )}
      {result === undefined ? null : (
        <TruncatedCode
          className="platos-tool-call-result"
          aria-label={labels.toolCallResult}
          text={result}
          showMoreLabel={labels.toolCallShowMore}
          showLessLabel={labels.toolCallShowLess}
        />
      )}
      {toolCall.error ? (
        <p className="platos-tool-call-error">
          <span className="platos-tool-call-error-code">{toolCall.error.code}</span> {toolCall.error.message}
        </p>
      ) : null}
    </>
  );
}
