import { describe, expect, it } from 'vitest';
import { expectAccepted, expectRefused, issuesOf } from '../../test/helpers';
import { VPN_CONNECTION_STEP_FIELDS, vpnConnectionSteps } from './steps';

describe('vpnConnectionSteps', () => {
  const steps = vpnConnectionSteps({ gatewayType: 'sm' });
  const form = {
    regionId: 'cn-shanghai',
    vpnGatewayId: 'vpn-1',
    customerGatewayId: 'cgw-1',
    localSubnet: ['10.1.1.0/24'],
    remoteSubnet: ['10.2.1.0/24'],
  };

  it('validates the basics step without the later steps', () => {
    expectAccepted(steps.basics, form);
    expectAccepted(steps.phase2, form);
    expectAccepted(steps.advanced, form);
  });
  it('asks for the peer CA certificate on the phase 1 step of an SM gateway', () => {
    expectRefused(steps.phase1, form, 'remoteCaCertificate', 'REMOTE_CA_CERT_REQUIRED_FOR_SM');
    expect(
      issuesOf(steps.phase1, { ...form, remoteCaCertificate: '-----BEGIN CERTIFICATE-----x' }),
    ).toEqual([]);
  });
  it('reports a BGP problem on the advanced step only', () => {
    const broken = {
      ...form,
      bgpConfig: { enableBgp: true, tunnelCidr: '169.254.1.0/30', localBgpIp: '169.254.1.1' },
    };
    expectRefused(steps.advanced, broken, 'bgpConfig.tunnelCidr', 'TUNNEL_CIDR_RESERVED');
    expect(issuesOf(steps.basics, broken)).toEqual([]);
  });
  it('lists every create field in exactly one step', () => {
    const fields = Object.values(VPN_CONNECTION_STEP_FIELDS).flat().sort();
    expect(fields).toEqual(Object.keys(steps.review.shape).sort());
  });
});
