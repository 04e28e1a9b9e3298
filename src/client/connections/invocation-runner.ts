import type { OpenInvocation, ToolError } from '../../protocol/index.js';
import type { PreparedTool } from './prepare-tool.js';
import type { ConnectionsCounter, ToolInvocation } from './types.js';

export type ToolAnswer = { result: unknown } | { error: ToolError };

/** How a sent answer ended: the server has it, or it refused it for good (it is not sent again). */
export type AnswerReceipt = 'acknowledged' | 'rejected';

export interface InvocationRunnerDeps {
  /** The tool registered under `name`, ready to check arguments (it may first load its schema support). */
  tool(name: string): PreparedTool | undefined | Promise<PreparedTool | undefined>;
  /**
   * Sends `tool:result`/`tool:error`; resolves with the server's verdict, rejects when it was not delivered (it is
   * then kept and sent again after the next connect).
   */
  sendAnswer(invocationId: string, answer: ToolAnswer): Promise<AnswerReceipt | void>;
  count(stat: ConnectionsCounter): void;
  onChange(invocation: ToolInvocation): void;
  /** @default 60000 */
  defaultTimeoutMs: number;
  /** Answered invocations remembered for repeats of their `tool:invoke`. @default 1000 */
  keptAnswers?: number;
  /** Largest result sent, measured as its JSON text; a larger one is answered `result_too_large`. @default 262144 */
  maxResultBytes?: number;
}

interface Entry {
  invocation: ToolInvocation;
  answer?: ToolAnswer;
  controller: AbortController;
  timer?: ReturnType<typeof setTimeout>;
  sending: boolean;
}

const errorOf = (code: string, message: string): { error: ToolError } => ({ error: { code, message } });

/**
 * Runs each invocation exactly once, whatever the network does: a repeated `tool:invoke` never runs the tool again,
 * an invocation survives a dropped socket, and its answer is kept and re-sent after every reconnect until the
 * server acknowledged it.
 */
