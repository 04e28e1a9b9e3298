import { Component, type ReactNode } from 'react';
import type { ToolInvocation } from '../../client/connections/types.js';
import type { ClientToolRender } from '../../react/client-tool-renders.js';

export interface ClientToolBodyProps {
  render: ClientToolRender;
  invocation: ToolInvocation;
  /** Shown instead when the tool's own view throws. */
  fallback: ReactNode;
}

/**
 * A browser-side tool's own view of its call. Rendered as a component of its own, so hooks in `render` belong to it,
 * and behind a boundary, so a view that throws shows the card's usual body instead of taking the chat down.
 */
export function ClientToolBody({ render, invocation, fallback }: ClientToolBodyProps) {
  return (
    <ClientToolBoundary fallback={fallback}>
      <ClientToolView render={render} invocation={invocation} />
    </ClientToolBoundary>
  );
}

function ClientToolView({ render, invocation }: Omit<ClientToolBodyProps, 'fallback'>) {
  const { parsedArgs, state, result, error } = invocation;
  return <>{render({ invocation, args: parsedArgs, state, ...(result === undefined ? {} : { result }), ...(error ? { error } : {}) })}</>;
}

class ClientToolBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
