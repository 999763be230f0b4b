/**
 * Recognises host messages. Only the extension host can post into this frame, so this
 * is a sanity check on the discriminator (ignoring stray messages, e.g. from browser
 * extensions in tests), not a full decode: the host built these from checked data.
 */
import type { HostMessage, HostMessageType } from '../src/shared/protocol';

const HOST_MESSAGE_TYPES: ReadonlySet<string> = new Set<HostMessageType>(['init', 'review', 'lists', 'createListResult', 'startFailed', 'rereadFailed', 'job']);

export function asHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const type: unknown = (data as { type?: unknown }).type;
  return typeof type === 'string' && HOST_MESSAGE_TYPES.has(type) ? (data as HostMessage) : null;
}
