import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake received, kept so tests can assert on what was sent over the wire. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function sendJson(res: ServerResponse, reply: FakeReply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...reply.headers });
  res.end(text);
}

/**
 * Starts an HTTP server on 127.0.0.1 with a random port. `delayMs()` holds replies back, to
 * let tests exercise client timeouts; close() drops open keep-alive sockets and pending replies.
 */
export async function startJsonServer(
  handle: (request: RecordedRequest) => FakeReply,
  delayMs: () => number = () => 0,
): Promise<RunningServer> {
  const pending = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://fake.local');
      const reply = handle({ method: req.method ?? 'GET', path: url.pathname, headers: flatHeaders(req), body });
      const delay = delayMs();
      if (delay <= 0) return sendJson(res, reply);
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!res.destroyed) sendJson(res, reply);
      }, delay);
      pending.add(timer);
    }, () => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Closing twice (a test took the provider down, then the harness cleans up) is one close.
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

/** What a webhook delivery looked like and how the receiver answered. */
export interface WebhookDelivery {
  status: number;
  responseBody: string;
  rawBody: string;
  headers: Record<string, string>;
}

export async function postWebhook(targetUrl: string, rawBody: string, headers: Record<string, string>): Promise<WebhookDelivery> {
  const response = await fetch(targetUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody });
  return { status: response.status, responseBody: await response.text(), rawBody, headers };
}
