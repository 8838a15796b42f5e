import { describe, expect, it } from 'vitest';
import { bgpConfigChangeSchema, bgpConfigCreateSchema } from './bgp-config';
import { bgpShape, healthCheckShape, ikeShape, ipsecShape, tunnelBgpShape } from './config-shapes';
import {
  healthCheckConfigChangeSchema,
  healthCheckConfigCreateSchema,
} from './health-check-config';
import {
  connectionIkeConfigChangeSchema,
  ipsecConfigChangeSchema,
  ipsecConfigCreateSchema,
} from './ike-config';
import { responseSchemaOf, viewOf, viewSchemaOf, wireJson, writableNames } from './key-map';

const ctx = { gatewayType: 'standard' } as const;
const keysOf = (schema: { shape: object }) => Object.keys(schema.shape).sort();

describe('the configuration key maps', () => {
  it('name exactly the fields the form schemas accept, so no field is dropped on the wire', () => {
    expect(writableNames(ikeShape).sort()).toEqual(keysOf(connectionIkeConfigChangeSchema(ctx)));
    expect(writableNames(ipsecShape).sort()).toEqual(keysOf(ipsecConfigChangeSchema(ctx)));
    expect(writableNames(ipsecShape).sort()).toEqual(
      keysOf(ipsecConfigCreateSchema(ctx, 'vpn-connection')),
    );
    for (const schema of [bgpConfigChangeSchema, bgpConfigCreateSchema]) {
      expect(writableNames(bgpShape).sort()).toEqual(keysOf(schema));
    }
    for (const schema of [healthCheckConfigChangeSchema, healthCheckConfigCreateSchema]) {
      expect(writableNames(healthCheckShape).sort()).toEqual(keysOf(schema));
    }
  });

  it('write the documented JSON: IKE values typed, BGP and health check as text, health check lower-case', () => {
    expect(wireJson(ikeShape, { psk: 'k', ikeEncAlg: 'aes256', ikeLifetime: 3600 })).toBe(
      '{"Psk":"k","IkeEncAlg":"aes256","IkeLifetime":3600}',
    );
    expect(wireJson(bgpShape, { enableBgp: true, localAsn: 45104 })).toBe(
      '{"EnableBgp":"true","LocalAsn":"45104"}',
    );
    expect(wireJson(healthCheckShape, { enable: true, dip: '192.0.2.1', retry: 3 })).toBe(
      '{"enable":"true","dip":"192.0.2.1","retry":"3"}',
    );
    expect(wireJson(ipsecShape, undefined)).toBeUndefined();
  });

  it('read a response into the view and never let a secret through', () => {
    const response = responseSchemaOf(bgpShape).parse({
      EnableBgp: 'true',
      LocalAsn: '45104',
      PeerAsn: 65000,
      AuthKey: 'secret',
      Status: 'success',
      Unknown: 'kept by the response schema only',
    });
    const view = viewOf(bgpShape, response);
    expect(view).toEqual({ enableBgp: true, localAsn: 45104, peerAsn: 65000, status: 'success' });
    expect(viewSchemaOf(bgpShape).parse(view)).toEqual(view);
    const ike = viewOf(ikeShape, responseSchemaOf(ikeShape).parse({ Psk: 'p', IkeLifetime: '60' }));
    expect(ike).toEqual({ ikeLifetime: 60 });
  });

  it('reuse the same names for a tunnel (TunnelBgpConfig has no connection-wide switch)', () => {
    expect(Object.keys(tunnelBgpShape.fields)).not.toContain('enableBgp');
    expect(wireJson(tunnelBgpShape, { localAsn: 65001, tunnelCidr: '169.254.10.0/30' })).toBe(
      '{"LocalAsn":"65001","TunnelCidr":"169.254.10.0/30"}',
    );
    // With BGP off the cloud answers '' for a tunnel's numbers: absent, not an error.
    const off = responseSchemaOf(tunnelBgpShape).parse({ LocalAsn: '', BgpStatus: '' });
    expect(viewOf(tunnelBgpShape, off)).toEqual({ bgpStatus: '' });
  });
});
