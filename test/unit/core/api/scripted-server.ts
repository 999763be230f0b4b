/**
 * A bare node:http server on 127.0.0.1:0 whose answers each test scripts, for behaviour
 * the sandbox cannot produce (a hostile Content-Disposition, a stalled socket). It
 * records every request it saw.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

export type Script = (req: IncomingMessage, res: ServerResponse, seen: readonly SeenRequest[]) => void;

export interface ScriptedServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    script(req, res, seen);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const NOW = '2026-11-28T10:00:00Z';

export function fileImportJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: 'imp-1', team_id: 1, user_id: 1, type: 'csv_leads', status: 'not_started', list_uuid: null,
    payload: { file_name: 'c.csv', delimiter: ',', rows_count: 1 }, csv_headers: ['Email'], csv_preview: [['a@b.c']],
    matches: { work_email: 0 }, created_at: NOW, updated_at: NOW, ...overrides,
  };
}
