import type { Request, Response } from 'express';

import { sessionCookieName } from '../accounts/session-service.js';
import type { SessionCookieWriter } from '../graphql/context.js';
import { API_TOKEN_PREFIX } from '../security/opaque-token.js';

/**
 * The session token a request presents: an API token as `Authorization: Bearer kbr_…`, or the
 * console's cookie. Tokens travel only in headers, never in URLs (which end up in logs).
 */
export function presentedToken(request: Request, isCookieSecure: boolean): string | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    return token.startsWith(API_TOKEN_PREFIX) ? token : null;
  }

  return cookieValue(request.headers.cookie, sessionCookieName(isCookieSecure));
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }

  return null;
}

/**
 * The console cookie: httpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Path=/, and on HTTPS Secure with the `__Host-` prefix (no subdomain can set it).
 */
export function sessionCookieWriter(response: Response, isSecure: boolean): SessionCookieWriter {
  const name = sessionCookieName(isSecure);
  const options = { httpOnly: true, sameSite: 'strict', secure: isSecure, path: '/' } as const;

  return {
    set: (token, maxAgeMs) => response.cookie(name, token, { ...options, maxAge: maxAgeMs }),
    clear: () => response.clearCookie(name, options),
  };
}
