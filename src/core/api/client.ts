/**
 * GetSalesClient: one method per operation of the CSV Import/Export API. It owns the
 * request cycle — credentials, rate limiting, timeouts, cancellation, retries, error
 * typing, logging — and leaves wire shapes to `wire.ts`. No `vscode` here: everything
 * from the host (token, logger, clock, dispatcher) is injected.
 */
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Dispatcher, type FormData, request } from 'undici';
import { safeFileName } from '../files/safe-file-name';
import { streamToFileAtomic } from '../files/atomic-file';
import { type Clock, systemClock } from './clock';
import { contentDispositionFileName } from './content-disposition';
import { DecodeError, shapeOf } from '../../shared/decode';
import type { RecordKind } from '../../shared/vocabulary';
import { ApiError, AuthError, CancelledError, NetworkError, NotFoundError, RateLimitedError, type RequestInfo, UnexpectedResponseError, ValidationError } from './errors';
import { errorForStatus, networkError, networkFailureOf } from './failures';
import { RateLimiter } from './limiter';
import type {
  ContactList, Credentials, DownloadResult, ExportFilter, ExportJob, FileImport, ImportCompaniesBody,
  ImportContactsBody, ImportMetrics, ImportStart, ListImportsQuery, ListListsQuery, Page, PageQuery, ProgressCallback, Tag, UploadCsvInput,
} from './models';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, shouldRetry } from './retry';
import { openUploadSource } from './upload-body';
import { Watchdog } from './watchdog';
import * as wire from './wire';

export interface ApiLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface GetSalesClientOptions {
  /** e.g. `https://amazing.getsales.io`; a path prefix is kept. */
  readonly baseUrl: string;
  /** Asked before every request, so a key changed in the middle of a job takes effect. */
  readonly tokenProvider: () => Promise<Credentials | undefined>;
  /** `<extension name>/<version>`. */
  readonly userAgent: string;
  readonly logger: ApiLogger;
  readonly clock?: Clock;
  readonly dispatcher?: Dispatcher;
  /** JSON calls: deadline per attempt. Uploads and downloads: longest pause without progress. Default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Share one limiter between all clients so the whole extension stays under the rate limit. */
  readonly limiter?: RateLimiter;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Call {
  readonly method: Method;
  readonly path: string;
  readonly query?: wire.Query;
  readonly json?: wire.JsonObjectBody;
  /** May be repeated after the server could have acted (reads, metrics, downloads). */
  readonly safe: boolean;
  /** Uploads and downloads: the timeout is on idle time, kicked by progress. */
  readonly streaming?: boolean;
  /** An answer that is not JSON is read as no body at all (import starts [sister]). */
  readonly lenient?: boolean;
  /** Hand non-2xx answers to the handler instead of turning them into errors (probes). */
  readonly anyStatus?: boolean;
}

/** What `probe` saw: the status and the JSON (undefined when the body was not JSON). */
export interface ProbeAnswer {
  readonly status: number;
  readonly value: unknown;
}

interface Attempt {
  readonly signal: AbortSignal;
  readonly watchdog: Watchdog;
}

type Handler<T> = (response: Dispatcher.ResponseData, attempt: Attempt, redact: (text: string) => string) => Promise<T>;

type Decoder<T> = (value: unknown, note: wire.Note) => T;

interface Body {
  readonly body: string | FormData;
  readonly contentType: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/**
 * The largest JSON answer read. The biggest legitimate one (a page of 100 items, an upload
 * preview) is well under 1 MB; without a cap a runaway answer grows memory by its size.
 */
export const MAX_JSON_BODY_BYTES = 16 * 1024 * 1024;

export class GetSalesClient {
  private readonly base: URL;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly limiter: RateLimiter;

  constructor(private readonly options: GetSalesClientOptions) {
    this.base = new URL(options.baseUrl);
    if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:') {
      throw new TypeError(`The GetSales API URL must start with https:// (got ${this.base.protocol}).`);
    }
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.limiter = options.limiter ?? new RateLimiter({ clock: this.clock });
  }

  // ------------------------------------------------------------ imports

