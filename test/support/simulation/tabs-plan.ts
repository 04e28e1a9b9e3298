import fc from 'fast-check';
import { timingArbitrary } from './arbitraries.js';
import type { Fault } from './faults.js';
import type { SimulationTiming } from './simulation-plan.js';
import type { EventBody } from './sim-thread.js';
import { buildScript, scriptPlanArbitrary } from './turn-script.js';

/** Scripted turns stream on the first thread; messages the tabs send go to the second, so the two never interleave. */
export const SCRIPTED_THREAD = 'thread-a';
export const SENDS_THREAD = 'thread-b';
export const TAB_THREAD_IDS = [SCRIPTED_THREAD, SENDS_THREAD];

/** What happens to the tabs themselves; a close never takes the last open tab. */
export type TabChange = 'close-leader' | 'close-follower' | 'open-tab';

export type TabsStep =
  | { kind: 'event'; body: EventBody }
  | { kind: 'fault'; fault: Fault }
  | { kind: 'tab'; change: TabChange }
  /** `tab` picks among the tabs open at that moment, modulo their number. */
  | { kind: 'send'; tab: number; text: string };

export interface TabsPlan {
  tabCount: number;
  /** Web Locks, or claims over the BroadcastChannel where a browser has no locks. */
  election: 'locks' | 'channel';
  steps: TabsStep[];
  timing: SimulationTiming;
}

type Interjection = { at: number; step: Exclude<TabsStep, { kind: 'event' }> };

/** Outages shorter than a reconnect, longer than an ack timeout, and (with expire-window) past the replay window. */
const outageMs = fc.constantFrom(0, 300, 2_000, 12_000);

const worldChange: fc.Arbitrary<Interjection['step']> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'tab' as const, change: 'close-leader' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'tab' as const, change: 'close-follower' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'tab' as const, change: 'open-tab' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.record({ kind: fc.constant('drop' as const), outageMs }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.record({ kind: fc.constant('expire-window' as const), outageMs }) }) },
);

export const tabsPlanArbitrary: fc.Arbitrary<TabsPlan> = fc
  .record({
    tabCount: fc.integer({ min: 2, max: 4 }),
    election: fc.constantFrom('locks' as const, 'channel' as const),
    script: scriptPlanArbitrary(1, 2),
    changes: fc.array(fc.record({ at: fc.nat({ max: 400 }), step: worldChange }), { minLength: 1, maxLength: 5 }),
    sends: fc.array(fc.record({ at: fc.nat({ max: 400 }), tab: fc.nat({ max: 11 }) }), { maxLength: 3 }),
    timing: timingArbitrary,
  })
  .map(({ tabCount, election, script, changes, sends, timing }) => {
    const interjections: Interjection[] = [
      ...changes,
      ...sends.map(({ at, tab }, index) => ({ at, step: { kind: 'send' as const, tab, text: `message ${index + 1}` } })),
    ];
    return { tabCount, election, steps: stepsWithInterjections(buildScript([SCRIPTED_THREAD], script), interjections), timing };
  });

/** The script's events in order, each interjection placed before the event its `at` picks (modulo), or after the last. */
function stepsWithInterjections(script: readonly EventBody[], interjections: readonly Interjection[]): TabsStep[] {
  const steps: TabsStep[] = [];
  for (let index = 0; index <= script.length; index += 1) {
    for (const { step } of interjections.filter(({ at }) => at % (script.length + 1) === index)) steps.push(step);
    const body = script[index];
    if (body) steps.push({ kind: 'event', body });
  }
  return steps;
}
