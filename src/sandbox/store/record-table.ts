/**
 * The contacts or the companies of the team, in columns, in creation order (exports
 * rely on it), with the identity index for dedupe. A record is a position; what it
 * costs the heap is a few array slots:
 * - its uuid is a number into a UuidSource (no string per record);
 * - an imported record's values are not copied: it keeps (row source, row) and reads
 *   the cells from the upload's packed batch when asked (see RowSource);
 * - seeded records, and imported ones once an update rewrote them, own their values.
 * `M` is list membership: one list uuid per contact, a list of them per company
 * (shared between records until one changes, then replaced).
 */
import type { RecordKind } from '../../shared/vocabulary';
import { KEY_SOURCES, identityKeys } from './identity';
import { IdentityIndex, KeySet } from './identity-index';
import { IntColumn } from './int-column';
import type { RecordReader } from './records';
import { rowValue, rowValues, type RowSource } from './row-values';
import { UuidSource } from './uuid-source';

/** `uuidIds` value of a record whose uuid was given (seed data): the uuid is in `givenUuids`. */
const GIVEN_UUID = -1;
/** `sourceOf` value of a record that owns its values. */
const OWNS_VALUES = -1;

export class RecordTable<M> implements RecordReader<M> {
  private readonly uuidSource = new UuidSource();
  private readonly uuidIds = new IntColumn();
  private readonly givenUuids = new Map<number, string>();
  private readonly created: string[] = [];
  private readonly updated: string[] = [];
  private readonly lists: M[] = [];
  private readonly sourceOf = new IntColumn();
  private readonly rowOf = new IntColumn();
  private readonly sources: RowSource[] = [];
  private readonly owned = new Map<number, readonly string[]>();
  private readonly index: IdentityIndex;

  constructor(readonly kind: RecordKind) {
    this.index = new IdentityIndex(kind, (position, source) => this.keyOf(position, source));
  }

  get size(): number {
    return this.uuidIds.size;
  }

  /** Makes room for `count` more records (an import knows how many rows it has). */
  reserve(count: number): void {
    this.index.reserve(count);
  }

  /** Registers a batch of rows that records will be read from; returns its number for addFromRow. */
  addSource(source: RowSource): number {
    this.sources.push(source);
    return this.sources.length - 1;
  }

  /** A new record whose values are row `row` of source `source`; `keys` are its identity keys, for which find() just found no record. */
  addFromRow(source: number, row: number, at: string, lists: M, keys: KeySet): number {
    if (this.sources[source] === undefined) throw new RangeError(`no row source ${source}`);
    const position = this.push(this.uuidSource.next(), at, lists, source, row);
    this.index.claimUnheld(position, keys);
    return position;
  }

  /** A new record with the given values (and uuid, for seed data). */
  addWithValues(values: readonly string[], at: string, lists: M, uuid?: string): number {
    const position = this.push(uuid === undefined ? this.uuidSource.next() : GIVEN_UUID, at, lists, OWNS_VALUES, 0);
    if (uuid !== undefined) this.givenUuids.set(position, uuid);
    this.owned.set(position, [...values]);
    this.index.claim(position, this.keysOf(values));
    return position;
  }

  /** The record sharing any of `keys`, or -1. */
  find(keys: KeySet): number {
    return this.index.find(keys);
  }

  uuid(position: number): string {
    const id = this.uuidIds.get(position);
    return id === GIVEN_UUID ? this.givenUuids.get(position) ?? '' : this.uuidSource.text(id);
  }

  values(position: number): string[] {
    const owned = this.owned.get(position);
    if (owned !== undefined) return [...owned];
    const source = this.sources[this.sourceOf.get(position)];
    if (source === undefined) throw new RangeError(`record ${position} has no values`);
    return rowValues(source, this.rowOf.get(position));
  }

  /** Replaces a record's values; it is found by its new keys too (and still by the old ones). */
  setValues(position: number, values: readonly string[]): void {
    const before = this.keysOf(this.values(position));
    this.owned.set(position, [...values]);
    this.sourceOf.set(position, OWNS_VALUES);
    this.index.update(position, before, this.keysOf(values));
  }

  membership(position: number): M {
    return this.column(this.lists, position);
  }

  setMembership(position: number, lists: M): void {
    this.column(this.lists, position);
    this.lists[position] = lists;
  }

  createdAt(position: number): string {
    return this.column(this.created, position);
  }

  updatedAt(position: number): string {
    return this.column(this.updated, position);
  }

  touch(position: number, at: string): void {
    this.column(this.updated, position);
    this.updated[position] = at;
  }

  private keysOf(values: readonly string[]): KeySet {
    return KeySet.of(this.kind, identityKeys(this.kind, values));
  }

  private push(uuidId: number, at: string, lists: M, source: number, row: number): number {
    this.uuidIds.push(uuidId);
    this.created.push(at);
    this.updated.push(at);
    this.lists.push(lists);
    this.sourceOf.push(source);
    this.rowOf.push(row);
    return this.uuidIds.size - 1;
  }

  private column<T>(column: readonly T[], position: number): T {
    if (position < 0 || position >= column.length) throw new RangeError(`no record ${position} (size ${column.length})`);
    return column[position] as T;
  }

  /** One identity key of a record from its current values, for the index to confirm a candidate. */
  private keyOf(position: number, source: number): string {
    const keySource = KEY_SOURCES[this.kind][source];
    if (keySource === undefined) return '';
    const owned = this.owned.get(position);
    if (owned !== undefined) return keySource.normalize(owned[keySource.index] ?? '');
    const rows = this.sources[this.sourceOf.get(position)];
    return rows === undefined ? '' : keySource.normalize(rowValue(rows, this.rowOf.get(position), keySource.index));
  }
}