  /** Uploads a CSV from disk, streaming it. Never repeated once bytes may have reached the server. */
  async uploadCsv(input: UploadCsvInput, signal?: AbortSignal, onProgress?: ProgressCallback): Promise<FileImport> {
    const fileName = input.fileName ?? basename(input.filePath);
    const path = wire.API_PATHS.uploadCsv;
    let source;
    try {
      source = await openUploadSource(input.filePath, fileName, wire.UPLOAD_FILE_TYPE, wire.UPLOAD_FILE_FIELD, wire.encodeUploadFields(input));
    } catch (error) {
      throw new ValidationError(`Cannot read ${fileName}: ${localReason(error)}`, { file: [localReason(error)] }, { method: 'POST', path });
    }
    const total = source.size;
    return this.execute({ method: 'POST', path, safe: false, streaming: true }, signal, async (response, _attempt, redact) => {
      onProgress?.(total, total);
      return this.readJson(response, { method: 'POST', path }, (v, note) => wire.decodeUpload(v, 'upload', note), redact);
    }, (attempt) => {
      let sent = 0;
      onProgress?.(0, total);
      return {
        body: source.form((bytes) => {
          sent += bytes;
          attempt.watchdog.kick();
          onProgress?.(sent, total);
        }),
        contentType: undefined,
      };
    });
  }

  /** The answer may have no schema at all [sister]: whatever it holds, the job is the upload. */
  importContacts(importUuid: string, body: ImportContactsBody, signal?: AbortSignal): Promise<ImportStart> {
    return this.json({ method: 'POST', path: wire.API_PATHS.importLeads(importUuid), json: wire.encodeImportContacts(body), safe: false, lenient: true }, signal, (v, note) => wire.decodeImportStart(v, importUuid, 'import', note));
  }

  importCompanies(importUuid: string, body: ImportCompaniesBody, signal?: AbortSignal): Promise<ImportStart> {
    return this.json({ method: 'POST', path: wire.API_PATHS.importCompanies(importUuid), json: wire.encodeImportCompanies(body), safe: false, lenient: true }, signal, (v, note) => wire.decodeImportStart(v, importUuid, 'import', note));
  }

  /** Polls `data-sources/{uuid}`; a 404 there falls back to `file-imports/{uuid}`. */
  getImport(uuid: string, signal?: AbortSignal): Promise<FileImport> {
    return this.getWithFallback(wire.API_PATHS.dataSource(uuid), wire.API_PATHS.fileImport(uuid), signal, (v, note) => wire.decodeDataSource(v, 'import', note));
  }

  async importMetrics(uuids: readonly string[], signal?: AbortSignal): Promise<Record<string, ImportMetrics>> {
    if (uuids.length === 0) return {};
    return this.json({ method: 'PUT', path: wire.API_PATHS.importMetrics, json: wire.encodeImportMetricsRequest(uuids), safe: true }, signal, (v) => wire.decodeMetricsMap(v, 'metrics'));
  }

  /** CSV imports only: the real server lists every data source, LinkedIn searches included, and may ignore the filter. */
  listImports(query: ListImportsQuery = {}, signal?: AbortSignal): Promise<Page<FileImport>> {
    return this.json({ method: 'GET', path: wire.API_PATHS.imports, query: wire.listImportsQuery(query), safe: true }, signal, (v, note) => wire.decodeImportsPage(v, 'imports', note));
  }

  // ------------------------------------------------------------ exports

  exportContacts(filter: ExportFilter, signal?: AbortSignal): Promise<ExportJob> {
    return this.json({ method: 'POST', path: wire.API_PATHS.exportContacts, json: wire.encodeExportRequest(filter, 'contacts'), safe: false }, signal, (v, note) => wire.decodeExportStart(v, 'export', note));
  }

  exportCompanies(filter: ExportFilter, signal?: AbortSignal): Promise<ExportJob> {
    return this.json({ method: 'POST', path: wire.API_PATHS.exportCompanies, json: wire.encodeExportRequest(filter, 'companies'), safe: false }, signal, (v, note) => wire.decodeExportStart(v, 'export', note));
  }

  /** Polls `mass-actions/{uuid}`; a 404 there falls back to `file-exports/{uuid}`. */
  getExport(uuid: string, signal?: AbortSignal): Promise<ExportJob> {
    return this.getWithFallback(wire.API_PATHS.massAction(uuid), wire.API_PATHS.fileExport(uuid), signal, (v, note) => wire.decodeExport(v, 'export', note));
  }

  /** Recent mass actions, exports only (other mass-action types are skipped), newest first. */
  listExports(query: PageQuery = {}, signal?: AbortSignal): Promise<Page<ExportJob>> {
    return this.json({ method: 'GET', path: wire.API_PATHS.massActions, query: wire.listMassActionsQuery(query), safe: true }, signal, (v, note) => wire.decodeMassActionsPage(v, 'massActions', note));
  }

