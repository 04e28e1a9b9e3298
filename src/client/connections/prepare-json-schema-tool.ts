import { Validator } from '@cfworker/json-schema';
import type { PreparedTool } from './prepare-tool.js';
import type { ClientTool } from './types.js';

const errorsShown = 3;

/** A tool whose parameters are a JSON Schema: sent as given, arguments checked by a validator that needs no `eval`. */
export function prepareJsonSchemaTool(tool: ClientTool<unknown, unknown>): PreparedTool {
  const parameters = tool.parameters as Record<string, unknown>;
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
      // The innermost errors name the field; the ones above them only say that something below failed.
      const leaves = result.errors.filter((error) => !result.errors.some((other) => other !== error && other.keywordLocation.startsWith(`${error.keywordLocation}/`)));
      return { ok: false, message: leaves.slice(0, errorsShown).map((error) => `${error.instanceLocation}: ${error.error}`).join('; ') };
    },
  };
}
