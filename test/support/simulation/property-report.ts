import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { auditDelivery } from './delivery-audit.js';
import type { FaultCounts } from './faults.js';
import type { SimulationOutcome } from './run-simulation.js';

/** Captured before any test fakes the clock: an afterAll may run while a timed-out test still has it faked. */
const RealDate = globalThis.Date;

export const PROPERTY_REPORT_PATH = resolve('test-results/property-report.json');

/** Counts for one property across every run fast-check made of it, shrinking included. */
export interface PropertyTally {
  requestedRuns: number;
  executions: number;
  outcome: 'passed' | 'failed' | 'not run';
  counterexample?: string;
  faults: FaultCounts;
  eventsDelivered: number;
  eventsLost: number;
  eventsDoubled: number;
  stuckRuns: number;
  /** Messages sent through the store, those sent while disconnected, and server turns missing or extra for them. */
  sends: { total: number; whileDisconnected: number; lost: number; doubled: number };
  /** Counts of the connections gateway's properties; absent for the threads' ones. */
  gateway?: GatewayTally;
  /** Counts of the properties of tabs sharing one connection; absent for the others. */
  tabs?: TabsTally;
}

/** What the runs of tabs sharing one connection did. */
export interface TabsTally {
  tabsOpened: number;
  /** Tabs opened after the start, while others already shared the connection. */
  tabsOpenedMidway: number;
  leaderCloses: number;
  followerCloses: number;
  /** Times the connection passed to another tab: a real socket made by a tab other than the one that made the last. */
  handOvers: number;
  runsWithHandOver: number;
  /** Real sockets made in all, the first of each run included. */
  socketsMade: number;
  /** Drops of the leader's socket: network drops and expired replay windows. */
  networkDrops: number;
}

export const emptyTabsTally = (): TabsTally => ({ tabsOpened: 0, tabsOpenedMidway: 0, leaderCloses: 0, followerCloses: 0, handOvers: 0, runsWithHandOver: 0, socketsMade: 0, networkDrops: 0 });

/** What the connections gateway's runs did: invocations and their answers, tool syncs, entity updates, faults. */
export interface GatewayTally {
  invocations: number;
  /** `execute` calls of the simulated tools. */
  executions: number;
  /** Invocations still open at the end with no answer on the server. */
  answersLost: number;
  /** Invocations whose answers on the server disagree (a second, different answer came after the first). */
  answersDoubled: number;
  /** Invocations whose tool ran more than once. */
  executionsDoubled: number;
  /** Repeated answers the server acknowledged and ignored, as the contract allows. */
  answerRepeats: number;
  /** Connection drops injected: drops, expired windows, epoch changes, half-open spells, drops that took an answer's acknowledgement. */
  drops: number;
  dropsWhileExecuting: number;
  /** Acknowledgements of answers a drop took before they reached the client. */
  answerAcksLost: number;
  /** Entities endpoint responses served. */
  rebuilds: number;
  toolSyncs: number;
  toolChangesWhileOffline: number;
  revisionsAccepted: number;
  /** Entity updates the client applied, and entities whose value or version differed from the server's at the end. */
  entityUpdates: number;
  entitiesDiverged: number;
  /** Subscribes with no resume point answered `resumed: false, lastEventId: null` while entities existed. */
  blindStarts: number;
  /** Subscribes that resumed while the client owed an entity rebuild. */
  abandonedRebuilds: number;
  /** Runs the property left out (`fc.pre`); every other count includes them. */
  runsLeftOut: number;
  faults: Record<string, number>;
}

export const emptyGatewayTally = (): GatewayTally => ({
  invocations: 0,
  executions: 0,
  answersLost: 0,
  answersDoubled: 0,
  executionsDoubled: 0,
  answerRepeats: 0,
  drops: 0,
  dropsWhileExecuting: 0,
  answerAcksLost: 0,
  rebuilds: 0,
  toolSyncs: 0,
  toolChangesWhileOffline: 0,
  revisionsAccepted: 0,
  entityUpdates: 0,
  entitiesDiverged: 0,
  blindStarts: 0,
  abandonedRebuilds: 0,
  runsLeftOut: 0,
  faults: {},
});

/** Adds `from` into `into`, counter by counter. */
function addGatewayTally(into: GatewayTally, from: GatewayTally): void {
  for (const [key, value] of Object.entries(from) as [keyof GatewayTally, GatewayTally[keyof GatewayTally]][]) {
    if (typeof value === 'number') (into[key] as number) += value;
  }
  for (const [kind, count] of Object.entries(from.faults)) into.faults[kind] = (into.faults[kind] ?? 0) + count;
}

interface ReportFile {
  generatedAt: string;
  totals: {
    properties: number;
    failedProperties: string[];
    executions: number;
    eventsDelivered: number;
    eventsLost: number;
    eventsDoubled: number;
    stuckRuns: number;
    faults: FaultCounts;
    sends: PropertyTally['sends'];
    gateway?: GatewayTally;
    tabs?: TabsTally;
  };
  files: Record<string, { runAt: string; properties: Record<string, PropertyTally> }>;
}

