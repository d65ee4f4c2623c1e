/**
 * The API key: when one is configured, every API call and the dashboard need it, sent as
 * `X-API-Key: <key>` or `Authorization: Bearer <key>`. The web page stores it in a SameSite=Strict
 * cookie so plain links (downloads, the dashboard) work; the cookie is accepted for reads, and
 * for writes only from the same origin (no cross-site form can use it).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const KEY_COOKIE = 'sohoa_key';

function same(a: string, b: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function cookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The key the request presents, if any, by the rules above. */
export function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const fromCookie = cookie(request, KEY_COOKIE);
  if (fromCookie && (request.method === 'GET' || request.method === 'HEAD' || sameOrigin(request))) return fromCookie;
  return null;
}

/** A fastify onRequest hook refusing requests without the key (a no-op when no key is set). */
export function requireKey(apiKey: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!apiKey) return;
    const key = presentedKey(request);
    if (key && same(key, apiKey)) return;
    reply.header('www-authenticate', 'Bearer realm="sohoa"');
    return reply.code(401).send({ error: 'unauthorized', message: 'an API key is required: send it as X-API-Key or Authorization: Bearer' });
  };
}
