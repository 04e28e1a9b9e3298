// ws-probe must load before socket.io-client captures `WebSocket`.
import { arrivals } from './ws-probe.js';
import { Profiler, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAnimationFrameScheduler, createPlatosClient, createPlatosStore, type PlatosClientOptions } from '../../../src/index.js';
import '../../../src/components/styles/index.css';
import './bench.css';
import { quickWorkloads, seqOffsetOf, threadIdOf, workloads, type WorkloadName } from '../workload.js';
import { createRecorder, type PageResult, type ThreadTextReader } from './metrics.js';
import { createDeltaBus } from './raw-socket.js';
import {
  FloorVariant,
  HeadlessVariant,
  KitProviders,
  NaiveVariant,
  RafVariant,
  StyledVariant,
  UseChatVariant,
  ZustandVariant,
} from './variants.js';

export type VariantName = 'floor' | 'naive-setstate' | 'zustand-per-token' | 'raf-setstate' | 'ai-sdk-usechat' | 'kit-headless' | 'kit-styled';

declare global {
  interface Window {
    __bench?: {
      ready: boolean;
      begin(): void;
      whenDone(): Promise<void>;
      result(): PageResult;
      nextRound(round: number): void;
    };
  }
}

const params = new URLSearchParams(location.search);
const variant = (params.get('variant') ?? 'kit-headless') as VariantName;
const workloadName = (params.get('workload') ?? 'W1') as WorkloadName;
const workload = (params.get('quick') === '1' ? quickWorkloads : workloads)[workloadName];
const runId = params.get('run') ?? 'r0';
const batch = params.get('batch') === '1';
const token = params.get('token') ?? 'bench-token';
const threadIdsOf = (run: string) => Array.from({ length: workload.threads }, (_, thread) => threadIdOf(run, thread));
const threadIds = threadIdsOf(runId);
arrivals.runId = runId;
arrivals.seqOffset = seqOffsetOf(workload);
if (params.get('layout') === 'tall') document.documentElement.classList.add('bench-tall');

const lastText = (element: Element | null | undefined) => {
  let node: Node | null | undefined = element;
  while (node?.lastChild) node = node.lastChild;
  return node?.nodeType === Node.TEXT_NODE ? (node as Text).data : '';
};

function paragraphReader(): ThreadTextReader {
  const paragraphs: (Element | null)[] = [];
  const paragraph = (thread: number) => {
    const known = paragraphs[thread];
    if (known?.isConnected) return known;
    return (paragraphs[thread] = document.querySelector(`p[data-bench-thread="${thread}"]`));
  };
  return { tail: (thread) => lastText(paragraph(thread)), full: (thread) => paragraph(thread)?.textContent ?? '' };
}

/**
 * The styled kit renders the assistant's markdown inside `.platos-markdown`; the streamed message is the one in
 * `data-state="streaming"` (a seeded transcript's are finished), kept once found as it finishes.
 */
function styledReader(): ThreadTextReader {
  const texts: (Element | null)[] = [];
  const text = (thread: number) => {
    const known = texts[thread];
    if (known?.isConnected) return known;
    return (texts[thread] = document.querySelector(`[data-bench-thread="${thread}"] [data-role="assistant"][data-state="streaming"] .platos-markdown`));
  };
  return { tail: (thread) => lastText(text(thread)), full: (thread) => text(thread)?.textContent ?? '' };
}

