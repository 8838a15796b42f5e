// The session cookie. `__Host-` prefix when Secure (host-only, Path=/, no Domain); HttpOnly,
// SameSite=Strict always.
import type { Request, Response } from 'express';

export interface CookieOptions {
  /** Send `Secure` (and use the `__Host-` name): true behind TLS. */
  readonly secure: boolean;
}

export function sessionCookieName(options: CookieOptions): string {
  return options.secure ? '__Host-vpnc_session' : 'vpnc_session';
}

/** The session token from the Cookie header, if any (the last one wins on duplicates: none do). */
export function readSessionCookie(req: Request, options: CookieOptions): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  const name = sessionCookieName(options);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}

function attributes(options: CookieOptions): string {
  return `Path=/; HttpOnly; SameSite=Strict${options.secure ? '; Secure' : ''}`;
}

export function setSessionCookie(res: Response, token: string, options: CookieOptions): void {
  res.append('Set-Cookie', `${sessionCookieName(options)}=${token}; ${attributes(options)}`);
}

export function clearSessionCookie(res: Response, options: CookieOptions): void {
  res.append(
    'Set-Cookie',
    `${sessionCookieName(options)}=; ${attributes(options)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`,
  );
}
