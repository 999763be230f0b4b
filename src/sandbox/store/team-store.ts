/**
 * The team's data: lists, tags, and the contacts and companies (RecordTable each, with
 * the identity indexes for dedupe).
 */
import { randomUUID } from 'node:crypto';
import type { ListRecord } from './records';
import type { TagRecord } from './tag-record';
import { RecordTable } from './record-table';
import { isoNow } from '../time';

export class TeamStore {
  readonly lists = new Map<string, ListRecord>();
  readonly tags = new Map<string, TagRecord>();
  /** Membership: the contact's one list uuid. */
  readonly contacts = new RecordTable<string>('contacts');
  /** Membership: the company's list uuids (maybe none). */
  readonly companies = new RecordTable<readonly string[]>('companies');
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  createList(name: string, uuid: string = randomUUID(), at: string = isoNow()): ListRecord {
    const list: ListRecord = { uuid, seq: this.nextSeq(), name, created_at: at, updated_at: at };
    this.lists.set(uuid, list);
    return list;
  }

  createTag(name: string, uuid: string = randomUUID(), at: string = isoNow()): TagRecord {
    const tag: TagRecord = { uuid, seq: this.nextSeq(), name, created_at: at, updated_at: at };
    this.tags.set(uuid, tag);
    return tag;
  }

  tagNamed(name: string): TagRecord | undefined {
    return [...this.tags.values()].find((tag) => tag.name === name);
  }
}
