import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useChat } from '@ai-sdk/react';
import type { ChatTransport, UIMessage, UIMessageChunk } from 'ai';
import { PlatosProvider, PlatosChat, usePlatosStream } from '../../../src/react-entry.js';
import type { PlatosClient, PlatosStore } from '../../../src/index.js';
import type { DeltaBus } from './raw-socket.js';
import type { Recorder } from './metrics.js';

// One component per variant; all but the styled kit render one plain paragraph per thread.

export interface VariantProps {
  threadIds: readonly string[];
  bus: DeltaBus;
  recorder: Recorder;
  /** Called once the variant listens for every thread (subscriptions are the caller's job). */
  onListening(): void;
}

/** Characters per block: a long stream's text lays out in blocks, so a frame re-lays out only the last one. */
const blockLength = 4_096;

const TextBlock = memo(function TextBlock({ text }: { text: string }) {
  return <span className="bench-block">{text}</span>;
});

/** A thread's text, the same for every variant: completed blocks keep their element and are not laid out again. */
const Paragraph = memo(function Paragraph({ thread, text }: { thread: number; text: string }) {
  const blocks: string[] = [];
  // A copy per block: a plain slice would keep the whole text of this render alive for as long as the block shows.
  for (let start = 0; start < text.length; start += blockLength) blocks.push(` ${text.slice(start, start + blockLength)}`.slice(1));
  return (
    <p data-bench-thread={thread}>
      {blocks.map((block, index) => (
        <TextBlock key={index} text={block} />
      ))}
    </p>
  );
});

function useListening(onListening: () => void) {
  useEffect(() => {
    onListening();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
}

export function FloorVariant({ threadIds, bus, recorder, onListening }: VariantProps) {
  useEffect(() => {
    for (const threadId of threadIds) {
      bus.onDelta(threadId, () => recorder.onTokenReceived());
      bus.onFinish(threadId, () => recorder.onFinishReceived());
    }
    onListening();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

function NaiveThread({ thread, threadId, bus }: { thread: number; threadId: string; bus: DeltaBus }) {
  const [text, setText] = useState('');
  useEffect(() => bus.onDelta(threadId, (delta) => setText((previous) => previous + delta)), [bus, threadId]);
  return <Paragraph thread={thread} text={text} />;
}

export function NaiveVariant({ threadIds, bus, onListening }: VariantProps) {
  useListening(onListening);
  return threadIds.map((threadId, thread) => <NaiveThread key={threadId} thread={thread} threadId={threadId} bus={bus} />);
}

export function ZustandVariant({ threadIds, bus, recorder, onListening }: VariantProps) {
  const store = useMemo(() => createStore<{ texts: string[] }>(() => ({ texts: threadIds.map(() => '') })), [threadIds]);
  useEffect(() => {
    threadIds.forEach((threadId, thread) =>
      bus.onDelta(threadId, (delta) => {
        recorder.onStoreUpdate();
        store.setState((state) => {
          const texts = state.texts.slice();
          texts[thread] += delta;
          return { texts };
        });
      }),
    );
    onListening();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return threadIds.map((threadId, thread) => <ZustandThread key={threadId} thread={thread} store={store} />);
}

function ZustandThread({ thread, store }: { thread: number; store: StoreApi<{ texts: string[] }> }) {
  const text = useStore(store, (state) => state.texts[thread] ?? '');
  return <Paragraph thread={thread} text={text} />;
}

export function RafVariant({ threadIds, bus, recorder, onListening }: VariantProps) {
  const [texts, setTexts] = useState(() => threadIds.map(() => ''));
  useEffect(() => {
    const pending = threadIds.map(() => '');
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      const appended = pending.slice();
      pending.fill('');
      recorder.onStoreUpdate();
      setTexts((previous) => previous.map((text, thread) => text + appended[thread]));
    };
    threadIds.forEach((threadId, thread) =>
      bus.onDelta(threadId, (delta) => {
        pending[thread] += delta;
        if (!scheduled) {
          scheduled = true;
          requestAnimationFrame(flush);
        }
      }),
    );
    onListening();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return texts.map((text, thread) => <Paragraph key={threadIds[thread]} thread={thread} text={text} />);
}

/** The AI SDK's side of the same socket: each thread's deltas become one UI message stream. */
function socketTransport(bus: DeltaBus, threadId: string, onOpened: () => void): ChatTransport<UIMessage> {
  return {
    async sendMessages() {
      return new ReadableStream<UIMessageChunk>({
        start(controller) {
          controller.enqueue({ type: 'start', messageId: `${threadId}-a` });
          controller.enqueue({ type: 'text-start', id: 'text' });
          bus.onDelta(threadId, (delta) => controller.enqueue({ type: 'text-delta', id: 'text', delta }));
          bus.onFinish(threadId, () => {
            controller.enqueue({ type: 'text-end', id: 'text' });
            controller.enqueue({ type: 'finish' });
            controller.close();
          });
          onOpened();
        },
      });
    },
    reconnectToStream: async () => null,
  };
}

function UseChatThread({ thread, threadId, bus, onOpened }: { thread: number; threadId: string; bus: DeltaBus; onOpened: () => void }) {
  const transport = useMemo(() => socketTransport(bus, threadId, onOpened), [bus, threadId, onOpened]);
  const { messages, sendMessage } = useChat({ id: threadId, transport, experimental_throttle: 50 });
  useEffect(() => void sendMessage({ text: 'go' }), []); // eslint-disable-line react-hooks/exhaustive-deps
  const text = messages
    .filter((message) => message.role === 'assistant')
    .flatMap((message) => message.parts)
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('');
  return <Paragraph thread={thread} text={text} />;
}

export function UseChatVariant({ threadIds, bus, onListening }: VariantProps) {
  const onOpened = useMemo(() => {
    let opened = 0;
    return () => {
      opened += 1;
      if (opened === threadIds.length) onListening();
    };
  }, [threadIds, onListening]);
  return threadIds.map((threadId, thread) => <UseChatThread key={threadId} thread={thread} threadId={threadId} bus={bus} onOpened={onOpened} />);
}

function HeadlessThread({ thread, threadId }: { thread: number; threadId: string }) {
  const { messages } = usePlatosStream({ threadId });
  const text = messages
    .flatMap((message) => (message.role === 'assistant' ? message.parts : []))
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('');
  return <Paragraph thread={thread} text={text} />;
}

export function KitProviders({ client, store, children }: { client: PlatosClient; store: PlatosStore; children: ReactNode }) {
  return (
    <PlatosProvider client={client} store={store}>
      {children}
    </PlatosProvider>
  );
}

export function HeadlessVariant({ threadIds, onListening }: Pick<VariantProps, 'threadIds' | 'onListening'>) {
  useListening(onListening);
  return threadIds.map((threadId, thread) => <HeadlessThread key={threadId} thread={thread} threadId={threadId} />);
}

export function StyledVariant({ threadIds, onListening }: Pick<VariantProps, 'threadIds' | 'onListening'>) {
  useListening(onListening);
  return (
    <div className="bench-chats">
      {threadIds.map((threadId, thread) => (
        <div key={threadId} className="bench-chat" data-bench-thread={thread}>
          <PlatosChat threadId={threadId} />
        </div>
      ))}
    </div>
  );
}
