import { describe, expect, it } from 'vitest';
import { expectAccepted, expectRefused } from '../../test/helpers';
import { createSslVpnServerSchema } from '../ssl-vpn-server/schema';
import { maxClientPoolPrefix, refineClientPoolSize, refineClientPoolVsVpc } from './client-pool';

describe('maxClientPoolPrefix', () => {
  it.each([
    [5, 27],
    [10, 26],
    [20, 25],
    [50, 24],
    [100, 23],
    [200, 22],
    [500, 21],
    [1000, 20],
  ])('%i connections need at most a /%i (reference §6.2 table)', (connections, prefix) => {
    expect(maxClientPoolPrefix(connections)).toBe(prefix);
  });
});

describe('server-side client pool checks (extending the shared schema in the BFF)', () => {
  const base = { regionId: 'cn-shanghai', vpnGatewayId: 'vpn-1', localSubnet: ['10.0.0.0/16'] };
  const withGatewayFacts = createSslVpnServerSchema
    .superRefine(refineClientPoolSize(50))
    .superRefine(refineClientPoolVsVpc(['172.16.0.0/12']));

  it('accepts a pool that serves every client and stays off the VPC', () => {
    expectAccepted(withGatewayFacts, { ...base, clientIpPool: '192.168.0.0/24' });
  });
  it('refuses a pool too small for the gateway’s connection count', () => {
    expectRefused(
      withGatewayFacts,
      { ...base, clientIpPool: '192.168.0.0/25' },
      'clientIpPool',
      'CLIENT_POOL_TOO_SMALL',
    );
  });
  it('refuses a pool that overlaps the VPC', () => {
    expectRefused(
      withGatewayFacts,
      { ...base, clientIpPool: '172.20.0.0/24' },
      'clientIpPool',
      'CLIENT_POOL_OVERLAPS_VPC',
    );
  });
});
