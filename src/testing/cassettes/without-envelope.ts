import type { ServerEvent } from '../../protocol/index.js';
import type { EventBody } from '../scenarios/bind-scenario-event.js';

/** The event's own fields and `type`, as a scenario or the server's `publish` takes them. */
export function withoutEnvelope(event: ServerEvent): EventBody {
  const { id: _id, seq: _seq, threadId: _threadId, turnId: _turnId, ts: _ts, ...body } = event;
  return body as EventBody;
}
