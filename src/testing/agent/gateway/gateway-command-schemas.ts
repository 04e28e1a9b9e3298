import * as v from 'valibot';
import { toolErrorSchema } from '../../../protocol/connection-events.js';
import type { ConnectionCommandName, ConnectionCommandRequest } from '../../../protocol/index.js';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const toolDescriptorSchema = v.object({
  name: id,
  description: v.pipe(v.string(), v.maxLength(10_000)),
  parameters: v.record(v.string(), v.unknown()),
});

/** Requests the gateway accepts, one schema per command of `ConnectionCommands`. */
export const gatewayCommandSchemas = {
  'connections:subscribe': v.object({ lastEventId: v.optional(v.string()) }),
  'tools:sync': v.object({ revision: v.pipe(v.number(), v.integer(), v.minValue(0)), tools: v.pipe(v.array(toolDescriptorSchema), v.maxLength(500)) }),
  'tool:result': v.object({ invocationId: id, result: v.unknown() }),
  'tool:error': v.object({ invocationId: id, error: toolErrorSchema }),
  'connection:ping': v.object({}),
} satisfies { [C in ConnectionCommandName]: v.GenericSchema<unknown, ConnectionCommandRequest<C>> };

export function isGatewayCommandName(name: string): name is ConnectionCommandName {
  return Object.hasOwn(gatewayCommandSchemas, name);
}
