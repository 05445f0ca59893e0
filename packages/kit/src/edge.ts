import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, type HttpProblem } from './errors.ts';

/**
 * Rules every service applies at its edge, before a route sees the request: no control
 * characters in what a client sends, bounded request ids, problem+json even for requests Node's
 * HTTP parser or Fastify's router refuse.
 */

/** Largest request line plus headers Node accepts (its own default, stated so tests and docs agree). */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Control characters in URLs (path and query): every C0 character and DEL. They have no
 * legitimate use there, and NUL cannot even be stored in a Postgres text column.
 */
const urlControl = /[\u0000-\u001f\u007f]/;
/**
 * Control characters in JSON bodies: every C0 character but tab, line feed and carriage return,
 * which free text (descriptions, notes, addresses) may carry.
 */
const textControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

interface Found {
  field: string;
  char: string;
}

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first control character in a value (keys included), walked without recursion so depth cannot overflow the stack. */
function findControl(root: unknown, prefix: string, forbidden: RegExp): Found | undefined {
  const pending: Array<[unknown, string]> = [[root, prefix]];
  while (pending.length > 0) {
    const [value, field] = pending.pop()!;
    if (typeof value === 'string') {
      const match = forbidden.exec(value);
      if (match) return { field, char: match[0] };
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${field}.${index}`]));
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) {
        const match = forbidden.exec(key);
        if (match) return { field: `${field}.${key.replace(forbidden, '?')}`, char: match[0] };
        pending.push([item, `${field}.${key}`]);
      }
    }
  }
  return undefined;
}

/**
 * A 400 naming the first field (`params.sku`, `querystring.q`, `body.address.line1`) that holds
 * a control character, or undefined when the request is clean. Bodies the service did not parse
 * (the gateway forwards raw bytes) are left to the service that parses them.
 */
export function controlCharacterProblem(request: { params?: unknown; query?: unknown; body?: unknown }): HttpProblem | undefined {
  const found =
    findControl(request.params, 'params', urlControl) ?? findControl(request.query, 'querystring', urlControl) ?? findControl(request.body, 'body', textControl);
  if (!found) return undefined;
  // A wildcard route (the gateway's proxy) holds the whole rest of the path in `params.*`.
  if (found.field === 'params.*') found.field = 'path';
  const message = `must not contain control characters (found ${codePoint(found.char)})`;
  return badRequest(`${found.field}: ${message}`, { errors: [{ field: found.field, message }] });
}

const wellFormedRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a short, plain token; otherwise a fresh UUID (never a client's 1,000-char blob). */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && wellFormedRequestId.test(given) ? given : randomUUID();
}

/**
 * Fastify's router answers some URLs itself, before any hook or error handler: a path with a bad
 * percent-escape (`%ZZ`, `%FF`) is a 400, a path parameter longer than the router's limit a 414.
 * This gives those answers as problem+json too.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment of this URL is too long' : 'The URL is not validly percent-encoded';
  void reply.code(status).type('application/problem+json').send({ type: 'about:blank', title: STATUS_CODES[status], status, detail, instance: request.url.split('?')[0] });
}

/**
 * Answers requests Node's HTTP parser refuses (headers or URL too large, malformed request line)
 * with problem+json instead of Node's bare response, then closes the connection.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? `The request line and headers exceed ${MAX_HEADER_BYTES} bytes`
      : status === 408
        ? 'The request took too long to arrive'
        : 'The request is not valid HTTP';
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, detail });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
