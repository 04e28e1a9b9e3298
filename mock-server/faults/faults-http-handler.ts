import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { errorBody, readJsonBody, sendJson } from '../http-json.js';
import { guardLocalSwitch } from '../guard-local-switch.js';
import type { FaultControls } from './fault-injector.js';
import { parseFaultSchedule } from './fault-schedule.js';

const replayWindowSchema = v.strictObject({ ms: v.pipe(v.number(), v.integer(), v.minValue(0)) });

export const isFaultsPath = (url: string | undefined) => /^\/__faults(\/|\?|$)/.test(url ?? '');

/**
 * Serves `/__faults` for tests and pages on a local origin: GET, POST and DELETE the schedule, and POST
 * `/restart-epoch`, `/expire-replay` and `/replay-window`. No token: the mock server only listens locally,
 * and requests from elsewhere (another address or a non-local Origin) are refused.
 */
export function createFaultsHttpHandler(faults: FaultControls) {
  const state = () => ({ schedule: faults.schedule(), stats: faults.stats() });

  return async (request: IncomingMessage, response: ServerResponse) => {
    if (guardLocalSwitch(request, response, { name: 'The fault switch', methods: 'GET, POST, DELETE' }) === 'answered') return;
    const route = `${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://mock.local').pathname}`;
    switch (route) {
      case 'GET /__faults':
        return sendJson(response, 200, state());
      case 'DELETE /__faults':
        return sendJson(response, 200, { schedule: null, stats: faults.clear() });
      case 'POST /__faults': {
        const body = await readJsonBody(request);
        if (!body.ok) return sendJson(response, body.status, errorBody(body.code, body.message));
        const parsed = parseFaultSchedule(body.json);
        if (!parsed.ok) return sendJson(response, 400, errorBody('invalid_schedule', `Invalid fault schedule: ${parsed.reason}`));
        faults.set(parsed.schedule);
        return sendJson(response, 200, state());
      }
      case 'POST /__faults/restart-epoch':
        faults.restartEpoch();
        return sendJson(response, 200, state());
      case 'POST /__faults/expire-replay':
        faults.expireReplay();
        return sendJson(response, 200, state());
      case 'POST /__faults/replay-window': {
        const body = await readJsonBody(request);
        if (!body.ok) return sendJson(response, body.status, errorBody(body.code, body.message));
        const parsed = v.safeParse(replayWindowSchema, body.json);
        if (!parsed.success) return sendJson(response, 400, errorBody('invalid_request', 'The body must be { "ms": <integer of at least 0> }.'));
        faults.setReplayWindowMs(parsed.output.ms);
        return sendJson(response, 200, { replayWindowMs: parsed.output.ms });
      }
      default:
        return sendJson(response, 404, errorBody('not_found', `No ${route}.`));
    }
  };
}