  /**
   * How many records an export with this filter would hold, when the account can tell:
   * `leads/count` for contacts, the companies list's `total` for companies (contract §8,
   * best effort: callers treat any error as "not available here").
   */
  countForExport(entity: RecordKind, filter: ExportFilter, signal?: AbortSignal): Promise<number> {
    return entity === 'contacts'
      ? this.json({ method: 'POST', path: wire.API_PATHS.countLeads, json: wire.encodeCountContactsRequest(filter), safe: true }, signal, (v) => wire.decodeTotal(v, 'count'))
      : this.json({ method: 'POST', path: wire.API_PATHS.companiesList, json: wire.encodeCountCompaniesRequest(filter), safe: true }, signal, (v) => wire.decodeTotal(v, 'companies'));
  }

  /** Aborts a queued or running export (contract §8); a refusal is the usual ApiError. */
  cancelExport(uuid: string, signal?: AbortSignal): Promise<ExportJob | undefined> {
    return this.json({ method: 'DELETE', path: wire.API_PATHS.massAction(uuid), safe: true, lenient: true }, signal, (v, note) => wire.decodeCancelAnswer(v, 'cancel', note));
  }

  /**
   * Streams an export file into `targetDir` under the server's (sanitised) name, never
   * replacing an existing file. A failed, cancelled or short transfer leaves nothing behind.
   */
  async downloadExport(fileName: string, targetDir: string, signal?: AbortSignal, onProgress?: ProgressCallback): Promise<DownloadResult> {
    const info: RequestInfo = { method: 'POST', path: wire.API_PATHS.download };
    await fs.mkdir(targetDir, { recursive: true });
    return this.execute({ method: 'POST', path: info.path, json: wire.encodeDownloadRequest(fileName), safe: true, streaming: true }, signal, async (response, attempt) => {
      const declared = headerValue(response.headers['content-length']);
      const expected = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
      const suggested = contentDispositionFileName(headerValue(response.headers['content-disposition'])) ?? fileName;
      const target = join(targetDir, safeFileName(suggested));
      onProgress?.(0, expected ?? 0);
      try {
        return await streamToFileAtomic(response.body, target, {
          signal: attempt.signal,
          onBytes: (bytes) => {
            attempt.watchdog.kick();
            onProgress?.(bytes, expected ?? 0);
          },
          verify: (bytes) => {
            if (expected !== undefined && bytes !== expected) throw new ShortTransfer(bytes, expected);
          },
        });
      } catch (error) {
        if (attempt.signal.aborted || error instanceof ApiError) throw error;
        // Whatever broke the stream after the headers, the file is incomplete.
        throw networkError('truncated', { ...info, status: response.statusCode }, this.base.host, false, error, this.timeoutMs);
      }
    });
  }

  // ------------------------------------------------------------ lists

  listLists(query: ListListsQuery = {}, signal?: AbortSignal): Promise<Page<ContactList>> {
    return this.json({ method: 'GET', path: wire.API_PATHS.lists, query: wire.listListsQuery(query), safe: true }, signal, (v, note) => wire.decodeListsPage(v, 'lists', note));
  }

  /** Any 2xx (the sister spec answers 201). */
  createList(name: string, signal?: AbortSignal): Promise<ContactList> {
    return this.json({ method: 'POST', path: wire.API_PATHS.lists, json: wire.encodeCreateList(name), safe: false }, signal, (v, note) => wire.decodeContactList(v, 'list', note));
  }

  listTags(query: PageQuery = {}, signal?: AbortSignal): Promise<Page<Tag>> {
    return this.json({ method: 'GET', path: wire.API_PATHS.tags, query: wire.listTagsQuery(query), safe: true }, signal, (v, note) => wire.decodeTagsPage(v, 'tags', note));
  }

  // ------------------------------------------------------------ probes

  /**
   * A read-only GET whose answer is returned as it came, whatever the status (the
   * compatibility report decodes it itself). JSON is capped and redacted like every answer.
   */
  probe(path: string, query?: wire.Query, signal?: AbortSignal): Promise<ProbeAnswer> {
    const info: RequestInfo = { method: 'GET', path };
    return this.execute({ method: 'GET', path, query, safe: true, anyStatus: true }, signal, async (response, _attempt, redact) => {
      const text = await readBody(response.body, MAX_JSON_BODY_BYTES, { ...info, status: response.statusCode });
      return { status: response.statusCode, value: parseJson(text, redact) };
    });
  }

  // ------------------------------------------------------------ request cycle