export function createInvocationRunner(deps: InvocationRunnerDeps) {
  const entries = new Map<string, Entry>();
  const keptAnswers = deps.keptAnswers ?? 1000;
  const maxResultBytes = deps.maxResultBytes ?? 256 * 1024;
  let disposed = false;

  const update = (entry: Entry, change: Partial<ToolInvocation>) => {
    entry.invocation = { ...entry.invocation, ...change };
    deps.onChange(entry.invocation);
  };

  const forgetOldest = () => {
    for (const [id, entry] of entries) {
      if (entries.size <= keptAnswers) return;
      if (entry.invocation.delivery === 'acknowledged' || entry.invocation.delivery === 'rejected' || entry.invocation.state === 'cancelled') entries.delete(id);
    }
  };

  const deliver = (entry: Entry) => {
    const { answer } = entry;
    const { delivery } = entry.invocation;
    if (!answer || disposed || entry.sending || delivery === 'acknowledged' || delivery === 'rejected') return;
    entry.sending = true;
    deps.count('answersSent');
    deps.sendAnswer(entry.invocation.invocationId, answer).then(
      (receipt) => {
        entry.sending = false;
        const rejected = receipt === 'rejected';
        deps.count(rejected ? 'answersRejected' : 'answersAcknowledged');
        update(entry, { delivery: rejected ? 'rejected' : 'acknowledged' });
        forgetOldest();
      },
      // Not delivered (offline, dropped, overdue): kept, and sent again after the next connect.
      () => {
        entry.sending = false;
      },
    );
  };

  const settle = (entry: Entry, answer: ToolAnswer) => {
    if (entry.answer || entry.invocation.state === 'cancelled') return;
    clearTimeout(entry.timer);
    entry.answer = answer;
    update(entry, 'result' in answer ? { state: 'succeeded', result: answer.result, delivery: 'pending' } : { state: 'failed', error: answer.error, delivery: 'pending' });
    deliver(entry);
  };

  const run = async (entry: Entry, prepared: PreparedTool, args: unknown) => {
    const { invocationId, threadId, toolCallId, name } = entry.invocation;
    const timeoutMs = prepared.tool.timeoutMs ?? deps.defaultTimeoutMs;
    entry.timer = setTimeout(() => {
      deps.count('timeouts');
      const message = `${name} did not finish within ${timeoutMs} ms`;
      entry.controller.abort(new DOMException(message, 'TimeoutError'));
      settle(entry, errorOf('timeout', message));
    }, timeoutMs);
    try {
      const result = await prepared.tool.execute(args, { signal: entry.controller.signal, threadId, toolCallId, invocationId });
      settle(entry, asJsonResult(name, result, maxResultBytes));
    } catch (error) {
      settle(entry, errorOf('tool_failed', error instanceof Error ? error.message : String(error)));
    }
  };

  const start = async (entry: Entry) => {
    const { name, args } = entry.invocation;
    let prepared: PreparedTool | undefined;
    try {
      prepared = await deps.tool(name);
    } catch (error) {
      return settle(entry, errorOf('tool_failed', `${name} could not be prepared: ${(error as Error).message}`));
    }
    // Cancelled, or the client closed, while the tool was being prepared: it never runs.
    if (disposed || entry.invocation.state !== 'running') return;
    if (!prepared) return settle(entry, errorOf('unknown_tool', `This browser offers no tool called ${name}`));
    let checked: ReturnType<PreparedTool['checkArgs']>;
    try {
      checked = prepared.checkArgs(args);
    } catch (error) {
      // A schema's own transform or check threw on these arguments: they are as unusable as invalid ones.
      checked = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (!checked.ok) {
      deps.count('invalidArgs');
      return settle(entry, errorOf('invalid_args', `Invalid arguments for ${name}: ${checked.message}`));
    }
    deps.count('invocations');
    update(entry, { parsedArgs: checked.args });
    await run(entry, prepared, checked.args);
  };

  return {
    invoke(request: OpenInvocation) {
      const known = entries.get(request.invocationId);
      if (known) {
        deps.count('duplicateInvocations');
        // The server asks again because it has no answer: send the kept one, even if acknowledged once before.
        if (known.answer && known.invocation.delivery === 'acknowledged') update(known, { delivery: 'pending' });
        deliver(known);
        return;
      }
      const entry: Entry = {
        invocation: { ...request, state: 'running', delivery: 'none' },
        controller: new AbortController(),
        sending: false,
      };
      entries.set(request.invocationId, entry);
      deps.onChange(entry.invocation);
      void start(entry);
    },

    cancel(invocationId: string, reason: string) {
      const entry = entries.get(invocationId);
      if (!entry || entry.invocation.state !== 'running') return;
      clearTimeout(entry.timer);
      deps.count('cancellations');
      entry.controller.abort(new DOMException(`The server cancelled the call: ${reason}`, 'AbortError'));
      update(entry, { state: 'cancelled', error: { code: 'cancelled', message: reason } });
    },

    /**
     * After a rebuild: a running invocation the server no longer lists was given up on there (a cut longer than its
     * window, a `tool:cancel` lost with held frames); it is cancelled here too.
     */
    cancelUnlisted(openInvocationIds: ReadonlySet<string>) {
      for (const [invocationId, entry] of entries) {
        if (entry.invocation.state === 'running' && !openInvocationIds.has(invocationId)) this.cancel(invocationId, 'not-open');
      }
    },

    /** After a connect: every answer not yet acknowledged goes out again. */
    resendPending() {
      for (const entry of entries.values()) deliver(entry);
    },

    get: (invocationId: string) => entries.get(invocationId)?.invocation,

    /** The client closed: running tools are aborted, nothing more is sent. */
    dispose() {
      disposed = true;
      for (const entry of entries.values()) {
        clearTimeout(entry.timer);
        if (entry.invocation.state === 'running') entry.controller.abort(new DOMException('The client was closed', 'AbortError'));
      }
    },
  };
}

/**
 * Results travel as JSON: `undefined` becomes `null`, and a value JSON cannot carry fails the call instead, as does one
 * larger than the server and the chat stream accept (it would be refused after every reconnect).
 */
function asJsonResult(name: string, result: unknown, maxBytes: number): ToolAnswer {
  let text: string | undefined;
  try {
    text = JSON.stringify(result ?? null);
  } catch (error) {
    return errorOf('invalid_result', `${name} returned a value that is not JSON data: ${(error as Error).message}`);
  }
  if (text === undefined) return errorOf('invalid_result', `${name} returned a value that is not JSON data: a ${typeof result}`);
  if (text.length > maxBytes) return errorOf('result_too_large', `${name} returned ${text.length} characters of JSON, over the ${maxBytes} allowed`);
  return { result: JSON.parse(text) as unknown };
}
