import type { ToolDescriptor } from '../../protocol/index.js';
import type { ClientTool } from './types.js';

export type ArgsCheck = { ok: true; args: unknown } | { ok: false; message: string };

/** A registered tool with what the wire and the argument check need. */
export interface PreparedTool {
  tool: ClientTool<unknown, unknown>;
  descriptor: ToolDescriptor;
  checkArgs(args: unknown): ArgsCheck;
}

export const isValibotSchema = (parameters: ClientTool['parameters']): boolean =>
  (parameters as { '~standard'?: { vendor?: unknown } })['~standard']?.vendor === 'valibot';

/**
 * Builds the wire descriptor and the argument check of a tool. The converter (valibot) or the validator (JSON
 * Schema) loads on first need, so an app pays only for the kind of schema it uses.
 */
export async function prepareTool(tool: ClientTool<unknown, unknown>): Promise<PreparedTool> {
  if (isValibotSchema(tool.parameters)) return (await import('./prepare-valibot-tool.js')).prepareValibotTool(tool);
  return (await import('./prepare-json-schema-tool.js')).prepareJsonSchemaTool(tool);
}
