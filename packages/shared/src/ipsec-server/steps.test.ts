import { describe, expect, it } from 'vitest';
import { expectAccepted, expectRefused, issuesOf } from '../../test/helpers';
import { IPSEC_SERVER_STEP_FIELDS, ipsecServerSteps } from './steps';

const steps = ipsecServerSteps({ gatewayType: 'standard' });

const form = {
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-1',
  localSubnet: ['192.168.0.0/24'],
  clientIpPool: '10.0.0.0/24',
  ikeConfig: { ikeEncAlg: 'aes256' },
  ipsecConfig: {},
  pskEnabled: true,
};

describe('ipsecServerSteps', () => {
  it('validates each step against the whole form value, ignoring the other steps', () => {
    expectAccepted(steps.basics, form);
    expectAccepted(steps.phase1, form);
    expectAccepted(steps.phase2, form);
    expectAccepted(steps.auth, form);
    expectAccepted(steps.review, form);
  });
  it('reports only the step’s own problems', () => {
    const broken = { ...form, clientIpPool: '192.168.0.0/16', ikeConfig: { ikeEncAlg: 'sm4' } };
    expectRefused(steps.basics, broken, 'clientIpPool', 'CLIENT_POOL_OVERLAPS_LOCAL_SUBNET');
    expect(issuesOf(steps.basics, broken).map((i) => i.path)).toEqual(['clientIpPool']);
    expectRefused(steps.phase1, broken, 'ikeConfig.ikeEncAlg', 'ALGORITHM_NOT_FOR_GATEWAY_TYPE');
    expect(issuesOf(steps.phase1, broken).map((i) => i.path)).toEqual(['ikeConfig.ikeEncAlg']);
    expectRefused(
      steps.auth,
      { ...form, pskEnabled: undefined },
      'pskEnabled',
      'AUTH_METHOD_REQUIRED',
    );
  });
  it('lists every create field in exactly one step', () => {
    const fields = Object.values(IPSEC_SERVER_STEP_FIELDS).flat().sort();
    expect(fields).toEqual(Object.keys(steps.review.shape).sort());
  });
});
