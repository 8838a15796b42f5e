import { describe, expect, it } from 'vitest';
import {
  expectAccepted,
  expectRefused,
  issuesOf,
  omit,
  type AcceptedCase,
  type RefusedCase,
} from '../../test/helpers';
import { toCreateCustomerGatewayParams } from './rpc';
import { createCustomerGatewaySchema, type CreateCustomerGatewayInput } from './schema';
import { CUSTOMER_GATEWAY_STEP_FIELDS, customerGatewaySteps } from './steps';

const schema = createCustomerGatewaySchema;
const base = {
  regionId: 'cn-hangzhou',
  ipAddress: '203.0.113.10',
} satisfies CreateCustomerGatewayInput;
type Base = typeof base;

const accepted: AcceptedCase<Base>[] = [
  { rule: 'required fields only', value: (b) => b },
  {
    rule: 'name and description of 1 and 100 characters',
    value: (b) => ({ ...b, name: 'a', description: 'd'.repeat(100) }),
  },
  {
    rule: 'name starting with a digit (1–100 rule has no start rule)',
    value: (b) => ({ ...b, name: '1st-idc' }),
  },
  { rule: 'ASN 1 and 4294967295', value: (b) => ({ ...b, asn: 4294967295 }) },
  { rule: 'ASN as a decimal string', value: (b) => ({ ...b, asn: '65001' }) },
  { rule: 'ASN in a.b form', value: (b) => ({ ...b, asn: '1.1' }) },
  {
    rule: 'auth key of 64 ASCII characters',
    value: (b) => ({ ...b, authKey: `${'k'.repeat(60)}!@#$` }),
  },
  {
    rule: 'private address (private network connection)',
    value: (b) => ({ ...b, ipAddress: '10.0.0.1' }),
  },
];

const refused: RefusedCase<Base>[] = [
  {
    rule: 'ipAddress required',
    value: (b) => omit(b, 'ipAddress'),
    path: 'ipAddress',
    code: 'REQUIRED',
  },
  {
    rule: 'regionId required',
    value: (b) => omit(b, 'regionId'),
    path: 'regionId',
    code: 'REQUIRED',
  },
  { rule: 'unknown key', value: (b) => ({ ...b, tags: [] }), path: 'tags', code: 'UNKNOWN_KEY' },
  {
    rule: 'ipAddress IPv4',
    value: (b) => ({ ...b, ipAddress: '203.0.113' }),
    path: 'ipAddress',
    code: 'IPV4_INVALID',
  },
  {
    rule: 'ipAddress 0.0.0.0 ("this network", issue 17)',
    value: (b) => ({ ...b, ipAddress: '0.0.0.0' }),
    path: 'ipAddress',
    code: 'IP_ADDRESS_RESERVED',
  },
  {
    rule: 'ipAddress reserved 100.64/10',
    value: (b) => ({ ...b, ipAddress: '100.64.1.1' }),
    path: 'ipAddress',
    code: 'IP_ADDRESS_RESERVED',
  },
  {
    rule: 'ipAddress reserved 127/8',
    value: (b) => ({ ...b, ipAddress: '127.0.0.1' }),
    path: 'ipAddress',
    code: 'IP_ADDRESS_RESERVED',
  },
  {
    rule: 'ipAddress reserved 169.254/16',
    value: (b) => ({ ...b, ipAddress: '169.254.1.1' }),
    path: 'ipAddress',
    code: 'IP_ADDRESS_RESERVED',
  },
  {
    rule: 'ipAddress reserved 224/4',
    value: (b) => ({ ...b, ipAddress: '224.0.0.1' }),
    path: 'ipAddress',
    code: 'IP_ADDRESS_RESERVED',
  },
  {
    rule: 'ipAddress reserved 255/8',
    value: (b) => ({ ...b, ipAddress: '255.255.255.255' }),
    path: 'ipAddress',
    code: 'IP_ADDRESS_RESERVED',
  },
  { rule: 'name empty', value: (b) => ({ ...b, name: '' }), path: 'name', code: 'NAME_LENGTH' },
  {
    rule: 'name 101 characters',
    value: (b) => ({ ...b, name: 'n'.repeat(101) }),
    path: 'name',
    code: 'NAME_LENGTH',
  },
  {
    rule: 'name http://',
    value: (b) => ({ ...b, name: 'http://idc' }),
    path: 'name',
    code: 'NAME_HTTP_PREFIX',
  },
  {
    rule: 'description 101 characters',
    value: (b) => ({ ...b, description: 'd'.repeat(101) }),
    path: 'description',
    code: 'DESCRIPTION_LENGTH',
  },
  {
    rule: 'description https://',
    value: (b) => ({ ...b, description: 'https://idc' }),
    path: 'description',
    code: 'DESCRIPTION_HTTP_PREFIX',
  },
  {
    rule: 'ASN 45104 refused',
    value: (b) => ({ ...b, asn: 45104 }),
    path: 'asn',
    code: 'ASN_RESERVED_45104',
  },
  {
    rule: 'ASN 45104 as a string refused',
    value: (b) => ({ ...b, asn: '45104' }),
    path: 'asn',
    code: 'ASN_RESERVED_45104',
  },
  { rule: 'ASN 0', value: (b) => ({ ...b, asn: 0 }), path: 'asn', code: 'ASN_RANGE' },
  {
    rule: 'ASN too large',
    value: (b) => ({ ...b, asn: '4294967296' }),
    path: 'asn',
    code: 'ASN_RANGE',
  },
  { rule: 'ASN not integer', value: (b) => ({ ...b, asn: 1.5 }), path: 'asn', code: 'ASN_INVALID' },
  {
    rule: 'ASN wrong type',
    value: (b) => ({ ...b, asn: true }),
    path: 'asn',
    code: 'INVALID_TYPE',
  },
  {
    rule: 'auth key empty',
    value: (b) => ({ ...b, authKey: '' }),
    path: 'authKey',
    code: 'AUTH_KEY_LENGTH',
  },
  {
    rule: 'auth key 65 characters',
    value: (b) => ({ ...b, authKey: 'k'.repeat(65) }),
    path: 'authKey',
    code: 'AUTH_KEY_LENGTH',
  },
  {
    rule: 'auth key with a space',
    value: (b) => ({ ...b, authKey: 'a b' }),
    path: 'authKey',
    code: 'AUTH_KEY_CHARSET',
  },
  {
    rule: 'auth key with ?',
    value: (b) => ({ ...b, authKey: 'ab?' }),
    path: 'authKey',
    code: 'AUTH_KEY_CHARSET',
  },
  {
    rule: 'auth key with Chinese',
    value: (b) => ({ ...b, authKey: '密钥' }),
    path: 'authKey',
    code: 'AUTH_KEY_CHARSET',
  },
];

