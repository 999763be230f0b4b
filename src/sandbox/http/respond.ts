/**
 * Every response body leaves through these helpers, so a drop/truncate fault set on a
 * response (see faults.ts) cuts JSON answers and file downloads alike.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { type ApiError, errorEnvelope } from './errors';

/**
 * How a fault mangles the answer: `drop` sends about half of the body, `truncate` the
 * first N bytes, then the socket dies; `lose` kills the socket before the status line
 * (the request was carried out, its answer never arrives).
 */
export type BodyCut = { readonly kind: 'drop' } | { readonly kind: 'truncate'; readonly bytes: number } | { readonly kind: 'lose' };

/** True (and the socket destroyed) when the answer is to be lost altogether. */
function loseAnswer(res: ServerResponse): boolean {
  if (cuts.get(res)?.kind !== 'lose') return false;
  res.destroy();
  return true;
}

const cuts = new WeakMap<ServerResponse, BodyCut>();

export function setBodyCut(res: ServerResponse, cut: BodyCut): void {
  cuts.set(res, cut);
}

/** Bytes of a body of `length` to send before destroying the socket, or undefined for the whole body. */
function cutAt(res: ServerResponse, length: number): number | undefined {
  const cut = cuts.get(res);
  if (cut === undefined || cut.kind === 'lose') return undefined;
  const limit = cut.kind === 'drop' ? Math.floor(length / 2) : cut.bytes;
  return limit < length ? limit : undefined;
}

type Headers = Record<string, string | number>;

/** Headers go out, then `bytes` of body, then the socket is destroyed: the client sees a broken response. */
function sendPrefixAndDestroy(res: ServerResponse, status: number, headers: Headers, prefix: Buffer): void {
  res.writeHead(status, headers);
  if (prefix.length === 0) {
    res.flushHeaders();
    res.socket?.end();
    return;
  }
  res.write(prefix, () => res.destroy());
}

export function sendBody(res: ServerResponse, status: number, headers: Headers, body: Buffer): void {
  if (loseAnswer(res)) return;
  const limit = cutAt(res, body.length);
  if (limit !== undefined) {
    sendPrefixAndDestroy(res, status, headers, body.subarray(0, limit));
    return;
  }
  res.writeHead(status, headers);
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Headers = {}): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  sendBody(res, status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, ...headers }, body);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, errorEnvelope(error.status, error.reason, error.message, error.data), { ...error.headers });
}

/** Streams a file of known size; honours a body cut by stopping early and destroying the socket. */
export async function streamFile(res: ServerResponse, status: number, headers: Headers, path: string, size: number): Promise<void> {
  if (loseAnswer(res)) return;
  const allHeaders = { ...headers, 'content-length': size };
  const limit = cutAt(res, size);
  const source = createReadStream(path);
  if (limit === undefined) {
    res.writeHead(status, allHeaders);
    await pipeline(source, res).catch(() => undefined); // a client hanging up mid-download is not our error
    return;
  }
  let sent = 0;
  res.writeHead(status, allHeaders);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const room = limit - sent;
      if (chunk.length < room) {
        sent += chunk.length;
        if (!res.write(chunk)) await once(res, 'drain');
        continue;
      }
      if (room > 0) res.write(chunk.subarray(0, room), () => res.destroy());
      else res.destroy();
      return;
    }
  } finally {
    source.destroy();
  }
}