  /** The contract names two paths for polling; the second is asked only when the first is 404. */
  private async getWithFallback<T>(path: string, fallbackPath: string, signal: AbortSignal | undefined, decode: Decoder<T>): Promise<T> {
    try {
      return await this.json({ method: 'GET', path, safe: true }, signal, decode);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return this.json({ method: 'GET', path: fallbackPath, safe: true }, signal, decode);
    }
  }

  private json<T>(call: Call, signal: AbortSignal | undefined, decode: Decoder<T>): Promise<T> {
    return this.execute(call, signal, (response, _attempt, redact) => this.readJson(response, { method: call.method, path: call.path }, decode, redact, call.lenient));
  }

  /**
   * Reads, redacts and decodes a JSON answer. What the decoder ignored is logged one line
   * each; when it fails, the log gets the answer's shape (keys and types, no values).
   */
  private async readJson<T>(response: Dispatcher.ResponseData, info: RequestInfo, decode: Decoder<T>, redact: (text: string) => string, lenient = false): Promise<T> {
    const request = { ...info, status: response.statusCode };
    const where = `${info.method} ${info.path}`;
    const text = await readBody(response.body, MAX_JSON_BODY_BYTES, request);
    const value = parseJson(text, redact);
    if (value === NOT_JSON && !lenient) {
      throw new UnexpectedResponseError('response', `expected JSON, got ${text.trim() === '' ? 'an empty body' : `${Buffer.byteLength(text)} bytes of text that is not JSON`}`, request);
    }
    const note = (line: string): void => this.options.logger.warn(redact(`${where}: ${line}`));
    try {
      return decode(value === NOT_JSON ? undefined : value, note);
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      const shape = shapeOf(value);
      this.options.logger.error(redact(`${where}: ${error.path}: ${error.problem}; the answer's shape: ${shape}`));
      throw new UnexpectedResponseError(error.path, error.problem, request, shape);
    }
  }

  /**
   * Runs one call with limiter, retries and logging. `handle` reads a 2xx response;
   * `makeBody` builds a fresh body per attempt (a stream cannot be sent twice).
   */
  private async execute<T>(call: Call, signal: AbortSignal | undefined, handle: Handler<T>, makeBody?: (attempt: Attempt) => Body): Promise<T> {
    const info: RequestInfo = { method: call.method, path: call.path };
    const credentials = await this.credentials(info);
    const redact = redactor(credentials);
    const log = (level: keyof ApiLogger, message: string): void => this.options.logger[level](redact(message));
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      try {
        if (signal?.aborted) throw new CancelledError(info);
        await this.limiter.acquire(credentials.apiKey, signal).catch((error: unknown) => {
          throw signal?.aborted ? new CancelledError(info) : error;
        });
        const { result, status } = await this.attempt(call, credentials, signal, handle, makeBody, redact);
        log('info', `${call.method} ${call.path} → ${status} in ${elapsed(started)} ms${retries(attempt)}`);
        return result;
      } catch (caught) {
        const error = caught instanceof ApiError ? caught : networkError(networkFailureOf(caught), info, this.base.host, !call.safe, caught, this.timeoutMs);
        const outcome = `${call.method} ${call.path} → ${error.status ?? error.kind} in ${elapsed(started)} ms${retries(attempt)}`;
        // Every caller on this key (in every window sharing the budget) waits out a 429, not only this one.
        if (error instanceof RateLimitedError) await this.limiter.holdOff(credentials.apiKey, error.retryAfterMs).catch(() => undefined);
        if (error instanceof CancelledError) {
          log('info', `${outcome}: cancelled`);
          throw error;
        }
        const delay = shouldRetry(this.retryPolicy, attempt, error, call.safe);
        if (delay === undefined) {
          log(error.kind === 'validation' || error.kind === 'not_found' ? 'warn' : 'error', `${outcome}: ${error.kind}${error instanceof NetworkError ? ` (${error.failure})` : ''}`);
          throw error;
        }
        log('warn', `${outcome}: ${error.kind}; retry ${attempt} of ${this.retryPolicy.maxAttempts - 1} in ${delay} ms`);
        try {
          await this.clock.sleep(delay, signal);
        } catch {
          throw new CancelledError(info);
        }
      }
    }
  }

