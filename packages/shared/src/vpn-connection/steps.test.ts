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
  it('refuses a remote subnet inside the local subnet on the basics step, naming both (issue 17)', () => {
    const inside = { ...form, localSubnet: ['10.1.0.0/16'], remoteSubnet: ['10.1.5.0/24'] };
    expectRefused(steps.basics, inside, 'remoteSubnet', 'REMOTE_SUBNET_OVERLAPS_LOCAL');
    expect(issuesOf(steps.basics, inside)[0]?.params).toMatchObject({
      remote: '10.1.5.0/24',
      local: '10.1.0.0/16',
    });
    expectRefused(steps.review, inside, 'remoteSubnet', 'REMOTE_SUBNET_OVERLAPS_LOCAL');
    // Destination-based routing is not a subnet.
    expectAccepted(steps.basics, {
      ...form,
      localSubnet: ['0.0.0.0/0'],
      remoteSubnet: ['0.0.0.0/0'],
    });
  });
  it('checks the health check on the advanced step as you type: ranges, and the source IP against the remote subnet', () => {
    const hc = (patch: Record<string, unknown>) => ({
      ...form,
      healthCheckConfig: { enable: true, dip: '10.2.1.1', sip: '10.1.1.1', ...patch },
    });
    expectAccepted(steps.advanced, hc({ interval: 60, retry: 100 }));
    expectRefused(
      steps.advanced,
      hc({ interval: 61 }),
      'healthCheckConfig.interval',
      'HEALTH_CHECK_INTERVAL_RANGE',
    );
    expectRefused(
      steps.advanced,
      hc({ retry: 200 }),
      'healthCheckConfig.retry',
      'HEALTH_CHECK_RETRY_RANGE',
    );
    expectRefused(
      steps.advanced,
      hc({ sip: '10.2.1.9' }),
      'healthCheckConfig.sip',
      'HEALTH_CHECK_SIP_IN_REMOTE_SUBNET',
    );
    expectRefused(
      steps.review,
      hc({ sip: '10.2.1.9' }),
      'healthCheckConfig.sip',
      'HEALTH_CHECK_SIP_IN_REMOTE_SUBNET',
    );
  });
});
