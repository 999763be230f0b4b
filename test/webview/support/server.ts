/**
 * Serves the mapping screen over http://127.0.0.1:<port 0>: `/` is the page made by the
 * panel's own HTML builder (with the server's origin as cspSource), `/dist/webview/` and
 * `/media/` are the real files. Anything else is a 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { buildMappingHtml } from '../../../src/core/import/mapping-screen/mapping-html';
import { repoRoot } from './bundle';

export const TEST_NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA';

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
const SERVED = [join(repoRoot, 'dist', 'webview') + sep, join(repoRoot, 'media') + sep];

export interface ScreenServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startScreenServer(): Promise<ScreenServer> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(buildMappingHtml({
        cspSource: origin,
        nonce: TEST_NONCE,
        scriptUri: `${origin}/dist/webview/main.js`,
        styleUri: `${origin}/media/webview.css`,
        title: 'Import: contacts.csv',
      }));
      return;
    }
    const file = normalize(join(repoRoot, path));
    if (!SERVED.some((folder) => file.startsWith(folder)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