describe('createCustomerGatewaySchema', () => {
  it.each(accepted)('accepts: $rule', ({ value }) => {
    expectAccepted(schema, value(base));
  });
  it.each(refused)('refuses: $rule → $path $code', ({ value, path, code }) => {
    expectRefused(schema, value(base), path, code);
  });
});

describe('toCreateCustomerGatewayParams', () => {
  it('maps to the CreateCustomerGateway parameters with Asn as a decimal string', () => {
    const value = schema.parse({
      ...base,
      name: 'idc-1',
      description: 'Beijing IDC',
      asn: '1.1',
      authKey: 'md5key',
      clientToken: 'tok-1',
    });
    expect(toCreateCustomerGatewayParams(value)).toEqual({
      action: 'CreateCustomerGateway',
      params: {
        RegionId: 'cn-hangzhou',
        IpAddress: '203.0.113.10',
        Name: 'idc-1',
        Description: 'Beijing IDC',
        Asn: '65537',
        AuthKey: 'md5key',
        ClientToken: 'tok-1',
      },
    });
    expect(toCreateCustomerGatewayParams(schema.parse(base)).params).toEqual({
      RegionId: 'cn-hangzhou',
      IpAddress: '203.0.113.10',
    });
  });
});

describe('customerGatewaySteps', () => {
  it('validates basics and BGP separately', () => {
    expectRefused(customerGatewaySteps.bgp, { ...base, asn: 45104 }, 'asn', 'ASN_RESERVED_45104');
    expect(issuesOf(customerGatewaySteps.basics, { ...base, asn: 45104 })).toEqual([]);
    const fields = Object.values(CUSTOMER_GATEWAY_STEP_FIELDS).flat().sort();
    expect(fields).toEqual(Object.keys(customerGatewaySteps.review.shape).sort());
  });
});
