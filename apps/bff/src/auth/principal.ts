// Who is making a request: set once by the authentication middleware, read by the policy and
// by handlers (never from the client: the role lives server-side in the session).
import type { Request } from 'express';
import type { Role } from '@vpn-console/shared/api/session';

export interface Principal {
  readonly accountId: string;
  readonly username: string;
  readonly role: Role;
  /** SHA-256 of the session token (to end this session, or watch it on a stream). */
  readonly sessionHash: string;
  readonly sessionCreatedAt: Date;
  readonly expiresAt: Date;
}

const principals = new WeakMap<Request, Principal>();

export function setPrincipal(req: Request, principal: Principal): void {
  principals.set(req, principal);
}

/** The signed-in account of this request, or undefined when anonymous. */
export function principalOf(req: Request): Principal | undefined {
  return principals.get(req);
}
