/**
 * Random (version 4) UUIDs for stored records, made 1,024 at a time, each known by its
 * number: a block of 1,024 is one hex string, and a uuid is cut from it (dashes added)
 * when asked for. `crypto.randomUUID()` is no good for 100,000+ records: it builds its
 * result by concatenating 20 short pieces, which V8 keeps as a tree of ~20 string nodes
 * (~500 bytes a uuid, a third of the heap of a 15 MB import before this).
 */
import { randomFillSync } from 'node:crypto';

const BLOCK = 1024;
const BYTES = 16;

export class UuidSource {
  private readonly blocks: string[] = [];
  private count = 0;

  /** A new uuid's number (0, 1, 2, …). */
  next(): number {
    if (this.count === this.blocks.length * BLOCK) this.blocks.push(randomHexBlock());
    this.count += 1;
    return this.count - 1;
  }

  text(id: number): string {
    const hex = this.blocks[Math.floor(id / BLOCK)];
    if (!Number.isInteger(id) || id < 0 || id >= this.count || hex === undefined) throw new RangeError(`no uuid ${id}`);
    const at = (id % BLOCK) * BYTES * 2;
    return `${hex.slice(at, at + 8)}-${hex.slice(at + 8, at + 12)}-${hex.slice(at + 12, at + 16)}-${hex.slice(at + 16, at + 20)}-${hex.slice(at + 20, at + 32)}`;
  }
}

function randomHexBlock(): string {
  const bytes = randomFillSync(Buffer.alloc(BLOCK * BYTES));
  for (let at = 0; at < bytes.length; at += BYTES) {
    bytes[at + 6] = ((bytes[at + 6] ?? 0) & 0x0f) | 0x40; // version 4
    bytes[at + 8] = ((bytes[at + 8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  }
  return bytes.toString('hex');
}
