/**
 * The team's data: lists, contacts and companies, with identity indexes for dedupe.
 * Insertion order is creation order, which exports and pagination rely on.
 */
import { randomUUID } from 'node:crypto';
import { identityKeys } from './identity';
import type { CompanyRecord, ContactRecord, ListRecord } from './records';
import { isoNow } from '../time';

export class TeamStore {
  readonly lists = new Map<string, ListRecord>();
  readonly contacts: ContactRecord[] = [];
  readonly companies: CompanyRecord[] = [];
  private readonly contactIndex = new Map<string, ContactRecord>();
  private readonly companyIndex = new Map<string, CompanyRecord>();
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

  addContact(record: ContactRecord): void {
    this.contacts.push(record);
    this.reindexContact(record);
  }

  addCompany(record: CompanyRecord): void {
    this.companies.push(record);
    this.reindexCompany(record);
  }

  /** The stored contact sharing any identity key with a row, if one exists. */
  findContact(keys: readonly string[]): ContactRecord | undefined {
    return firstFound(this.contactIndex, keys);
  }

  findCompany(keys: readonly string[]): CompanyRecord | undefined {
    return firstFound(this.companyIndex, keys);
  }

  /** Call after a record's identifier values change, so its new keys find it too. */
  reindexContact(record: ContactRecord): void {
    addKeys(this.contactIndex, identityKeys('contacts', record.values), record);
  }

  reindexCompany(record: CompanyRecord): void {
    addKeys(this.companyIndex, identityKeys('companies', record.values), record);
  }
}

function firstFound<T>(index: ReadonlyMap<string, T>, keys: readonly string[]): T | undefined {
  for (const key of keys) {
    const found = index.get(key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first record to claim a key keeps it. */
function addKeys<T>(index: Map<string, T>, keys: readonly string[], record: T): void {
  for (const key of keys) if (!index.has(key)) index.set(key, record);
}
