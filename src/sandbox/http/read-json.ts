/**
 * Reads a JSON request body: checks the content type, caps the size, turns malformed
 * JSON into a 400 envelope and a non-object into a 400 too. Also reports keys that
 * appear twice in one object, which JSON.parse would silently collapse (the contract
 * says a field appears once in `columns`).
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './errors';
import { duplicateKeyPaths } from './duplicate-keys';
import { messageOf } from '../../core/message-of';

const MAX_JSON_BYTES = 32 * 1024 * 1024; // room for an export of ~100,000 hand-picked uuids

export interface JsonBody {
  readonly value: Record<string, unknown>;
  /** Paths such as `columns.first_name` of keys that occur more than once in their object. */
  readonly duplicateKeys: readonly string[];
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) {
      throw new ApiError(413, 'validation_error', `The JSON body is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB.`, undefined, { connection: 'close' });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty body reads as `{}` so that missing fields get their own 422 messages. */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const type = req.headers['content-type'];
  if (type !== undefined && type !== '' && !/\bjson\b/i.test(type)) {
    throw badRequest(`Send the body as JSON with "Content-Type: application/json" (got "${type}").`);
  }
  const text = await readText(req);
  if (text.trim() === '') return { value: {}, duplicateKeys: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${messageOf(error)}`);
  }
  if (!isRecord(parsed)) throw badRequest('The JSON body must be an object.');
  return { value: parsed, duplicateKeys: duplicateKeyPaths(text) };
}
