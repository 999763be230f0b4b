/**
 * Where the API key may be sent. HTTPS only, except plain HTTP to this machine (a local
 * sandbox or proxy): a typo or a hostile value must not send the key in clear text.
 */
import { UserError } from '../user-error';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Returns the URL without a trailing slash, or throws a UserError that opens the setting. */
export function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`The GetSales API URL "${value}" is not a valid URL. Fix getsales.apiBaseUrl in the settings (default https://amazing.getsales.io).`, ['openSettings']);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UserError(`The GetSales API URL must start with https:// (plain http:// only for localhost). Fix getsales.apiBaseUrl in the settings.`, ['openSettings']);
  }
  if (url.username || url.password) {
    throw new UserError('The GetSales API URL must not contain a user name or password. Fix getsales.apiBaseUrl in the settings.', ['openSettings']);
  }
  return url.href.replace(/\/+$/, '');
}
