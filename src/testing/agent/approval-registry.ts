import type { ApprovalState } from '../../protocol/index.js';
import type { EventBody } from '../scenarios/bind-scenario-event.js';
import type { ApprovalOutcome } from '../scenarios/scenario-types.js';
import type { ThreadRecord } from './thread-store.js';

interface ApprovalRecord {
  approvalId: string;
  thread: ThreadRecord;
  turnId: string;
  state: ApprovalState;
  expiryTimer?: ReturnType<typeof setTimeout>;
  waiters: Set<(outcome: ApprovalOutcome) => void>;
}

export type ApprovalResponseResult = { ok: true } | { ok: false; code: 'approval_not_found' | 'approval_already_resolved'; message: string };

export type ApprovalRegistry = ReturnType<typeof createApprovalRegistry>;

/**
 * Approvals of all threads, keyed by (agentId, approvalId). Resolving one publishes `approval-resolved`
 * at once, whether or not its turn has reached its wait yet.
 */
export function createApprovalRegistry(publish: (thread: ThreadRecord, turnId: string, body: EventBody) => unknown) {
  const approvals = new Map<string, ApprovalRecord>();
  const keyOf = (agentId: string, approvalId: string) => JSON.stringify([agentId, approvalId]);

  const resolve = (record: ApprovalRecord, outcome: ApprovalOutcome) => {
    clearTimeout(record.expiryTimer);
    record.state = outcome;
    const resolvedBy = outcome === 'approved' || outcome === 'denied' ? 'user' : 'server';
    publish(record.thread, record.turnId, { type: 'approval-resolved', approvalId: record.approvalId, decision: outcome, resolvedBy });
    for (const waiter of record.waiters) waiter(outcome);
    record.waiters.clear();
  };

  return {
    register(thread: ThreadRecord, turnId: string, approvalId: string, expiresInMs?: number) {
      const record: ApprovalRecord = { approvalId, thread, turnId, state: 'pending', waiters: new Set() };
      if (expiresInMs !== undefined) record.expiryTimer = setTimeout(() => resolve(record, 'expired'), expiresInMs);
      approvals.set(keyOf(thread.agentId, approvalId), record);
    },

    /** Idempotent: repeating the decision that resolved it answers ok again. */
    respond(agentId: string, approvalId: string, decision: 'approved' | 'denied'): ApprovalResponseResult {
      const record = approvals.get(keyOf(agentId, approvalId));
      if (!record) return { ok: false, code: 'approval_not_found', message: `No approval ${approvalId}.` };
      if (record.state === decision) return { ok: true };
      if (record.state !== 'pending') {
        return { ok: false, code: 'approval_already_resolved', message: `Approval ${approvalId} is already ${record.state}.` };
      }
      resolve(record, decision);
      return { ok: true };
    },

    /** Resolves the approval as a recording says, if it is still pending; false if it is unknown or was answered already. */
    resolvePending(agentId: string, approvalId: string, outcome: ApprovalOutcome): boolean {
      const record = approvals.get(keyOf(agentId, approvalId));
      if (record?.state !== 'pending') return false;
      resolve(record, outcome);
      return true;
    },

    /** Settles with the outcome once the approval is no longer pending, or with null when `signal` aborts first. */
    waitFor(agentId: string, approvalId: string, signal: AbortSignal): Promise<ApprovalOutcome | null> {
      const record = approvals.get(keyOf(agentId, approvalId));
      if (!record) return Promise.resolve(null);
      if (record.state !== 'pending') return Promise.resolve(record.state);
      return new Promise((settle) => {
        const onAbort = () => {
          record.waiters.delete(waiter);
          settle(null);
        };
        const waiter = (outcome: ApprovalOutcome) => {
          signal.removeEventListener('abort', onAbort);
          settle(outcome);
        };
        record.waiters.add(waiter);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },

    /** Resolves the turn's pending approvals as `cancelled`. */
    cancelTurn(thread: ThreadRecord, turnId: string) {
      for (const record of approvals.values()) {
        if (record.thread === thread && record.turnId === turnId && record.state === 'pending') resolve(record, 'cancelled');
      }
    },

    /** Stops every expiry timer without publishing anything. */
    dispose() {
      for (const record of approvals.values()) clearTimeout(record.expiryTimer);
      approvals.clear();
    },
  };
}
