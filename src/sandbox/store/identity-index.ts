/**
 * Finds a stored record by any of its identity keys, the first record to claim a key
 * keeping it. The tables hold numbers only — a 30-bit hash of the key → the claim
 * (record position and key source), see ClaimTable — so 200,000+ keys add no strings
 * to the heap and no pointers for the GC to trace; a candidate is confirmed by
 * recomputing its key from the record's current values, so a hash collision never
 * merges two records. A record whose identifier value later changes keeps its claim
 * on the old key: that key moves to `retired`, an exact string map (rare: only updates
 * of a known record that change an identifier).
 */
import type { RecordKind } from '../../shared/vocabulary';
import { ClaimTable } from './claim-table';
import { KEY_SOURCES, type KeySource } from './identity';

/** Key of record `position` from key source `source`, from its current values ('' if none). */
export type KeyOf = (position: number, source: number) => string;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Hashes are cut to 30 bits so they are small integers on every V8 build. */
const HASH_BITS = 0x3fffffff;

/** FNV-1a over the UTF-16 code units of text[start, end) (exported for tests that need two keys with one hash). */
export function hashSpan(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash & HASH_BITS;
}

/**
 * A record's identity keys, one per KEY_SOURCES entry ('' for none), with their hashes;
 * reused row after row. A key can be given as a span of a larger text (the row's batch):
 * it is hashed in place and only cut out as a string if a candidate record has to be
 * compared with it, which for a new record's keys is almost never.
 */
export class KeySet {
  private readonly strings: string[];
  private readonly hashes: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Per key: whether `strings` holds it (else it is text[starts, ends)). */
  private readonly cut: boolean[];
  private text = '';

  constructor(kind: RecordKind) {
    this.strings = KEY_SOURCES[kind].map(() => '');
    this.hashes = new Int32Array(this.strings.length);
    this.starts = new Int32Array(this.strings.length);
    this.ends = new Int32Array(this.strings.length);
    this.cut = this.strings.map(() => true);
  }

  static of(kind: RecordKind, keys: readonly string[]): KeySet {
    const set = new KeySet(kind);
    keys.forEach((key, i) => set.set(i, key));
    return set;
  }

  get size(): number {
    return this.strings.length;
  }

  set(source: number, key: string): void {
    this.strings[source] = key;
    this.cut[source] = true;
    this.hashes[source] = key === '' ? 0 : hashSpan(key, 0, key.length);
  }

  /** The key is text[start, end); every span given to one KeySet row after row must be of the text last given. */
  setSpan(source: number, text: string, start: number, end: number): void {
    if (start >= end) {
      this.set(source, '');
      return;
    }
    this.text = text;
    this.starts[source] = start;
    this.ends[source] = end;
    this.cut[source] = false;
    this.hashes[source] = hashSpan(text, start, end);
  }

  has(source: number): boolean {
    return this.cut[source] === true ? this.strings[source] !== '' : (this.ends[source] ?? 0) > (this.starts[source] ?? 0);
  }

  key(source: number): string {
    if (this.cut[source] !== true) {
      this.strings[source] = this.text.slice(this.starts[source], this.ends[source]);
      this.cut[source] = true;
    }
    return this.strings[source] ?? '';
  }

  hash(source: number): number {
    return this.hashes[source] ?? 0;
  }

  /** False when there is no key at all (such a row has no identifier). */
  get any(): boolean {
    for (let source = 0; source < this.size; source += 1) if (this.has(source)) return true;
    return false;
  }
}

export class IdentityIndex {
  private readonly sources: readonly KeySource[];
  /** Per key space: hash → claims (position × sources + source). */
  private readonly claims: ClaimTable[];
  /** `${space}:${key}` → position, for keys no longer in their claimant's values. */
  private readonly retired = new Map<string, number>();

  constructor(kind: RecordKind, private readonly keyOf: KeyOf) {
    this.sources = KEY_SOURCES[kind];
    const spaces = Math.max(...this.sources.map((source) => source.space)) + 1;
    this.claims = Array.from({ length: spaces }, () => new ClaimTable());
  }

  /** The position of the record holding the first of the keys (in KEY_SOURCES order) that any record holds, or -1. */
  find(set: KeySet): number {
    for (let source = 0; source < set.size; source += 1) {
      if (!set.has(source)) continue;
      const position = this.holder(this.spaceOf(source), set, source);
      if (position >= 0) return position;
    }
    return -1;
  }

  /** Makes room for the keys of `records` more records. */
  reserve(records: number): void {
    const perSpace = new Map<number, number>();
    for (const source of this.sources) perSpace.set(source.space, (perSpace.get(source.space) ?? 0) + records);
    for (const [space, count] of perSpace) this.table(space).reserve(count);
  }

  /** Claims each of the record's keys that no record holds yet. */
  claim(position: number, set: KeySet): void {
    this.claimKeys(position, set, true);
  }

  /** claim() for a new record after find() came back empty for the same keys: none is held, so none is looked up again. */
  claimUnheld(position: number, set: KeySet): void {
    this.claimKeys(position, set, false);
  }

  /**
   * Call once a record's values have changed: `before` and `after` are its keys then and
   * now. Keys it claimed and no longer has retire (it keeps them); new keys are claimed.
   */
  update(position: number, before: KeySet, after: KeySet): void {
    for (let source = 0; source < before.size; source += 1) {
      const old = before.key(source);
      if (old === '' || old === after.key(source)) continue;
      const space = this.spaceOf(source);
      // Only a key the record claimed moves; one it merely had (another record held it) stays with that record.
      if (this.table(space).remove(before.hash(source), position * this.sources.length + source)) this.retired.set(`${space}:${old}`, position);
    }
    this.claim(position, after);
  }

  private claimKeys(position: number, set: KeySet, lookUp: boolean): void {
    for (let source = 0; source < set.size; source += 1) {
      if (!set.has(source)) continue;
      const space = this.spaceOf(source);
      const hash = set.hash(source);
      if (lookUp ? this.holder(space, set, source) >= 0 : this.earlierInSpace(set, source)) continue;
      this.table(space).add(hash, position * this.sources.length + source);
    }
  }

  /** True when an earlier key of the set is the same key in the same space (one address as work and personal email). */
  private earlierInSpace(set: KeySet, source: number): boolean {
    for (let i = 0; i < source; i += 1) {
      if (set.has(i) && this.spaceOf(i) === this.spaceOf(source) && set.hash(i) === set.hash(source) && set.key(i) === set.key(source)) return true;
    }
    return false;
  }

  private spaceOf(source: number): number {
    const space = this.sources[source]?.space;
    if (space === undefined) throw new RangeError(`no identity key source ${source}`);
    return space;
  }

  /** The position holding key `source` of `set` in `space`, or -1. */
  private holder(space: number, set: KeySet, source: number): number {
    const table = this.table(space);
    const hash = set.hash(source);
    for (let slot = table.first(hash); slot >= 0; slot = table.next(slot, hash)) {
      const claim = table.claimAt(slot);
      if (this.holds(claim, set.key(source))) return Math.floor(claim / this.sources.length);
    }
    if (this.retired.size === 0) return -1;
    return this.retired.get(`${space}:${set.key(source)}`) ?? -1;
  }

  private holds(claim: number, key: string): boolean {
    return this.keyOf(Math.floor(claim / this.sources.length), claim % this.sources.length) === key;
  }

  private table(space: number): ClaimTable {
    const table = this.claims[space];
    if (table === undefined) throw new RangeError(`no key space ${space}`);
    return table;
  }
}
