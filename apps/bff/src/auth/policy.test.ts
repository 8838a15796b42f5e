import { apiRoutes } from '@vpn-console/shared/api/routes';
import { describe, expect, it } from 'vitest';
import { compilePolicy, decide, policyRules } from './policy';

function concrete(path: string): string {
  return path.replace(/:[A-Za-z]+/g, 'x-1');
}

describe('authorisation policy', () => {
  it('names every route of the shared contract', () => {
    for (const route of apiRoutes) {
      expect(
        decide(route.method, concrete(route.path)),
        `${route.method} ${route.path}`,
      ).not.toEqual({
        access: 'deny',
      });
    }
  });

  it('lets viewers read, operators write, admins manage accounts', () => {
    expect(decide('GET', '/api/v1/regions/cn-hangzhou/vpn-gateways')).toEqual({ access: 'viewer' });
    expect(decide('POST', '/api/v1/regions/cn-hangzhou/ipsec-servers')).toEqual({
      access: 'operator',
    });
    expect(decide('DELETE', '/api/v1/regions/cn-hangzhou/vpn-connections/vco-1')).toEqual({
      access: 'operator',
    });
    expect(decide('POST', '/api/v1/regions/cn-hangzhou/vpn-connections/vco-1/psk/reveal')).toEqual({
      access: 'operator',
      auditRefusal: 'revealPsk',
    });
    expect(decide('PATCH', '/api/v1/accounts/a-1')).toEqual({ access: 'admin' });
    expect(decide('POST', '/api/v1/session')).toEqual({ access: 'public' });
  });

  it('denies what it does not name: other methods, deeper paths, dot and empty segments', () => {
    for (const [method, path] of [
      ['PUT', '/api/v1/regions/cn-hangzhou/ipsec-servers/x'],
      ['DELETE', '/api/v1/accounts/a-1'],
      ['GET', '/api/v1/regions/cn-hangzhou/ipsec-servers/x/psk/reveal'],
      ['POST', '/api/v1/regions/cn-hangzhou/ssl-vpn-servers/x/psk/reveal'],
      ['GET', '/api/v1/regions/cn-hangzhou/vpn-gateways/x/extra'],
      ['GET', '/api/v1/regions/cn-hangzhou/../../accounts'],
      ['GET', '/api/v1/regions//vpn-gateways'],
      ['GET', '/api/v1/unknown'],
      ['POST', '/api/v1/health'],
    ] as const) {
      expect(decide(method, path), `${method} ${path}`).toEqual({ access: 'deny' });
    }
  });

  it('supports a trailing ** for any rest of a path', () => {
    const d = compilePolicy([{ methods: ['GET'], pattern: '/a/:b/**', access: 'viewer' }]);
    expect(d('GET', '/a/1/c/d')).toEqual({ access: 'viewer' });
    expect(d('GET', '/a')).toEqual({ access: 'deny' });
    expect(policyRules.length).toBeGreaterThan(10);
  });
});
