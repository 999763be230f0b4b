/**
 * What a cell value looks like: the checks behind row validation ("is this an email?")
 * and behind content sniffing in header matching ("this column holds LinkedIn URLs").
 * Deliberately practical rather than RFC-complete: they catch what people actually get
 * wrong in spreadsheets (spaces, two addresses in one cell, "(at)", a company page in a
 * person's LinkedIn column).
 */

const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const EMAIL_DOMAIN = new RegExp(String.raw`^(?:${LABEL}\.)+\p{L}{2,63}$`, 'u');
const EMAIL_LOCAL = /^[^\s@<>()[\]\\,;:"]+$/u;

export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1 || value.length > 254) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!EMAIL_LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return EMAIL_DOMAIN.test(domain);
}

/** Big free-mail providers: an address there is a personal one. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'icloud.com', 'me.com',
  'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.ru', 'yandex.ru', 'yahoo.co.uk', 'hotmail.co.uk',
]);

export function isFreeMailAddress(email: string): boolean {
  return FREE_MAIL.has(email.slice(email.lastIndexOf('@') + 1).toLowerCase());
}

export type LinkedInKind = 'person' | 'company';

export type LinkedInVerdict =
  /** A profile URL of the expected kind (person: /in/, /sales/lead/…; company: /company/…). */
  | 'url'
  /** A nickname, ln_id, sn_id or URN: one token without spaces. */
  | 'id'
  /** A LinkedIn URL of the other kind (a company page in a person's column, or the reverse). */
  | 'wrong-kind'
  /** A LinkedIn URL that points at no profile (the feed, a post, a search). */
  | 'not-a-profile'
  /** A URL of another site. */
  | 'other-site'
  /** Anything else: spaces, an email address, punctuation. */
  | 'invalid';

const LINKEDIN_URL = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com(?:\/(.*))?$/i;
const PERSON_PATH = /^(?:(?:in|pub|sales\/lead|sales\/people|talent\/profile)\/[^\s/?#]+|profile\/view\?id=[^\s&]+)/i;
const COMPANY_PATH = /^(?:company|school|showcase|sales\/company)\/[^\s/]+/i;
const HANDLE = /^[\p{L}\p{N}\p{M}_%-]{2,200}$/u;
const URN = /^urn:li:[a-z_]+:[\w(),%-]+$/i;
const ANY_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i;

/** `value` is trimmed and non-empty. */
export function classifyLinkedIn(value: string, kind: LinkedInKind): LinkedInVerdict {
  const url = LINKEDIN_URL.exec(value);
  if (url) {
    const path = url[1] ?? '';
    const person = PERSON_PATH.test(path);
    const company = COMPANY_PATH.test(path);
    if ((kind === 'person' && person) || (kind === 'company' && company)) return 'url';
    return person || company ? 'wrong-kind' : 'not-a-profile';
  }
  if (ANY_URL.test(value)) return 'other-site';
  if (HANDLE.test(value) || URN.test(value)) return 'id';
  return 'invalid';
}

export function isLinkedInUrl(value: string, kind: LinkedInKind): boolean {
  return LINKEDIN_URL.test(value) && classifyLinkedIn(value, kind) === 'url';
}

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** "acme.com", "www.acme.co.uk": a bare host name, no scheme or path. */
export function looksLikeDomain(value: string): boolean {
  return DOMAIN.test(value);
}

/** A web address of something other than LinkedIn. */
export function looksLikeWebUrl(value: string): boolean {
  if (!ANY_URL.test(value) || LINKEDIN_URL.test(value)) return false;
  return /^(?:https?:\/\/|www\.)/i.test(value);
}

const PHONE_CHARS = /^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i;

/** 7 to 15 digits with the usual separators and an optional extension. */
export function looksLikePhone(value: string): boolean {
  if (!PHONE_CHARS.test(value)) return false;
  const digits = value.replace(/(?:ext\.?|x)\s*\d+$/i, '').replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}
