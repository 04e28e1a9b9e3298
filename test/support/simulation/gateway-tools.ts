import type { ClientTool } from '../../../src/client/connections/types.js';
import type { GatewayAnswer } from './gateway-sim-server.js';

/** What the simulated browser tools did: `execute` calls per invocation, and the answer each call produced. */
export interface ToolLedger {
  calls: Map<string, number>;
  answers: Map<string, GatewayAnswer>;
  /** `execute` calls still running. */
  running: number;
}

export const createToolLedger = (): ToolLedger => ({ calls: new Map(), answers: new Map(), running: 0 });

/** What an agent passes a simulated tool: how long it runs in fake time, a tag it echoes, whether it throws. */
export interface SimToolArgs {
  durationMs: number;
  tag: string;
  fail?: boolean;
}

const parameters = {
  type: 'object',
  properties: { durationMs: { type: 'integer', minimum: 0 }, tag: { type: 'string' }, fail: { type: 'boolean' } },
  required: ['durationMs', 'tag'],
  additionalProperties: false,
};

/** A browser-side tool that runs for `durationMs` of fake time and books every call in `ledger`. */
export function createSimTool(name: string, description: string, ledger: ToolLedger): ClientTool<SimToolArgs, unknown> {
  return {
    name,
    description,
    parameters,
    async execute(args, { invocationId }) {
      ledger.calls.set(invocationId, (ledger.calls.get(invocationId) ?? 0) + 1);
      ledger.running += 1;
      try {
        await new Promise((resolve) => setTimeout(resolve, args.durationMs));
      } finally {
        ledger.running -= 1;
      }
      if (args.fail) {
        const message = `${name} failed on ${args.tag}`;
        ledger.answers.set(invocationId, { error: { code: 'tool_failed', message } });
        throw new Error(message);
      }
      const result = { tool: name, tag: args.tag, invocationId };
      ledger.answers.set(invocationId, { result });
      return result;
    },
  };
}
