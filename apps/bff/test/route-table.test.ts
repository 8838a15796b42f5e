// One route table: what Express serves is exactly the shared table, and the OpenAPI document
// generated from it names every route and passes an OpenAPI 3.1 validator.
import { validate, compileErrors } from '@readme/openapi-parser';
import { apiRoutes, type ApiRoute } from '@vpn-console/shared/api/routes';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '../src/http/api-router';
import {
  assertRoutesMatchTable,
  routeTableMismatch,
  servedRoutes,
  type TableRoute,
} from '../src/http/route-table';
import { buildOpenApiDocument } from '../src/modules/openapi/document';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

describe('the route table', () => {
  it('names every route Express serves, and Express serves every route it names', () => {
    const served = servedRoutes(stack.app.router);
    expect(served.length).toBeGreaterThan(40);
    expect(routeTableMismatch(served)).toEqual({ unserved: [], unlisted: [] });
  });

  it('finds a handler the table does not name, and a route without a handler', () => {
    const served = servedRoutes(stack.app.router);
    const extra = [...served, { method: 'GET', path: '/api/v1/secret' }];
    expect(routeTableMismatch(extra).unlisted).toEqual(['GET /api/v1/secret']);
    const table: TableRoute[] = [
      ...apiRoutes,
      { id: 'ghost', method: 'GET', path: '/api/v1/ghost' },
    ];
    expect(routeTableMismatch(served, table).unserved).toContain('ghost: GET /api/v1/ghost');
  });
});

describe('the start-up check', () => {
  it('refuses a router that leaves a route of the table without a handler', () => {
    expect(() => {
      assertRoutesMatchTable(apiRouter(), { coreOnly: false });
    }).toThrow(/no handler for login: POST \/api\/v1\/session/);
  });

  it('refuses a handler the table does not name, even for the core alone', () => {
    const router = apiRouter();
    router.get('/api/v1/secret', (_req, res) => {
      res.end();
    });
    expect(() => {
      assertRoutesMatchTable(router, { coreOnly: true });
    }).toThrow(/not in the table: GET \/api\/v1\/secret/);
    expect(() => {
      assertRoutesMatchTable(apiRouter(), { coreOnly: true });
    }).not.toThrow();
  });
});

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it('lists every route of the table, with its role', () => {
    const paths = doc.paths as Record<
      string,
      Record<string, { operationId: string; 'x-role': string }>
    >;
    const listed = Object.values(paths).flatMap((ops) => Object.values(ops));
    expect(listed.map((op) => op.operationId).sort()).toEqual(
      (apiRoutes as readonly ApiRoute[]).map((r) => r.id).sort(),
    );
    for (const name of [
      'login',
      'listAccounts',
      'listAudit',
      'demoAccounts',
      'revealVpnConnectionPsk',
    ]) {
      expect(
        listed.some((op) => op.operationId === name),
        name,
      ).toBe(true);
    }
    expect(listed.find((op) => op.operationId === 'changeAccount')?.['x-role']).toBe('admin');
  });

  it('passes an OpenAPI 3.1 validator', async () => {
    const result = await validate(structuredClone(doc) as unknown as OpenAPIV3_1.Document);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });
});