  private async attempt<T>(call: Call, credentials: Credentials, signal: AbortSignal | undefined, handle: Handler<T>, makeBody: ((attempt: Attempt) => Body) | undefined, redact: (text: string) => string): Promise<{ result: T; status: number }> {
    const info: RequestInfo = { method: call.method, path: call.path };
    const watchdog = new Watchdog(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, watchdog.signal]) : watchdog.signal;
    const context: Attempt = { signal: combined, watchdog };
    let response: Dispatcher.ResponseData | undefined;
    try {
      const body: Body | undefined = makeBody?.(context) ?? (call.json ? { body: JSON.stringify(call.json), contentType: 'application/json' } : undefined);
      response = await request(this.url(call.path, call.query), {
        method: call.method,
        headers: this.headers(credentials, body?.contentType),
        body: body?.body,
        signal: combined,
        dispatcher: this.options.dispatcher,
        // The upload body is a fresh stream per attempt; let our retry policy decide, not undici.
        idempotent: call.safe,
      });
      if (call.streaming) watchdog.kick(); // the response has begun: from now on, idle time counts
      const status = response.statusCode;
      if ((status < 200 || status >= 300) && !call.anyStatus) {
        const bodyText = redact(await readCapped(response.body, MAX_ERROR_BODY_BYTES));
        throw errorForStatus({
          request: { ...info, status },
          bodyText,
          retryAfter: headerValue(response.headers['retry-after']),
          mayHaveActed: !call.safe,
          now: this.clock.now(),
          redact,
        });
      }
      return { result: await handle(response, context, redact), status };
    } catch (error) {
      response?.body.destroy();
      if (signal?.aborted) throw new CancelledError(info);
      if (watchdog.fired) throw networkError('timeout', info, this.base.host, !call.safe, error, this.timeoutMs);
      throw error;
    } finally {
      watchdog.stop();
    }
  }

  private async credentials(info: RequestInfo): Promise<Credentials> {
    const credentials = await this.options.tokenProvider();
    if (!credentials || credentials.apiKey.trim() === '') {
      throw new AuthError('No GetSales API key is set. Add one (GetSales → Workspace Settings → API Keys) and sign in.', info);
    }
    return credentials;
  }

  private headers(credentials: Credentials, contentType: string | undefined): Record<string, string> {
    return {
      authorization: `Bearer ${credentials.apiKey}`,
      accept: 'application/json',
      'user-agent': this.options.userAgent,
      ...(credentials.teamId ? { 'team-id': credentials.teamId } : {}),
      ...(contentType ? { 'content-type': contentType } : {}),
    };
  }

  private url(path: string, query: wire.Query | undefined): string {
    const url = new URL(this.base.href);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }
}

class ShortTransfer extends Error {
  constructor(readonly received: number, readonly expected: number) {
    super(`received ${received} of ${expected} bytes`);
  }
}

/**
 * Replaces the key and Team ID wherever they appear in text we did not write (a server
 * echoing the Authorization header), also in their JSON-escaped spelling.
 */
function redactor(credentials: Credentials): (text: string) => string {
  const secrets = [credentials.apiKey, credentials.teamId].filter((s): s is string => !!s && s.length >= 4);
  const spellings = [...new Set(secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))].sort((a, b) => b.length - a.length);
  return (text) => spellings.reduce((result, secret) => result.split(secret).join('***'), text);
}

const NOT_JSON: unique symbol = Symbol('not JSON');

/**
 * Parses an answer and redacts every string in it (keys too), so nothing the server echoes
 * of the key reaches a decoded field, a job in the store or a report. Redacting the parsed
 * strings, not the text, keeps a short Team ID from corrupting a number.
 */
function parseJson(text: string, redact: (text: string) => string): unknown {
  try {
    return redactStrings(JSON.parse(text), redact);
  } catch {
    return NOT_JSON;
  }
}

function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactStrings(item, redact)]));
  }
  return value;
}

/** The whole body as text, refused past `maxBytes` (declared or counted) so a runaway answer cannot fill memory. */
async function readBody(body: Dispatcher.ResponseData['body'], maxBytes: number, request: RequestInfo): Promise<string> {
  const tooLarge = (): UnexpectedResponseError => new UnexpectedResponseError('response', `the answer is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, the most this extension reads`, request);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(buffer);
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(buffer);
      size += buffer.length;
      if (size >= maxBytes) break;
    }
  } catch {
    // An error page cut short still tells its status; the body text is a bonus.
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function retries(attempt: number): string {
  return attempt > 1 ? ` after ${attempt - 1} ${attempt === 2 ? 'retry' : 'retries'}` : '';
}

function localReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'ENOENT') return 'the file does not exist.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  if (code === 'EISDIR') return 'it is a folder, not a file.';
  return error instanceof Error ? error.message : 'unknown error.';
}
