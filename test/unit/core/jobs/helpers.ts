/** Test doubles for the jobs tests: a JSON-round-tripping key-value port and API objects. */
import type { KeyValuePort } from '../../../../src/core/key-value-port';
import type { ExportJob, FileImport, ImportMetrics } from '../../../../src/core/api/models';

/** Like globalState: values are stored as JSON, so what comes back is a copy, never the same object. */
export class MemoryStorage implements KeyValuePort {
  private readonly values = new Map<string, string>();
  writes = 0;

  get<T>(key: string): T | undefined {
    const text = this.values.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async update(key: string, value: unknown): Promise<void> {
    this.writes += 1;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
  }

  raw(key: string): string | undefined {
    return this.values.get(key);
  }

  setRaw(key: string, text: string): void {
    this.values.set(key, text);
  }
}

export function fileImport(overrides: Partial<FileImport> = {}): FileImport {
  return {
    uuid: 'imp-1',
    type: 'csv_leads',
    status: 'in_progress',
    listUuid: 'list-1',
    fileName: 'contacts.csv',
    delimiter: ',',
    rowsCount: 5_000,
    csvHeaders: ['Email'],
    csvPreview: [],
    matches: {},
    metrics: undefined,
    errors: [],
    createdAt: '2026-11-28T10:00:00Z',
    updatedAt: '2026-11-28T10:00:00Z',
    ...overrides,
    rawStatus: overrides.rawStatus ?? overrides.status ?? 'in_progress',
  };
}

export function metrics(saved: number, duplicates = 0, errors = 0, queued = 0): ImportMetrics {
  return { queuedRecords: queued, savedRecords: saved, duplicateRecords: duplicates, blacklistedRecords: 0, errorRecords: errors };
}

export function exportJob(overrides: Partial<ExportJob> = {}): ExportJob {
  return {
    uuid: 'exp-1',
    type: 'contact_export_csv',
    status: 'in_progress',
    progress: { processed: 0, total: 3_000 },
    files: [],
    createdAt: '2026-11-28T10:00:00Z',
    updatedAt: '2026-11-28T10:00:00Z',
    ...overrides,
    rawStatus: overrides.rawStatus ?? overrides.status ?? 'in_progress',
  };
}
