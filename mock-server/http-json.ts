import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export type JsonBodyResult = { ok: true; json: unknown } | { ok: false; status: 400 | 413; code: 'invalid_json' | 'too_large'; message: string };

const maxBodyBytes = 1_000_000;

/** Reads and parses a request's JSON body. */
export async function readJsonBody(request: IncomingMessage): Promise<JsonBodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return { ok: false, status: 413, code: 'too_large', message: `The body is over ${maxBodyBytes} bytes.` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, status: 400, code: 'invalid_json', message: `The body is not JSON: ${(error as Error).message}` };
  }
}
