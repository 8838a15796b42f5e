import { describe, expect, it } from 'vitest';
import { expectAccepted, expectRefused, issuesOf } from '../../test/helpers';
import { SSL_VPN_SERVER_STEP_FIELDS, sslVpnServerSteps } from './steps';

describe('sslVpnServerSteps', () => {
  const form = {
    regionId: 'cn-shanghai',
    vpnGatewayId: 'vpn-1',
    clientIpPool: '192.168.1.0/24',
    localSubnet: ['10.0.0.0/8'],
  };
  it('validates each step on its own', () => {
    expectAccepted(sslVpnServerSteps.basics, form);
    expectAccepted(sslVpnServerSteps.advanced, form);
    expectAccepted(sslVpnServerSteps.auth, form);
    expectRefused(sslVpnServerSteps.advanced, { ...form, port: 22 }, 'port', 'PORT_FORBIDDEN');
    expect(issuesOf(sslVpnServerSteps.basics, { ...form, port: 22 })).toEqual([]);
    expectRefused(
      sslVpnServerSteps.auth,
      { ...form, enableMultiFactorAuth: true },
      'idaasRegionId',
      'MFA_IDAAS_REGION_REQUIRED',
    );
  });
  it('lists every create field in exactly one step', () => {
    const fields = Object.values(SSL_VPN_SERVER_STEP_FIELDS).flat().sort();
    expect(fields).toEqual(Object.keys(sslVpnServerSteps.review.shape).sort());
  });
});
