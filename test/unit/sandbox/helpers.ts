/** Shared helpers for the sandbox tests: start a sandbox, call it over real HTTP, upload CSV text, poll jobs. */
import { after, before } from 'node:test';
import { strict as assert } from 'node:assert';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/index';

export type Json = Record<string, unknown>;

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Json;
}

/** Starts one sandbox for the enclosing `describe` (or file) and closes it afterwards. */
export function useSandbox(options: SandboxOptions = {}): () => Api {
  let sandbox: RunningSandbox | undefined;
  let api: Api | undefined;
  before(async () => {
    sandbox = await startSandbox({ batchDelayMs: 0, ...options });
    api = new Api(sandbox);
  });
  after(async () => {
    await sandbox?.close();
  });
  return () => {
    if (api === undefined) throw new Error('sandbox not started');
    return api;
  };
}

export class Api {
  constructor(readonly sandbox: RunningSandbox) {}

  get url(): string {
    return this.sandbox.url;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.sandbox.apiKey}`, ...extra };
  }

  async call(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: this.headers(body === undefined ? extraHeaders : { 'content-type': 'application/json', ...extraHeaders }),
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Json) };
  }

  get(path: string): Promise<Reply> {
    return this.call('GET', path);
  }

  post(path: string, body: unknown = {}): Promise<Reply> {
    return this.call('POST', path, body);
  }

  /** Uploads CSV text (or bytes) as the multipart `file` part. */
  async upload(csv: string | Uint8Array<ArrayBuffer>, fields: Record<string, string> = { type: 'csv_leads' }, fileName = 'contacts.csv'): Promise<Reply> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([csv], { type: 'text/csv' }), fileName);
    const response = await fetch(`${this.url}/leads/api/file-imports/upload-csv`, { method: 'POST', headers: this.headers(), body: form });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
  }

  async createList(name: string): Promise<string> {
    const reply = await this.post('/leads/api/lists', { name });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return String(reply.body.uuid);
  }

  /** Polls until the job reaches one of `statuses`; a job stuck elsewhere fails the test after a long while, not a timing check. */
  async waitFor(path: string, statuses: readonly string[]): Promise<Json> {
    for (let attempt = 0; attempt < 2000; attempt += 1) {
      const reply = await this.get(path);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      if (statuses.includes(String(reply.body.status))) return reply.body;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${path} never reached ${statuses.join('/')}`);
  }

  async state(kind: 'contacts' | 'companies', listUuid?: string): Promise<Json[]> {
    const reply = await this.get(`/__sandbox/state?kind=${kind}${listUuid === undefined ? '' : `&list_uuid=${listUuid}`}`);
    assert.equal(reply.status, 200);
    return reply.body.data as Json[];
  }
}

/** The envelope every non-2xx JSON answer must have; returns `error.data`. */
export function assertEnvelope(reply: Reply, status: number, reason: string): Record<string, string[]> {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  const error = reply.body.error as Json | undefined;
  assert.ok(error, `no error object in ${JSON.stringify(reply.body)}`);
  assert.equal(error.reason, reason);
  assert.equal(typeof error.message, 'string');
  assert.ok(String(error.message).length > 0);
  assert.equal(reply.body.code, status);
  assert.equal(typeof reply.body.message, 'string');
  return (error.data ?? {}) as Record<string, string[]>;
}

/** A 422 that names `field` in error.data. */
export function assertInvalid(reply: Reply, field: string): string {
  const data = assertEnvelope(reply, 422, 'validation_error');
  assert.ok(data[field] !== undefined, `expected error.data.${field}, got ${JSON.stringify(data)}`);
  return data[field]?.[0] ?? '';
}

/** Upload + import of CSV text into a list; resolves with the finished file import. */
export async function importCsv(api: Api, csv: string, columns: Record<string, number>, listUuid: string, extra: Json = {}): Promise<Json> {
  const upload = await api.upload(csv);
  assert.equal(upload.status, 200, JSON.stringify(upload.body));
  const started = await api.post(`/leads/api/file-imports/${String(upload.body.uuid)}/import-leads`, { columns, list_uuid: listUuid, ...extra });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return api.waitFor(`/leads/api/data-sources/${String(upload.body.uuid)}`, ['completed', 'failed']);
}

/** Parses RFC 4180 CSV text (test-side oracle, deliberately separate from the code under test). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; }
    else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
