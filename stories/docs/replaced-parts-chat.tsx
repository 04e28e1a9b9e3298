import { PlatosChat, type Chat, type PlatosLabels } from '@platosdev/client/react';

function SearchHits({ toolCall }: Chat.ToolRendererProps) {
  const hits = (toolCall.result as { hits?: string[] } | undefined)?.hits ?? [];
  return (
    <ul aria-label="Search hits">
      {hits.map((hit) => (
        <li key={hit}>{hit}</li>
      ))}
    </ul>
  );
}

// Module level: a new object on every render would re-render every part of the chat.
const toolRenderers: Chat.ToolRenderers = { search_docs: SearchHits };
const labels: Partial<PlatosLabels> = {
  chatTitle: 'Support',
  approvalApprove: 'Allow',
  approvalDeny: 'Refuse',
};

export function ReplacedPartsChat({ threadId }: { threadId: string }) {
  return (
    <div style={{ height: 560 }}>
      <PlatosChat threadId={threadId} toolRenderers={toolRenderers} labels={labels} />
    </div>
  );
}
