import { memo, type ComponentProps } from 'react';
import type { ToolCallStatus } from '../protocol';
import { useToolCall } from '../react/use-tool-call';
import { classNames } from './class-names';
import { formatJson, formatJsonText } from './format-json';
import './styles/tokens.css';
import './styles/cards.css';
import './styles/tool-call.css';

export interface ToolCallCardProps extends Omit<ComponentProps<'section'>, 'children'> {
  id: string;
}

const statusLabels: Record<ToolCallStatus, string> = {
  'streaming-args': 'Preparing',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
};

/** A tool call: its name, streamed arguments, status as data-state, and its result or error. */
export const ToolCallCard = memo(function ToolCallCard({ id, className, ...rest }: ToolCallCardProps) {
  const toolCall = useToolCall(id);
  if (!toolCall) return null;
  const { tool, status, argsText } = toolCall;
  return (
    <section
      aria-label={`Tool call: ${tool}`}
      aria-busy={status === 'streaming-args' || status === 'running' ? 'true' : undefined}
      data-state={status}
      className={classNames('platos-tool-call', className)}
      {...rest}
    >
      <header className="platos-tool-call-header">
        <span className="platos-tool-call-icon" aria-hidden="true" />
        <span className="platos-tool-call-name">{tool}</span>
        <span className="platos-tool-call-status" data-state={status}>
          {statusLabels[status]}
        </span>
      </header>
      {argsText === '' ? null : (
        <pre className="platos-tool-call-args" aria-label="Arguments">
          <code>{status === 'streaming-args' ? argsText : formatJsonText(argsText)}</code>
        </pre>
      )}
      {status === 'succeeded' ? (
        <pre className="platos-tool-call-result" aria-label="Result">
          <code>{formatJson(toolCall.result)}</code>
        </pre>
      ) : null}
      {toolCall.error ? (
        <p className="platos-tool-call-error">
          <span className="platos-tool-call-error-code">{toolCall.error.code}</span> {toolCall.error.message}
        </p>
      ) : null}
    </section>
  );
});
