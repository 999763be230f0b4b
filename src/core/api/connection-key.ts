/**
 * Which server and which account a job went to, as one string kept on the job (so
 * "imported before?" only looks at jobs of the same connection): the base URL and a
 * digest of the credentials, the same digest the rate limiter keys its buckets by, so
 * the key itself is never kept. The local sandbox keeps its data across reloads but
 * gets a new port and a new key each time it starts, so it has one fixed key instead.
 */
import { keyId } from './limiter';
import type { Credentials } from './models';

export const LOCAL_SANDBOX_CONNECTION_KEY = 'local-sandbox';

export function connectionKey(baseUrl: string, credentials: Credentials): string {
  // A Team-ID can point one key at another team: another account, for our purpose.
  const account = credentials.teamId === undefined ? credentials.apiKey : `${credentials.apiKey}\n${credentials.teamId}`;
  // One spelling per server, whether or not a trailing slash was typed.
  return `${baseUrl.replace(/\/+$/, '')} ${keyId(account)}`;
}
