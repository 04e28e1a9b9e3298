import type { PlatosClient } from '@platosdev/client';
import { Composer, Message, PlatosProvider, PlatosThread, Run } from '@platosdev/client/react';

export function TicketLayout({ client }: { client: PlatosClient }) {
  return (
    <PlatosProvider client={client}>
      <PlatosThread threadId="ticket-42">
        <Message.List />
        <Run.Tray show="active" />
        <Composer.Root />
      </PlatosThread>
    </PlatosProvider>
  );
}
