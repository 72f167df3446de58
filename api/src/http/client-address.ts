import type { IncomingMessage } from 'node:http';

/**
 * The client address behind `trustedHops` reverse proxies of our own, as Express computes
 * `req.ip` with `trust proxy` set to a hop count: the socket's peer, then X-Forwarded-For read
 * from the right, one entry per trusted hop. Entries a client wrote itself sit further left and
 * are never reached, so a forged header cannot choose the address the limits count.
 */
export function clientAddressOf(request: IncomingMessage, trustedHops: number): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return peer;

  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .reverse();
  const chain = [peer, ...forwarded];

  return chain[Math.min(trustedHops, chain.length - 1)] ?? peer;
}
