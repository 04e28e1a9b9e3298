import { Validator } from '@cfworker/json-schema';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describeIssue } from '../../protocol/describe-issue.js';
import { type ToolDescriptor } from '../../protocol/index.js';
import type { ClientTool, JsonSchema } from './types.js';

export type ArgsCheck = { ok: true; args: unknown } | { ok: false; message: string };

/** A registered tool with what the wire and the argument check need. */
export interface PreparedTool {
  tool: ClientTool<unknown, unknown>;
  descriptor: ToolDescriptor;
  checkArgs(args: unknown): ArgsCheck;
}

const errorsShown = 3;

const isValibotSchema = (parameters: ClientTool['parameters']): parameters is v.GenericSchema =>
  (parameters as { '~standard'?: { vendor?: unknown } })['~standard']?.vendor === 'valibot';

/** Converts a valibot schema for the wire (parts JSON Schema cannot say are left out) and builds the argument check. */
export function prepareTool(tool: ClientTool<unknown, unknown>): PreparedTool {
  const { parameters } = tool;
  if (isValibotSchema(parameters)) {
    return {
      tool,
      descriptor: { name: tool.name, description: tool.description, parameters: toJsonSchema(parameters, { errorMode: 'ignore' }) as JsonSchema },
      checkArgs(args) {
        const parsed = v.safeParse(parameters, args);
        return parsed.success ? { ok: true, args: parsed.output } : { ok: false, message: describeIssue(parsed.issues) };
      },
    };
  }
  const validator = new Validator(parameters as ConstructorParameters<typeof Validator>[0], '2020-12', false);
  return {
    tool,
    descriptor: { name: tool.name, description: tool.description, parameters },
    checkArgs(args) {
      let result: ReturnType<Validator['validate']>;
      try {
        result = validator.validate(args);
      } catch (error) {
        return { ok: false, message: `the parameters schema could not be applied: ${(error as Error).message}` };
      }
      if (result.valid) return { ok: true, args };
      const leaves = result.errors.filter((error) => !result.errors.some((other) => other !== error && other.keywordLocation.startsWith(`${error.keywordLocation}/`)));
      return { ok: false, message: leaves.slice(0, errorsShown).map((error) => `${error.instanceLocation}: ${error.error}`).join('; ') };
    },
  };
}
