/**
 * `Authorization: Bearer <key>` against the one configured key (401 otherwise), then
 * `Team-ID` when the sandbox was given a team: a request that names another team gets
 * 403 access_denied (the key is fine, the team is not yours), which is what GetSales
 * means by "no access". Messages never echo the key.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './http/errors';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Returns the key the request authenticated with (the rate limit counts per key). */
export function authenticate(req: IncomingMessage, apiKey: string, teamId: string | undefined): string {
  const authorization = headerValue(req, 'authorization');
  if (authorization === undefined || authorization.trim() === '') {
    throw new ApiError(401, 'auth_exception', 'Missing API key: send "Authorization: Bearer <API key>" (create one in Workspace Settings → API Keys).');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (match === null) {
    throw new ApiError(401, 'auth_exception', 'The Authorization header must be "Bearer <API key>".');
  }
  const key = match[1] ?? '';
  if (!timingSafeEqual(digest(key), digest(apiKey))) {
    throw new ApiError(401, 'auth_exception', 'The API key is invalid or expired.');
  }
  const team = headerValue(req, 'team-id');
  if (teamId !== undefined && team !== undefined && team.trim() !== teamId) {
    throw new ApiError(403, 'access_denied', `This API key has no access to team "${team.trim()}".`);
  }
  return key;
}
