import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, ApiErrorCode } from '../../shared/protocol';
import type { ApiFailure } from '../errors';

export function errorBody(
  code: ApiErrorCode,
  message: string,
  issues?: ApiFailure['issues'],
): ApiError {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/** Fastify's router errors (a badly encoded path, an over-long path parameter), in the API's shape. */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return reply.code(414).send(errorBody('uri_too_long', 'a path segment is too long'));
  if (err.code === 'FST_ERR_BAD_URL')
    return reply.code(400).send(errorBody('invalid_input', 'path: not a valid URL encoding'));
  return reply.code(400).send(errorBody('invalid_input', 'this request cannot be routed'));
}

/**
 * Errors Node's HTTP parser raises before any route runs (headers or request line too large,
 * a request that never finished, malformed HTTP), written straight to the socket in the
 * API's shape.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body]: [number, ApiError] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, errorBody('headers_too_large', 'the request line or headers are too large')]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, errorBody('request_timeout', 'the request took too long to arrive')]
        : [400, errorBody('invalid_input', 'malformed HTTP request')];
  if (!socket.writable) {
    socket.destroy(err);
    return;
  }
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(text)}\r\n` +
      'Connection: close\r\n\r\n' +
      text,
  );
}
