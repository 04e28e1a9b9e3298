import { PlatosChat } from '@platosdev/client/react';

export function PolicedChat({ threadId }: { threadId: string }) {
  return (
    <div style={{ height: 460 }}>
      <PlatosChat
        threadId={threadId}
        imagePolicy={{ allow: ['https://cdn.example.com/img/'] }}
        linkPolicy={{ confirm: 'external' }}
      />
    </div>
  );
}
