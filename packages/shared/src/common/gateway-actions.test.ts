import { describe, expect, it } from 'vitest';
import { gatewayActionBlock, type GatewayFacts } from './gateway-actions';

const normal: GatewayFacts = {
  businessStatus: 'Normal',
  sslVpn: true,
  version: 'v1.2.4',
  supportsIpsecServer: true,
};
const empty = { ipsecServers: 0, sslVpnServers: 0 };

describe('what a gateway can take', () => {
  it.each([
    ['createIpsecServer', normal, empty, undefined],
    ['createSslVpnServer', normal, empty, undefined],
    ['createVpnConnection', normal, empty, undefined],
    [
      'createIpsecServer',
      { ...normal, businessStatus: 'FinancialLocked' },
      empty,
      'GATEWAY_FINANCIAL_LOCKED',
    ],
    [
      'createVpnConnection',
      { ...normal, businessStatus: 'FinancialLocked' },
      empty,
      'GATEWAY_FINANCIAL_LOCKED',
    ],
    ['change', { ...normal, businessStatus: 'FinancialLocked' }, empty, 'GATEWAY_FINANCIAL_LOCKED'],
    [
      'createIpsecServer',
      { ...normal, supportsIpsecServer: false },
      empty,
      'GATEWAY_IPSEC_SERVER_UNSUPPORTED',
    ],
    ['createIpsecServer', { ...normal, sslVpn: false }, empty, 'GATEWAY_SSL_VPN_OFF'],
    ['createIpsecServer', normal, { ...empty, ipsecServers: 1 }, 'GATEWAY_IPSEC_SERVER_EXISTS'],
    ['createSslVpnServer', { ...normal, sslVpn: false }, empty, 'GATEWAY_SSL_VPN_OFF'],
    ['createSslVpnServer', normal, { ...empty, sslVpnServers: 1 }, 'GATEWAY_SSL_VPN_SERVER_EXISTS'],
    // Unknown support is not a refusal: the cloud decides.
    ['createIpsecServer', { businessStatus: 'Normal', sslVpn: true }, empty, undefined],
  ] as const)('%s on %j with %j: %s', (action, gateway, contents, code) => {
    expect(gatewayActionBlock(gateway, contents, action)?.code).toBe(code);
  });

  it('names the version that lacks the IPsec server', () => {
    expect(
      gatewayActionBlock(
        { ...normal, supportsIpsecServer: false, version: 'v1.0.0' },
        empty,
        'createIpsecServer',
      ),
    ).toEqual({ code: 'GATEWAY_IPSEC_SERVER_UNSUPPORTED', params: { version: 'v1.0.0' } });
  });
});
