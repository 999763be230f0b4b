// A small forward proxy on 127.0.0.1 for the proxy tests: it tunnels CONNECT (what
// undici's ProxyAgent sends, for http and https targets alike) and records each tunnel's
// target and how many bytes the client sent through it, so a test can tell that a request
// (a streamed upload too) went through the proxy and not around it.
import { type Server, createServer } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';

export interface Tunnel {
  /** `host:port` as the client asked. */
  readonly target: string;
  /** Bytes the client sent through the tunnel so far. */
  sent: number;
}

export interface ConnectProxy {
  readonly url: string;
  readonly tunnels: readonly Tunnel[];
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: Tunnel[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(405).end('only CONNECT');
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    const tunnel: Tunnel = { target, sent: head.length };
    tunnels.push(tunnel);
    const [host, port] = splitTarget(target);
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.on('data', (chunk: Buffer) => {
        tunnel.sent += chunk.length;
      });
      client.pipe(upstream);
      upstream.pipe(client);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function splitTarget(target: string): [string, number] {
  const at = target.lastIndexOf(':');
  return [target.slice(0, at).replace(/^\[|\]$/g, ''), Number(target.slice(at + 1))];
}
