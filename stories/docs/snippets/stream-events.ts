import { createPlatosClient } from '@platosdev/client';

export async function answerOnce(threadId: string, message: string): Promise<string> {
  const client = createPlatosClient({ url: 'https://agents.example.com', token: 'dev-token' });
  let answer = '';
  for await (const event of client.threads.stream({ threadId, message })) {
    if (event.type === 'text-delta') answer += event.delta;
    if (event.type === 'approval-pending') {
      await client.respondToApproval(event.approvalId, 'denied');
    }
  }
  client.close();
  return answer;
}
