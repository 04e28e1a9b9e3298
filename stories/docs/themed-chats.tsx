import { PlatosChat } from '@platosdev/client/react';
import './brand-theme.css';

export function BrandChat({ threadId }: { threadId: string }) {
  return (
    <div data-theme="light" style={{ height: 640 }}>
      <PlatosChat threadId={threadId} className="brand-chat" title="Brand assistant" />
    </div>
  );
}

export function DarkChat({ threadId }: { threadId: string }) {
  return (
    <div data-theme="dark" style={{ height: 640 }}>
      <PlatosChat threadId={threadId} />
    </div>
  );
}