const rendersText = variant !== 'floor';
/** A seeded history must show before the stream starts (the server streams as soon as the thread is subscribed). */
const needsOpen = Boolean(workload.seedTokens || workload.seedMessages);
let openedMs: number | null = null;
let listening = false;
const checkOpened = () => {
  if (!needsOpen || openedMs !== null) return;
  if (document.querySelector('[data-role="assistant"][data-state="finished"]')) {
    openedMs = performance.now();
    ready = listening;
  }
};
const newRecorder = () => createRecorder(workload, variant === 'kit-styled' ? styledReader() : paragraphReader(), rendersText);
let recorder = newRecorder();
const countsStoreUpdates = ['zustand-per-token', 'raf-setstate', 'kit-headless', 'kit-styled'].includes(variant);
let ready = false;
let switchThreads: ((threadIds: readonly string[]) => void) | undefined;
window.__bench = {
  get ready() {
    return ready;
  },
  begin() {
    recorder.begin();
    if (workload.name === 'W4') scrollWhileStreaming();
  },
  whenDone: () => recorder.whenDone(),
  result: () => ({ ...recorder.result(countsStoreUpdates), openedMs }),
  nextRound(round: number) {
    // W5: the same page streams again into new threads; the old ones are unmounted (and so unwatched).
    recorder.stop();
    ready = false;
    arrivals.times = [];
    arrivals.batchPackets = 0;
    arrivals.eventPackets = 0;
    recorder = newRecorder();
    switchThreads?.(threadIdsOf(`${runId}x${round}`));
  },
};

/**
 * W4: the reader scrolls while the answer streams, 10 frames up and 10 down, 40 px a frame, near the end (so the
 * streamed message stays rendered in the virtualized list). A wheel event first, as a user's scroll has one.
 */
function scrollWhileStreaming() {
  let frame = 0;
  const step = () => {
    const scroller = document.querySelector<HTMLElement>('.platos-message-list-scroller');
    if (scroller) {
      scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: -40 }));
      scroller.scrollTop += frame % 20 < 10 ? -40 : 40;
    }
    frame += 1;
    if (!recorder.isDone()) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/** The kit's threads, switchable for W5; a new set remounts the variant. */
function KitThreads({ styled }: { styled: boolean }) {
  const [current, setCurrent] = useState<readonly string[]>(threadIds);
  switchThreads = setCurrent;
  const onListening = () => {
    listening = true;
    ready = !needsOpen || openedMs !== null;
  };
  return styled ? (
    <StyledVariant key={current[0]} threadIds={current} onListening={onListening} />
  ) : (
    <HeadlessVariant key={current[0]} threadIds={current} onListening={onListening} />
  );
}

function page(): ReactNode {
  if (variant === 'kit-headless' || variant === 'kit-styled') {
    const options: PlatosClientOptions = {
      url: location.origin,
      token,
      transports: ['websocket'],
      batchFrames: batch,
    };
    const client = createPlatosClient(options);
    // The store's own default scheduler, with each flush timed (the store's update and its subscribers).
    const frames = createAnimationFrameScheduler();
    const store = createPlatosStore({
      client,
      scheduler: {
        schedule: (flush) =>
          frames.schedule(() => {
            const started = performance.now();
            flush();
            recorder.onStoreFlush(performance.now() - started);
          }),
      },
    });
    store.subscribe(() => recorder.onStoreUpdate());
    return (
      <KitProviders client={client} store={store}>
        <KitThreads styled={variant === 'kit-styled'} />
      </KitProviders>
    );
  }
  const bus = createDeltaBus();
  const onListening = () => void bus.connect(threadIds, token, batch).then(() => (ready = true));
  const props = { threadIds, bus, recorder, onListening };
  switch (variant) {
    case 'floor':
      return <FloorVariant {...props} />;
    case 'naive-setstate':
      return <NaiveVariant {...props} />;
    case 'zustand-per-token':
      return <ZustandVariant {...props} />;
    case 'raf-setstate':
      return <RafVariant {...props} />;
    case 'ai-sdk-usechat':
      return <UseChatVariant {...props} />;
    default:
      throw new Error(`unknown variant ${String(variant)}`);
  }
}

createRoot(document.getElementById('root')!).render(
  <Profiler
    id="bench"
    onRender={(_id, phase, actualDuration) => {
      checkOpened();
      recorder.onCommit(actualDuration, phase);
    }}
  >
    {page()}
  </Profiler>,
);
