import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from './errors';
import { sseEventSchema } from './events';
import { apiPaths, pathTo } from './paths';
import * as routePaths from './route-paths';
import { apiRoutes } from './routes';

describe('api route list', () => {
  it('has unique ids and unique method + path pairs', () => {
    const ids = apiRoutes.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = apiRoutes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers resource writes with 202 and offers dry runs only on create and change', () => {
    // Cloud resources live under a region; accounts and sessions answer at once (201/200/204).
    for (const route of apiRoutes.filter((r) => r.path.startsWith('/api/v1/regions/'))) {
      if (route.id.startsWith('create') || route.id.startsWith('change')) {
        expect(route.success.status).toBe(202);
        // ModifyVpnConnectionAttribute has no DryRun in the cloud API; CreateCustomerGateway has
        // none either, but the console checks that one itself (verdict `checkedBy: 'console'`).
        // CreateSslVpnClientCert has no DryRun parameter (SDK model) and nothing to check first;
        // neither has ModifyTunnelAttribute (SDK model), nor ModifyCustomerGatewayAttribute.
        expect('dryRun' in route && route.dryRun).toBe(
          route.id !== 'changeVpnConnection' &&
            route.id !== 'createSslVpnClientCert' &&
            route.id !== 'changeVpnConnectionTunnel' &&
            route.id !== 'changeCustomerGateway',
        );
      }
      if (route.id.startsWith('delete')) expect('dryRun' in route).toBe(false);
    }
  });

  it('says who may call every route, and public only where no session is needed', () => {
    const publicIds = apiRoutes.filter((r) => r.role === 'public').map((r) => r.id);
    expect(publicIds.sort()).toEqual([
      'demoAccounts',
      'health',
      'login',
      'logout',
      'openapi',
      'ready',
    ]);
    for (const route of apiRoutes) {
      if (route.method !== 'GET' && route.path.startsWith('/api/v1/regions/')) {
        // Every cloud write is an operator's; a viewer may only check a key.
        expect(route.role, route.id).toBe(route.id.startsWith('check') ? 'viewer' : 'operator');
      }
    }
  });

  it('takes every method and path from routePaths, one route per id', () => {
    expect(apiRoutes.map((r) => r.id).sort()).toEqual(Object.keys(routePaths).sort());
    for (const route of apiRoutes)
      expect(`${route.method} ${route.path}`).toBe(routePaths[route.id]);
  });

  it('builds URLs from the table, encoding path segments', () => {
    expect(apiPaths.vpnGateway('cn-hangzhou', 'vpn/../x')).toBe(
      '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn%2F..%2Fx',
    );
    expect(pathTo(routePaths.changeVpnConnectionTunnel, 'cn hz', 'vco-1', 'tun?1')).toBe(
      '/api/v1/regions/cn%20hz/vpn-connections/vco-1/tunnels/tun%3F1',
    );
    expect(pathTo(routePaths.health)).toBe('/api/v1/health');
  });
});

describe('api payload schemas', () => {
  it('accepts an error body with issues and refuses one without a code', () => {
    expect(
      apiErrorBodySchema.safeParse({
        error: {
          code: 'ValidationFailed',
          httpStatus: 400,
          issues: [{ path: 'localSubnet.0', code: 'CIDR_NOT_CANONICAL' }],
        },
      }).success,
    ).toBe(true);
    expect(apiErrorBodySchema.safeParse({ error: { httpStatus: 400 } }).success).toBe(false);
  });

  it('discriminates SSE events on type', () => {
    const parsed = sseEventSchema.parse({
      type: 'stale',
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-1',
      staleSince: '2026-01-01T00:00:00.000Z',
    });
    expect(parsed.type).toBe('stale');
    expect(sseEventSchema.safeParse({ type: 'gateway' }).success).toBe(false);
  });
});
