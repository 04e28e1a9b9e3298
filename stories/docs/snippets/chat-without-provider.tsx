import { PlatosChat } from '@platosdev/client/react';

export function TicketChat({ token }: { token: string }) {
  return (
    <PlatosChat
      url="https://agents.example.com"
      token={token}
      agentId="support"
      threadId="ticket-42"
    />
  );
}