/** Collects one test file's tallies; `write` merges them into the shared report under a lock (files run in parallel workers). */
export function createPropertyReport(testFile: string) {
  const properties: Record<string, PropertyTally> = {};
  return {
    property(name: string, requestedRuns: number): PropertyTally {
      properties[name] = { requestedRuns, executions: 0, outcome: 'not run', faults: {}, eventsDelivered: 0, eventsLost: 0, eventsDoubled: 0, stuckRuns: 0, sends: { total: 0, whileDisconnected: 0, lost: 0, doubled: 0 } };
      return properties[name];
    },
    write() {
      withLock(`${PROPERTY_REPORT_PATH}.lock`, () => {
        const previous = readReport();
        const files = { ...previous?.files, [testFile]: { runAt: new RealDate().toISOString(), properties } };
        writeAtomically(PROPERTY_REPORT_PATH, JSON.stringify({ generatedAt: new RealDate().toISOString(), totals: totalsOf(files), files }, null, 2));
      });
    },
  };
}

/** Adds one run's faults and delivery counts to the tally. */
export function tallyRun(tally: PropertyTally, outcome: SimulationOutcome): void {
  tally.executions += 1;
  if (!outcome.settled) tally.stuckRuns += 1;
  for (const [kind, count] of Object.entries(outcome.faults)) {
    tally.faults[kind as keyof FaultCounts] = (tally.faults[kind as keyof FaultCounts] ?? 0) + (count ?? 0);
  }
  for (const thread of outcome.threads) {
    const audit = auditDelivery(thread.updates, thread.finalLog);
    tally.eventsDelivered += audit.delivered;
    tally.eventsLost += audit.lost.length;
    tally.eventsDoubled += audit.doubled.length;
  }
  for (const send of outcome.sends) {
    const serverTurns = outcome.agentTurns.filter((turn) => turn.threadId === send.threadId && turn.text === send.text).length;
    tally.sends.total += 1;
    if (send.whileDisconnected) tally.sends.whileDisconnected += 1;
    if (serverTurns === 0) tally.sends.lost += 1;
    if (serverTurns > 1) tally.sends.doubled += serverTurns - 1;
  }
}

/** Runs `check` (an `fc.assert`) and records whether it held, with fast-check's counterexample when it did not. */
export async function recordOutcome(tally: PropertyTally, check: () => Promise<void>): Promise<void> {
  try {
    await check();
    tally.outcome = 'passed';
  } catch (error) {
    tally.outcome = 'failed';
    tally.counterexample = String((error as Error).message ?? error).split('\n').slice(0, 60).join('\n');
    throw error;
  }
}

function totalsOf(files: ReportFile['files']): ReportFile['totals'] {
  const totals: ReportFile['totals'] = { properties: 0, failedProperties: [], executions: 0, eventsDelivered: 0, eventsLost: 0, eventsDoubled: 0, stuckRuns: 0, faults: {}, sends: { total: 0, whileDisconnected: 0, lost: 0, doubled: 0 } };
  for (const [file, { properties }] of Object.entries(files)) {
    for (const [name, tally] of Object.entries(properties)) {
      totals.properties += 1;
      if (tally.outcome === 'failed') totals.failedProperties.push(`${file} > ${name}`);
      totals.executions += tally.executions;
      totals.eventsDelivered += tally.eventsDelivered;
      totals.eventsLost += tally.eventsLost;
      totals.eventsDoubled += tally.eventsDoubled;
      totals.stuckRuns += tally.stuckRuns;
      for (const key of ['total', 'whileDisconnected', 'lost', 'doubled'] as const) totals.sends[key] += tally.sends?.[key] ?? 0;
      for (const [kind, count] of Object.entries(tally.faults)) {
        totals.faults[kind as keyof FaultCounts] = (totals.faults[kind as keyof FaultCounts] ?? 0) + (count ?? 0);
      }
      if (tally.gateway) addGatewayTally((totals.gateway ??= emptyGatewayTally()), tally.gateway);
      if (tally.tabs) {
        const into = (totals.tabs ??= emptyTabsTally());
        for (const key of Object.keys(into) as (keyof TabsTally)[]) into[key] += tally.tabs[key];
      }
    }
  }
  return totals;
}

function readReport(): ReportFile | null {
  try {
    return JSON.parse(readFileSync(PROPERTY_REPORT_PATH, 'utf8')) as ReportFile;
  } catch {
    return null;
  }
}

function writeAtomically(path: string, text: string) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${text}\n`);
  renameSync(temporary, path);
}

/** A directory as a lock: `mkdir` either creates it or fails, atomically. A lock older than 10 s is a crashed writer's. */
function withLock(lockPath: string, body: () => void) {
  mkdirSync(dirname(lockPath), { recursive: true });
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt += 1) {
    try {
      mkdirSync(lockPath);
      break;
    } catch {
      if (attempt > 500 || RealDate.now() - statMtime(lockPath) > 10_000) {
        rmSync(lockPath, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(sleeper, 0, 0, 10);
    }
  }
  try {
    body();
  } finally {
    rmSync(lockPath, { recursive: true, force: true });
  }
}

function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return RealDate.now();
  }
}
