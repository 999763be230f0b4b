/**
 * `POST /leads/api/file-imports/upload-csv` (contract §2.1). The multipart body is
 * parsed as it arrives and the file streamed to disk; past 15 MB the server answers 422
 * at once (`error.data.file`) and stops reading, closing the connection after a short
 * grace so the client can read the answer.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { type RequestContext } from '../http/context';
import { ApiError, badRequest, validationErrors, type FieldErrors } from '../http/errors';
import { boundaryOf, MultipartError, MultipartParser, type PartSink } from '../http/multipart';
import { sendError, sendJson } from '../http/respond';
import { isoNow } from '../time';
import { matchHeaders } from '../csv/header-match';
import { IMPORT_TYPES, type ImportType, recordKindOfImport } from '../../shared/vocabulary';
import { emptyMetrics, fileImportView, type FileImportJob } from './file-import';
import { sisterUploadView } from './sister-views';
import { FileTooLargeError, MAX_UPLOAD_BYTES, UploadScan, type CsvSummary } from './upload-scan';

/** Multipart framing and the small fields never come near this; a larger body holds a larger file. */
const MULTIPART_OVERHEAD = 1024 * 1024;
const MAX_FIELD_BYTES = 4096;
/** How long a rejected upload's connection stays open so the client reads the 422 before the socket closes. */
const LINGER_MS = 250;

function fieldSink(name: string, fields: Map<string, string>): PartSink {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    data(chunk) {
      size += chunk.length;
      if (size > MAX_FIELD_BYTES) throw new MultipartError(`The ${name} field is longer than ${MAX_FIELD_BYTES} bytes.`);
      chunks.push(Buffer.from(chunk));
    },
    end() {
      if (!fields.has(name)) fields.set(name, Buffer.concat(chunks).toString('utf8').trim());
    },
  };
}

const ignoredPart: PartSink = { data: () => undefined, end: () => undefined };

/** Feeds the request into the parser, pausing while the disk catches up; rejects on the first error. */
function consume(req: IncomingMessage, parser: MultipartParser, scan: () => UploadScan | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      try {
        parser.write(chunk);
      } catch (error) {
        fail(error);
        return;
      }
      const target = scan();
      if (target?.needsDrain) {
        req.pause();
        target.drained().then(() => { if (!settled) req.resume(); }, fail);
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      if (settled) return;
      try {
        parser.end();
        settled = true;
        resolve();
      } catch (error) {
        fail(error);
      }
    });
    req.once('error', fail);
    req.once('close', () => { if (!req.complete) fail(new Error('The client closed the connection mid-upload.')); });
  });
}

/** Answers 422 now, without reading the rest of the body; the socket closes soon after. */
function rejectTooLarge(ctx: RequestContext): void {
  const message = new FileTooLargeError().message;
  ctx.req.pause();
  sendError(ctx.res, new ApiError(422, 'validation_error', message, { file: [message] }, { connection: 'close' }));
  const socket = ctx.req.socket;
  ctx.res.once('finish', () => {
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}

function checkFields(ctx: RequestContext, fields: ReadonlyMap<string, string>, summary: CsvSummary | undefined): { type: ImportType; listUuid: string | null } {
  const errors: FieldErrors = {};
  const type = fields.get('type');
  if (type === undefined || type === '') errors.type = ['The type field is required (csv_leads or csv_accounts).'];
  else if (!(IMPORT_TYPES as readonly string[]).includes(type)) errors.type = [`The selected type "${type}" is invalid: use csv_leads or csv_accounts.`];
  const listUuid = fields.get('list_uuid');
  if (listUuid !== undefined && listUuid !== '' && !ctx.state.store.lists.has(listUuid)) {
    errors.list_uuid = [`The selected list_uuid "${listUuid}" does not exist.`];
  }
  if (summary === undefined) errors.file = ['The file field is required: send the CSV as a multipart part named "file".'];
  else if (summary.binary) errors.file = ['The file does not look like CSV text (it contains NUL bytes). Save it as UTF-8 CSV.'];
  else if (summary.headers === undefined) errors.file = ['The file is empty: it has no header row.'];
  if (Object.keys(errors).length > 0) throw validationErrors(errors);
  return { type: type as ImportType, listUuid: listUuid !== undefined && listUuid !== '' ? listUuid : null };
}

export async function handleUpload(ctx: RequestContext): Promise<void> {
  const boundary = boundaryOf(ctx.req.headers['content-type']);
  if (boundary === undefined) throw badRequest('Send the upload as multipart/form-data with a "file" part and a "type" field.');
  const declared = Number(ctx.req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) {
    rejectTooLarge(ctx);
    return;
  }
  const uuid = randomUUID();
  const fields = new Map<string, string>();
  let scan: UploadScan | undefined;
  let fileName = 'upload.csv';
  const parser = new MultipartParser(boundary, (part) => {
    if (part.name === 'file' && scan === undefined) {
      scan = new UploadScan(join(ctx.state.config.uploadDir, `${uuid}.csv`), ctx.state.uploadRows.maxBytes);
      fileName = part.fileName ?? fileName;
      return scan;
    }
    return part.fileName === undefined ? fieldSink(part.name, fields) : ignoredPart;
  });
  const current = (): UploadScan | undefined => scan;
  try {
    await consume(ctx.req, parser, current);
  } catch (error) {
    await current()?.discard();
    if (error instanceof FileTooLargeError) {
      rejectTooLarge(ctx);
      return;
    }
    if (error instanceof MultipartError) throw badRequest(`Malformed multipart body: ${error.message}`);
    throw error;
  }
  try {
    const summary = await current()?.finish();
    const { type, listUuid } = checkFields(ctx, fields, summary);
    if (summary === undefined || summary.headers === undefined) throw new Error('unreachable: checked above');
    const at = isoNow();
    const job: FileImportJob = {
      uuid, ordinal: ctx.state.imports.size, seq: ctx.state.store.nextSeq(), type, status: 'not_started', list_uuid: listUuid,
      file_name: fileName, delimiter: summary.delimiter, newline: summary.newline, rows_count: summary.rowsCount,
      csv_headers: summary.headers, csv_preview: summary.preview,
      matches: matchHeaders(summary.headers, recordKindOfImport(type)),
      created_at: at, updated_at: at, metrics: emptyMetrics(summary.rowsCount), errors: [],
      filePath: current()?.path,
    };
    ctx.state.imports.set(uuid, job);
    if (summary.rows !== undefined) ctx.state.uploadRows.keep(uuid, summary.rows);
    const { teamNumber, compat } = ctx.state.config;
    sendJson(ctx.res, 200, compat === 'sister' ? sisterUploadView(job, teamNumber) : fileImportView(job, teamNumber));
  } catch (error) {
    await current()?.discard();
    throw error;
  }
}
