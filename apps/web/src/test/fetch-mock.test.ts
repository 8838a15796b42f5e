import { describe, expect, it } from 'vitest';
import { mockFetch, takeFetchProblems } from './fetch-mock';

describe('the network mock', () => {
  it('refuses answers the route table says the server cannot give', async () => {
    mockFetch([
      {
        method: 'PATCH',
        path: '/api/v1/regions/cn-hangzhou/vpn-connections/vco-001',
        query: 'dryRun=true',
        respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
      },
      {
        method: 'GET',
        path: '/api/v1/operations/op-1',
        respond: () => ({ status: 200, body: { id: 'op-1' } }),
      },
      {
        method: 'DELETE',
        path: '/api/v1/regions/cn-hangzhou/ipsec-servers/iss-001',
        respond: () => ({ status: 418 }),
      },
    ]);
    await fetch('/api/v1/regions/cn-hangzhou/vpn-connections/vco-001?dryRun=true', {
      method: 'PATCH',
      body: '{}',
    });
    await fetch('/api/v1/operations/op-1');
    await fetch('/api/v1/regions/cn-hangzhou/ipsec-servers/iss-001', { method: 'DELETE' });
    expect(takeFetchProblems()).toEqual([
      'PATCH /api/v1/regions/cn-hangzhou/vpn-connections/vco-001?dryRun=true: changeVpnConnection has no dry run',
      'GET /api/v1/operations/op-1: getOperation answers 200 with a body its schema refuses',
      'DELETE /api/v1/regions/cn-hangzhou/ipsec-servers/iss-001: deleteIpsecServer never answers 418',
    ]);
  });
});
