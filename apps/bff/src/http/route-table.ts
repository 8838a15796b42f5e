// The shared route table (packages/shared/src/api/routes.ts) against what Express serves: every
// route of the table has a handler and every API handler has a route of the table. Checked when
// the app is built (createApp throws) and in test/route-table.test.ts.
import { apiRoutes } from '@vpn-console/shared/api/routes';
import type { Router } from 'express';
import { z } from 'zod';

export interface ServedRoute {
  readonly method: string;
  readonly path: string;
}

/** A route as the check reads it (the table's, or a test's made-up one). */
export interface TableRoute extends ServedRoute {
  readonly id: string;
}

// Express keeps its routers' layers in `stack`; a layer holds a route (its path and methods) or,
// for `use`, a nested router with its own stack. Read with a schema, not trusted.
const layerSchema = z.object({
  route: z.object({ path: z.unknown(), methods: z.record(z.string(), z.unknown()) }).optional(),
  handle: z.unknown(),
});
// A router is a function with a `stack` property (zod reads objects, not functions).
const stackOf = (handle: unknown): unknown[] => {
  if ((typeof handle !== 'function' && typeof handle !== 'object') || handle === null) return [];
  const stack: unknown = Reflect.get(handle, 'stack');
  return Array.isArray(stack) ? stack : [];
};

/** The (method, path) pairs a router serves, its nested routers' included. */
export const servedRoutes = (router: Router): ServedRoute[] => {
  const out: ServedRoute[] = [];
  const walk = (stack: readonly unknown[]) => {
    for (const raw of stack) {
      const layer = layerSchema.safeParse(raw);
      if (!layer.success) continue;
      const { route } = layer.data;
      if (route === undefined) {
        walk(stackOf(layer.data.handle));
        continue;
      }
      // Only the API's own paths (the SPA's fallback is a regular expression).
      if (typeof route.path !== 'string') continue;
      for (const method of Object.keys(route.methods)) {
        if (method === '_all') continue;
        out.push({ method: method.toUpperCase(), path: route.path });
      }
    }
  };
  walk(stackOf(router));
  return out;
};

const keyOf = (r: ServedRoute) => `${r.method} ${r.path}`;

/** What the table names that nothing serves, and what is served that the table does not name. */
export const routeTableMismatch = (
  served: readonly ServedRoute[],
  table: readonly TableRoute[] = apiRoutes,
): { unserved: string[]; unlisted: string[] } => {
  const servedKeys = new Set(served.map(keyOf));
  const tableKeys = new Set(table.map(keyOf));
  return {
    unserved: table.filter((r) => !servedKeys.has(keyOf(r))).map((r) => `${r.id}: ${keyOf(r)}`),
    unlisted: [...servedKeys].filter((k) => !tableKeys.has(k)),
  };
};

/**
 * Throws when the table and the served routes differ (at start-up). `coreOnly` (the benchmark's
 * BFF core): only handlers the table does not name are refused.
 */
export const assertRoutesMatchTable = (router: Router, options: { coreOnly: boolean }): void => {
  const mismatch = routeTableMismatch(servedRoutes(router));
  const unserved = options.coreOnly ? [] : mismatch.unserved;
  const { unlisted } = mismatch;
  if (unserved.length === 0 && unlisted.length === 0) return;
  throw new Error(
    [
      'The BFF does not serve the shared route table (packages/shared/src/api/routes.ts).',
      ...unserved.map((r) => `  no handler for ${r}`),
      ...unlisted.map((r) => `  not in the table: ${r}`),
    ].join('\n'),
  );
};
