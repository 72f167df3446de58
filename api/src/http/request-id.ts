import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller-supplied X-Request-Id is kept only when it is short and plain (no log injection). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdOf(request: IncomingMessage): string {
  const supplied = request.headers['x-request-id'];
  return typeof supplied === 'string' && ACCEPTABLE_REQUEST_ID.test(supplied)
    ? supplied
    : randomUUID();
}
