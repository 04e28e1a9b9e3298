import * as v from 'valibot';
import { describeIssue } from '../../protocol/describe-issue.js';
import { entitiesResponseSchema } from '../../protocol/connection-events.js';
import { checkFrameLimits, ENTITIES_PATH, historyLimits, type EntitiesResponse, type FrameLimits } from '../../protocol/index.js';
import { fetchBoundedJson, malformed, type EndpointNames } from '../history-fetch.js';

const entitiesNames: EndpointNames = { code: 'entities', what: 'Entities' };

/** `GET /api/connections/entities?sessionId=`, held to the history limits and checked against the contract. */
export async function fetchEntities(options: {
  baseUrl: string;
  sessionId: string;
  token: string;
  fetch: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
  limits: FrameLimits;
}): Promise<EntitiesResponse> {
  const url = new URL(ENTITIES_PATH, options.baseUrl);
  url.searchParams.set('sessionId', options.sessionId);
  const body = await fetchBoundedJson(url, { ...options, maxBytes: options.limits.historyBytes }, entitiesNames);
  const checked = checkFrameLimits(body, historyLimits(options.limits));
  if (!checked.ok) throw malformed(entitiesNames, `${checked.reason}: ${checked.detail}`);
  const parsed = v.safeParse(entitiesResponseSchema, checked.frame);
  if (!parsed.success) throw malformed(entitiesNames, `invalid: ${describeIssue(parsed.issues)}`);
  return parsed.output;
}
