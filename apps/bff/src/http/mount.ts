// Handlers are mounted by route id: the method and path come from the shared route table
// (packages/shared/src/api/route-paths.ts, read by routeAt), never written again here. `req.params` is typed from
// the route's path (`:regionId` → `req.params.regionId: string`). The router stays whatever the
// module built (apiRouter(): strict and case-sensitive, behind the guard once mounted on `api`).
import {
  routeAt,
  type HttpMethod,
  type PathParams,
  type RouteId,
} from '@vpn-console/shared/api/paths';
import type { RequestHandler, Router } from 'express';

const verbs = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

/** Serve route `id` on `router` with `handlers` (Express 5: a rejected promise reaches the error handler). */
export const mount = <Id extends RouteId>(
  router: Router,
  id: Id,
  ...handlers: RequestHandler<PathParams<Id>>[]
): void => {
  const { method, path }: { method: HttpMethod; path: string } = routeAt(id);
  // Express types a handler's params from a literal path; the path here is the table's, whose
  // parameters PathParams<Id> names.
  router[verbs[method]]<string, PathParams<Id>>(path, ...handlers);
};
