/**
 * Remembering confirmed mappings: saved under a fingerprint of the file's headers, so the
 * next file with the same headers (the weekly export from the same CRM) is proposed the
 * same mapping first. Storage is an injected key-value port; the host passes VS Code's
 * globalState. What comes back from storage is checked, never trusted.
 */
import { createHash } from 'node:crypto';
import { arrayOf, lenient, nullable, object, oneOf, skipInvalid, string } from '../../shared/decode';
import { type ColumnMapping, RECORD_KINDS, type RecordKind } from '../../shared/vocabulary';
import { Emitter, type Event } from '../jobs/emitter';
import type { KeyValuePort } from '../key-value-port';
import { isKnownField, normalizeHeader } from './catalogue';

export const MAPPING_MEMORY_KEY = 'getsalesCsv.mappingMemory.v1';
const DEFAULT_MAX_ENTRIES = 50;

interface Entry {
  readonly kind: RecordKind;
  readonly fingerprint: string;
  readonly mapping: (string | null)[];
}

/** Stable across sessions and machines; the same for headers that differ only in case, spacing, accents or punctuation. */
export function headerFingerprint(headers: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(headers.map(normalizeHeader))).digest('hex').slice(0, 32);
}

function decodeEntry(value: unknown, path: string): Entry {
  const entry = object(value, path);
  return {
    kind: oneOf(entry.kind, `${path}.kind`, RECORD_KINDS),
    fingerprint: string(entry.fingerprint, `${path}.fingerprint`),
    mapping: arrayOf(entry.mapping, `${path}.mapping`, (field, at) => nullable(field, at, string)),
  };
}

/** A remembered mapping that no longer reads is only a lost suggestion: nothing to tell anyone. */
const forget = (): void => undefined;

export class MappingMemory {
  private readonly maxEntries: number;
  private readonly changed = new Emitter<void>();
  /** Fires after a mapping was remembered or forgotten (the editor's hints follow it). */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly store: KeyValuePort, options: { maxEntries?: number } = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  private entries(): Entry[] {
    const stored = this.store.get<unknown>(MAPPING_MEMORY_KEY);
    return lenient(stored, MAPPING_MEMORY_KEY, (value, path) => skipInvalid(value, path, decodeEntry, forget), [], forget);
  }

  /** The mapping confirmed last for these headers, or undefined. Unknown fields read back as null. */
  recall(kind: RecordKind, headers: readonly string[]): (string | null)[] | undefined {
    const fingerprint = headerFingerprint(headers);
    const entry = this.entries().find((e) => e.kind === kind && e.fingerprint === fingerprint);
    if (entry === undefined || entry.mapping.length !== headers.length) return undefined;
    return entry.mapping.map((field) => (field !== null && isKnownField(kind, field) ? field : null));
  }

  /** Saves `mapping` for these headers, newest first; the oldest entries beyond the cap are dropped. */
  async remember(kind: RecordKind, headers: readonly string[], mapping: ColumnMapping): Promise<void> {
    if (mapping.length !== headers.length) throw new Error(`The mapping has ${mapping.length} columns but the file has ${headers.length}.`);
    const fingerprint = headerFingerprint(headers);
    const others = this.entries().filter((e) => !(e.kind === kind && e.fingerprint === fingerprint));
    const entry: Entry = { kind, fingerprint, mapping: [...mapping] };
    await this.store.update(MAPPING_MEMORY_KEY, [entry, ...others].slice(0, this.maxEntries));
    this.changed.fire();
  }

  async forget(kind: RecordKind, headers: readonly string[]): Promise<void> {
    const fingerprint = headerFingerprint(headers);
    await this.store.update(MAPPING_MEMORY_KEY, this.entries().filter((e) => !(e.kind === kind && e.fingerprint === fingerprint)));
    this.changed.fire();
  }
}
