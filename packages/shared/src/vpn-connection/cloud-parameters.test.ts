import { describe, expect, it } from 'vitest';
import { bodyPathOfCloudParameter, cloudParameterOf } from './cloud-parameters';

describe('cloud parameters back to body fields', () => {
  it.each([
    ['BgpConfig.TunnelCidr', 'bgpConfig.tunnelCidr'],
    ['BgpConfig.LocalBgpIp', 'bgpConfig.localBgpIp'],
    ['IkeConfig.IkeEncAlg', 'ikeConfig.ikeEncAlg'],
    ['HealthCheckConfig.sip', 'healthCheckConfig.sip'],
    ['LocalSubnet', 'localSubnet'],
    ['TunnelOptionsSpecification.1.TunnelBgpConfig.TunnelCidr', 'tunnels.0.bgpConfig.tunnelCidr'],
    ['TunnelOptionsSpecification.2.TunnelIkeConfig.RemoteId', 'tunnels.1.ikeConfig.remoteId'],
    ['TunnelOptionsSpecification.2.CustomerGatewayId', 'tunnels.1.customerGatewayId'],
  ])('%s → %s', (parameter, path) => {
    expect(bodyPathOfCloudParameter(parameter)).toBe(path);
  });

  it.each(['BgpConfig.PeerAsn', 'TunnelOptionsSpecification.3.TunnelBgpConfig.TunnelCidr', 'Foo'])(
    'has no field for %s',
    (parameter) => {
      expect(bodyPathOfCloudParameter(parameter)).toBeUndefined();
    },
  );

  it('takes the parameter from the code or the quoted name, nothing else', () => {
    expect(cloudParameterOf('IllegalParam.LocalSubnet', undefined)).toBe('LocalSubnet');
    expect(
      cloudParameterOf(
        'InvalidParameter',
        'The specified parameter "BgpConfig.TunnelCidr" is not valid.',
      ),
    ).toBe('BgpConfig.TunnelCidr');
    expect(cloudParameterOf('InvalidParameter', 'The value "a b" is bad')).toBeUndefined();
    expect(cloudParameterOf('VpnGateway.Configuring', '"BgpConfig.TunnelCidr"')).toBeUndefined();
  });
});
