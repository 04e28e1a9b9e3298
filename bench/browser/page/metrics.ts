import { intervals, maxPerFrame, median, percentile, tenth, textsMatch } from '../stats.js';
import { lastTokenIndexIn, tokensOf, type Workload, tokenCount } from '../workload.js';
import { arrivals } from './ws-probe.js';

// Everything the page measures during one run; the runner adds the CDP numbers.

export interface PageResult {
  commits: number;
  /** W3/W4: when the seeded history first showed (ms since navigation), and the longest task before the stream. */
  openedMs: number | null;
  openingLongestTaskMs: number | null;
  /** Commits with no store update since the commit before (kit variants): renders the store did not cause. */
  commitsWithoutStoreUpdate: number | null;
  /** Commits React marked `nested-update`: caused by a state update in a layout effect of the commit before. */
  nestedUpdateCommits: number;
  maxCommitsPerFrame: number;
  storeUpdates: number | null;
  maxStoreUpdatesPerFrame: number | null;
  frameP50Ms: number | null;
  frameP95Ms: number | null;
  framesOver33Ms: number;
  framesOver33Pct: number;
  frames: number;
  longTasks: number;
  longestTaskMs: number;
  arrivalToCommitP50Ms: number | null;
  arrivalToCommitP95Ms: number | null;
  drainMs: number | null;
  domNodes: number;
  textMatches: boolean;
  finished: boolean;
  batchedFrames: number;
  eventPackets: number;
  commitDurationP50Ms: number | null;
  commitDurationP95Ms: number | null;
  /** Median React commit duration (Profiler actualDuration) over the first and the last tenth of the commits. */
  commitMsStart: number | null;
  commitMsEnd: number | null;
  /** Median store flush duration (the kit's frame flush, subscribers included) over the first and last tenth. */
  flushMsStart: number | null;
  flushMsEnd: number | null;
  flushes: number;
}

export interface ThreadTextReader {
  /** The end of a thread's rendered text, read in every commit: enough to hold its last token. */
  tail(thread: number): string;
  /** All of a thread's rendered text, read once at the end. */
  full(thread: number): string;
}

