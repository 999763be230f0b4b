/**
 * The request pipeline: log line → test endpoints (faults mode) → scripted fault →
 * auth and Team-ID → rate limit → route. Whatever goes wrong becomes the error
 * envelope, unknown routes and malformed JSON included.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import * as admin from './admin';
import { authenticate } from './auth';
import { countLeads, listCompanies } from './counts';
import { deleteMassAction, getMassAction, listMassActions } from './exports/mass-actions';
import { exportCompanies, exportContacts, downloadExport, getFileExport } from './exports/routes';
import type { FaultAction } from './faults';
import type { Handler, RequestContext } from './http/context';
import { ApiError, errorEnvelope, notFound, reasonForStatus } from './http/errors';
import { sendBody, sendError, setBodyCut } from './http/respond';
import { Router } from './http/router';
import { getFileImport, getImport, importCompanies, importLeads, importMetrics, listImports } from './imports/routes';
import { handleUpload } from './imports/upload';
import { createList, listLists } from './lists';
import type { SandboxState } from './state';
import { listTags } from './tags';
import { pause } from './time';

const API = '/leads/api';

export const apiRoutes = new Router<Handler>()
  .add('POST', `${API}/file-imports/upload-csv`, handleUpload)
  .add('POST', `${API}/file-imports/:uuid/import-leads`, importLeads)
  .add('POST', `${API}/file-imports/:uuid/import-companies`, importCompanies)
  .add('GET', `${API}/file-imports/:uuid`, getFileImport)
  .add('PUT', `${API}/data-sources/metrics`, importMetrics)
  .add('GET', `${API}/data-sources`, listImports)
  .add('GET', `${API}/data-sources/:uuid`, getImport)
  .add('POST', `${API}/file-exports/leads`, exportContacts)
  .add('POST', `${API}/file-exports/companies`, exportCompanies)
  .add('POST', `${API}/file-exports/download`, downloadExport)
  .add('GET', `${API}/file-exports/:uuid`, getFileExport)
  .add('GET', `${API}/mass-actions`, listMassActions)
  .add('GET', `${API}/mass-actions/:uuid`, getMassAction)
  .add('DELETE', `${API}/mass-actions/:uuid`, deleteMassAction)
  .add('GET', `${API}/lists`, listLists)
  .add('POST', `${API}/lists`, createList)
  .add('GET', `${API}/tags`, listTags)
  .add('POST', `${API}/leads/count`, countLeads)
  .add('POST', `${API}/companies/list`, listCompanies);

const adminRoutes = new Router<Handler>()
  .add('POST', '/__sandbox/faults', admin.addFault)
  .add('GET', '/__sandbox/faults', admin.listFaults)
  .add('POST', '/__sandbox/reset', admin.reset)
  .add('GET', '/__sandbox/state', admin.state)
  .add('POST', '/__sandbox/tags', admin.addTag)
  .add('POST', '/__sandbox/cancel-exports', admin.cancelExports)
  .add('POST', '/__sandbox/hold-exports', admin.holdExports);

async function route(router: Router<Handler>, base: Omit<RequestContext, 'params'>): Promise<void> {
  const method = base.req.method ?? 'GET';
  const match = router.match(method, base.url.pathname);
  if (match.kind === 'none') throw notFound(`No such endpoint: ${method} ${base.url.pathname}.`);
  if (match.kind === 'wrong-method') {
    throw new ApiError(405, 'method_not_allowed', `${base.url.pathname} does not accept ${method}; use ${match.allowed.join(' or ')}.`, undefined, { allow: match.allowed.join(', ') });
  }
  await match.handler({ ...base, params: match.params });
}

/** A scripted status answer: the JSON envelope, or the fault's raw body as HTML (a proxy's error page). */
function answerWithStatus(res: ServerResponse, req: IncomingMessage, action: Extract<FaultAction, { kind: 'status' }>): void {
  req.resume(); // drain whatever the client sends; we answer regardless
  const headers: Record<string, string | number> = action.retryAfter !== undefined ? { 'retry-after': action.retryAfter } : {};
  if (action.body !== undefined) {
    const body = Buffer.from(action.body, 'utf8');
    sendBody(res, action.status, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }, body);
    return;
  }
  const envelope = errorEnvelope(action.status, reasonForStatus(action.status), `Injected fault: HTTP ${action.status}.`);
  const body = Buffer.from(JSON.stringify(envelope), 'utf8');
  sendBody(res, action.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }, body);
}

/** Applies a fault; true when the fault has answered the request itself. */
async function applyFault(state: SandboxState, req: IncomingMessage, res: ServerResponse, action: FaultAction): Promise<boolean> {
  switch (action.kind) {
    case 'status':
      answerWithStatus(res, req, action);
      return true;
    case 'delay':
      await pause(action.delayMs, state.closing);
      return false;
    case 'drop':
      setBodyCut(res, { kind: 'drop' });
      return false;
    case 'lose':
      setBodyCut(res, { kind: 'lose' });
      return false;
    case 'truncate':
      setBodyCut(res, { kind: 'truncate', bytes: action.bytes });
      return false;
  }
}

async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = req.method ?? 'GET';
  const base = { req, res, url, state };
  if (url.pathname.startsWith('/__sandbox/')) {
    if (!state.config.faults) throw notFound('The /__sandbox/ endpoints exist only when the sandbox runs with faults enabled.');
    await route(adminRoutes, base);
    return;
  }
  const fault = state.faults.take(method, url.pathname);
  if (fault !== undefined && (await applyFault(state, req, res, fault))) return;
  const key = authenticate(req, state.config.apiKey, state.config.teamId);
  const decision = state.limiter.take(key);
  if (!decision.ok) {
    throw new ApiError(429, 'too_many_requests', `Rate limit of ${state.config.rateLimitPerMinute} requests per minute reached; retry in ${decision.retryAfterSeconds} s.`, undefined, { 'retry-after': String(decision.retryAfterSeconds) });
  }
  await route(apiRoutes, base);
}

function fail(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof ApiError) {
    sendError(res, error);
    return;
  }
  log(`internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  sendError(res, new ApiError(500, 'server_error', 'The sandbox hit an internal error; see its log.'));
}

export function requestListener(state: SandboxState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.once('close', () => {
      const outcome = res.writableFinished ? String(res.statusCode) : `${res.statusCode} (cut)`;
      state.config.log(`${req.method ?? '?'} ${path} ${outcome} ${Math.round(performance.now() - started)}ms`);
      if (req.method !== 'GET') state.changed(); // an upload, a start, a new list: worth keeping
    });
    handle(state, req, res).catch((error: unknown) => fail(res, error, state.config.log));
  };
}
