/**
 * The end-to-end fixture server, shared by the Chromium harness (harness.ts) and the Firefox one
 * (firefox-harness.ts): the sites' fixture pages over HTTPS under their real hostnames, with a
 * throwaway self-signed certificate. Chromium reaches it through --host-resolver-rules; Firefox,
 * which has no such switch, through the CONNECT proxy below.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures/sites');
/** The fixture pages' shared page-side handlers, served on every hostname: the page's own script. */
export const HANDLERS_PATH = '/__fixtures__/handlers.js';

/** Hostnames the fixture server answers for, and the fixture folder each serves. */
export const SITE_HOSTS: Record<string, string> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'mobile.x.com': 'x',
  'mobile.twitter.com': 'x',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'www.instagram.com': 'instagram',
  'www.tiktok.com': 'tiktok',
  'www.youtube.com': 'youtube',
  'm.youtube.com': 'youtube',
  'www.threads.net': 'threads',
  'www.threads.com': 'threads',
  'web.whatsapp.com': 'whatsapp',
};

/** A self-signed certificate for the fixture server (Chromium ignores certificate errors; Firefox accepts insecure certificates for the session). */
function testCertificate(): { key: Buffer; cert: Buffer } {
  const dir = join(tmpdir(), 'jaga-netral-test-tls');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', '/CN=jaga-netral-test'], {
      stdio: 'ignore',
    });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg' };

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface FixtureServer {
  port: number;
  /** every request the server saw: host, path and method */
  requests: { host: string; path: string; method: string }[];
  /** extra handlers tried before fixture files (e.g. a rule-update endpoint) */
  routes: Route[];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = [];
  const routes: Route[] = [];
  const server: Server = createServer(testCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push({ host, path, method: req.method ?? 'GET' });
    if (routes.some((route) => route(req, res))) return;
    if (path === HANDLERS_PATH) {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' });
      res.end(readFileSync(join(FIXTURES_DIR, 'handlers.js')));
      return;
    }
    const site = SITE_HOSTS[host];
    const file = site ? normalize(join(FIXTURES_DIR, site, path === '/' ? 'index.html' : path)) : undefined;
    if (!site || !file?.startsWith(join(FIXTURES_DIR, site)) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    routes,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export interface TunnelProxy {
  port: number;
  /** every CONNECT the proxy saw, as host:port, allowed or not */
  connects: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that only tunnels (CONNECT): the listed hostnames go to the fixture server, every
 * other host is refused, so the browser behind it reaches nothing but the fixtures.
 */
export async function startTunnelProxy(server: FixtureServer, hosts: string[]): Promise<TunnelProxy> {
  const allowed = new Set(hosts);
  const connects: string[] = [];
  const tunnels = new Set<{ destroy(): void }>();
  const proxy = createHttpServer((_req, res) => {
    res.writeHead(405).end('CONNECT only');
  });
  proxy.on('connect', (req: IncomingMessage, client, head: Buffer) => {
    const target = req.url ?? '';
    connects.push(target);
    const [host, port] = target.split(':');
    if (!host || !allowed.has(host) || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(server.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream).add(client);
    const drop = () => {
      upstream.destroy();
      client.destroy();
      tunnels.delete(upstream);
      tunnels.delete(client);
    };
    upstream.on('close', drop);
    client.on('close', drop);
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const address = proxy.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    connects,
    close: () =>
      new Promise((ok) => {
        for (const socket of tunnels) socket.destroy();
        proxy.closeAllConnections();
        proxy.close(() => ok());
      }),
  };
}