export function createRecorder(workload: Workload, reader: ThreadTextReader, rendersText: boolean) {
  const count = tokenCount(workload);
  const frameStarts: number[] = [];
  const commitTimes: number[] = [];
  const commitDurations: number[] = [];
  let nestedUpdateCommits = 0;
  let commitsWithoutStoreUpdate = 0;
  let storeUpdatedSinceCommit = false;
  const storeUpdateTimes: number[] = [];
  const flushDurations: number[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  const shownUpTo = new Array<number>(workload.threads).fill(-1);
  const commitOfToken: number[][] = Array.from({ length: workload.threads }, () => []);
  let lastTokenCommit = 0;
  let allShownAt = 0;
  let streamStart = 0;
  let receivedTokens = 0;
  let finishedEvents = 0;
  let measuring = false;
  let onDone: (() => void) | undefined;

  let stopped = false;
  const longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  });
  longTaskObserver.observe({ type: 'longtask', buffered: false });

  // The callback's own start, not its `time` argument: Chromium's frame time can lie after work that belongs to the
  // frame before (a commit scheduled from the previous rAF), which would put that commit in the wrong bucket.
  const frame = () => {
    if (measuring) frameStarts.push(performance.now());
    if (!stopped) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const checkDone = () => {
    if (allShownAt !== 0) return;
    const done = rendersText ? shownUpTo.every((index) => index >= count - 1) : finishedEvents >= workload.threads;
    if (done) {
      allShownAt = performance.now();
      onDone?.();
    }
  };

  return {
    /** Stops listening (a later round has its own recorder). */
    stop() {
      stopped = true;
      measuring = false;
      longTaskObserver.disconnect();
    },
    begin() {
      streamStart = performance.now();
      measuring = true;
    },
    /** Profiler `onRender`: runs in the commit, after the DOM changed. */
    onCommit(actualDuration: number, phase: string) {
      const now = performance.now();
      if (!measuring) return;
      if (phase === 'nested-update') nestedUpdateCommits += 1;
      if (!storeUpdatedSinceCommit) commitsWithoutStoreUpdate += 1;
      storeUpdatedSinceCommit = false;
      commitTimes.push(now);
      commitDurations.push(actualDuration);
      for (let thread = 0; thread < workload.threads; thread += 1) {
        const shown = Math.min(count - 1, lastTokenIndexIn(reader.tail(thread)));
        if (shown <= shownUpTo[thread]!) continue;
        for (let token = shownUpTo[thread]! + 1; token <= shown; token += 1) commitOfToken[thread]![token] = now;
        shownUpTo[thread] = shown;
        lastTokenCommit = now;
      }
      checkDone();
    },
    onStoreUpdate() {
      storeUpdatedSinceCommit = true;
      if (measuring) storeUpdateTimes.push(performance.now());
    },
    onStoreFlush(durationMs: number) {
      if (measuring) flushDurations.push(durationMs);
    },
    onTokenReceived() {
      receivedTokens += 1;
    },
    onFinishReceived() {
      finishedEvents += 1;
      checkDone();
    },
    isDone: () => allShownAt !== 0,
    whenDone: () => new Promise<void>((resolve) => (allShownAt !== 0 ? resolve() : (onDone = resolve))),
    result(countsStoreUpdates: boolean): PageResult {
      measuring = false;
      const end = allShownAt || performance.now();
      const window = frameStarts.filter((time) => time >= streamStart && time <= end + 1);
      const frameIntervals = intervals(window);
      const over = frameIntervals.filter((interval) => interval > 33).length;
      const latencies: number[] = [];
      for (let thread = 0; thread < workload.threads; thread += 1) {
        for (let token = 0; token < count; token += 1) {
          const arrived = arrivals.times[thread]?.[token];
          const committed = commitOfToken[thread]?.[token];
          if (arrived !== undefined && committed !== undefined) latencies.push(Math.max(0, committed - arrived));
        }
      }
      const expected = Array.from({ length: workload.threads }, (_, thread) => tokensOf(thread, count, workload.paragraphEvery));
      const rendered = Array.from({ length: workload.threads }, (_, thread) => reader.full(thread));
      const afterWarmUp = longTasks.filter((task) => task.start >= streamStart);
      return {
        commits: commitTimes.length,
        nestedUpdateCommits,
        openedMs: null,
        openingLongestTaskMs: longTasks.filter((task) => task.start < streamStart).reduce<number | null>((longest, task) => Math.max(longest ?? 0, task.duration), null) ?? 0,
        commitsWithoutStoreUpdate: countsStoreUpdates ? commitsWithoutStoreUpdate : null,
        maxCommitsPerFrame: maxPerFrame(frameStarts, commitTimes),
        storeUpdates: countsStoreUpdates ? storeUpdateTimes.length : null,
        maxStoreUpdatesPerFrame: countsStoreUpdates ? maxPerFrame(frameStarts, storeUpdateTimes) : null,
        frameP50Ms: percentile(frameIntervals, 0.5),
        frameP95Ms: percentile(frameIntervals, 0.95),
        framesOver33Ms: over,
        framesOver33Pct: frameIntervals.length ? (100 * over) / frameIntervals.length : 0,
        frames: frameIntervals.length,
        longTasks: afterWarmUp.length,
        longestTaskMs: afterWarmUp.reduce((longest, task) => Math.max(longest, task.duration), 0),
        arrivalToCommitP50Ms: percentile(latencies, 0.5),
        arrivalToCommitP95Ms: percentile(latencies, 0.95),
        drainMs: rendersText && lastTokenCommit ? Math.max(0, lastTokenCommit - lastTokenArrival(workload.threads, count)) : null,
        domNodes: document.getElementsByTagName('*').length,
        textMatches: rendersText ? textsMatch(rendered, expected) : receivedTokens === count * workload.threads,
        finished: allShownAt !== 0,
        batchedFrames: arrivals.batchPackets,
        eventPackets: arrivals.eventPackets,
        commitDurationP50Ms: percentile(commitDurations, 0.5),
        commitDurationP95Ms: percentile(commitDurations, 0.95),
        commitMsStart: median(tenth(commitDurations, 'first')),
        commitMsEnd: median(tenth(commitDurations, 'last')),
        flushMsStart: median(tenth(flushDurations, 'first')),
        flushMsEnd: median(tenth(flushDurations, 'last')),
        flushes: flushDurations.length,
      };
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;

function lastTokenArrival(threads: number, count: number): number {
  let latest = 0;
  for (let thread = 0; thread < threads; thread += 1) latest = Math.max(latest, arrivals.times[thread]?.[count - 1] ?? 0);
  return latest;
}
