import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describeIssue } from '../../protocol/describe-issue.js';
import type { PreparedTool } from './prepare-tool.js';
import type { ClientTool, JsonSchema } from './types.js';

/** A tool whose parameters are a valibot schema: converted for the wire (what JSON Schema cannot say is left out), checked by valibot. */
export function prepareValibotTool(tool: ClientTool<unknown, unknown>): PreparedTool {
  const schema = tool.parameters as v.GenericSchema;
  return {
    tool,
    descriptor: { name: tool.name, description: tool.description, parameters: toJsonSchema(schema, { errorMode: 'ignore' }) as JsonSchema },
    checkArgs(args) {
      const parsed = v.safeParse(schema, args);
      return parsed.success ? { ok: true, args: parsed.output } : { ok: false, message: describeIssue(parsed.issues) };
    },
  };
}
