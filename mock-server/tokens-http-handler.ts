import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { guardLocalSwitch } from './guard-local-switch.js';
import { errorBody, readJsonBody, sendJson } from './http-json.js';

const tokenBodySchema = v.strictObject({ token: v.pipe(v.string(), v.minLength(1)) });

export const isTokensPath = (url: string | undefined) => /^\/__tokens(\/|\?|$)/.test(url ?? '');

export interface TokenSwitch {
  revokeToken(token: string): void;
  acceptToken(token: string): void;
}

/**
 * Serves `POST /__tokens/revoke` and `POST /__tokens/accept` with `{ "token": "..." }`, so a browser test can
 * revoke the token of a running client. Local callers only, like `/__faults`.
 */
export function createTokensHttpHandler(tokens: TokenSwitch) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (guardLocalSwitch(request, response, { name: 'The token switch', methods: 'POST' }) === 'answered') return;
    const route = `${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://mock.local').pathname}`;
    if (route !== 'POST /__tokens/revoke' && route !== 'POST /__tokens/accept') return sendJson(response, 404, errorBody('not_found', `No ${route}.`));
    const body = await readJsonBody(request);
    if (!body.ok) return sendJson(response, body.status, errorBody(body.code, body.message));
    const parsed = v.safeParse(tokenBodySchema, body.json);
    if (!parsed.success) return sendJson(response, 400, errorBody('invalid_request', 'The body must be { "token": "<a non-empty string>" }.'));
    const { token } = parsed.output;
    const accepted = route === 'POST /__tokens/accept';
    if (accepted) tokens.acceptToken(token);
    else tokens.revokeToken(token);
    return sendJson(response, 200, { token, accepted });
  };
}
