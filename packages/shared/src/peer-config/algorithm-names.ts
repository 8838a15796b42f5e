// How each device spells Alibaba's IKE/IPsec algorithm and DH-group names: written ONCE here and
// read by every template in ./templates. Alibaba's `aes` is AES-128 and `groupN` is the RFC 2409 /
// RFC 3526 MODP group N (group1 = 768, group2 = 1024, group5 = 1536, group14 = 2048 bits); `md5`
// and `sha*` are HMAC integrity (and PRF in phase 1). Where a device's phase 1 and phase 2 spell a
// name differently, the column says which (`ike`/`esp`). `undefined`: the device has no such
// algorithm in the documentation its syntax was checked against (SM4/SM3 outside Huawei and H3C;
// SHA-2 in Cisco ASA's IKEv1; SHA-384/512 on Junos; DES in pfSense), and the template refuses it.
import type { AuthAlg, EncAlg, IkePfs } from '../common/algorithms';

export type NameDevice =
  | 'strongswan'
  | 'cisco-ios-ikev1'
  | 'cisco-ios-ikev2'
  | 'cisco-ios-esp'
  | 'cisco-asa-ikev1'
  | 'cisco-asa-ikev2'
  | 'cisco-asa-esp-ikev1'
  | 'cisco-asa-esp-ikev2'
  | 'huawei'
  | 'h3c-ikev1'
  | 'h3c'
  | 'fortigate'
  | 'juniper-ike'
  | 'juniper-esp'
  | 'palo-alto'
  | 'pfsense';

type Row = Readonly<Record<NameDevice, string | undefined>>;

export const ENCRYPTION_NAMES: Readonly<Record<EncAlg, Row>> = {
  aes: {
    strongswan: 'aes128',
    'cisco-ios-ikev1': 'aes',
    'cisco-ios-ikev2': 'aes-cbc-128',
    'cisco-ios-esp': 'esp-aes',
    'cisco-asa-ikev1': 'aes',
    'cisco-asa-ikev2': 'aes',
    'cisco-asa-esp-ikev1': 'esp-aes',
    'cisco-asa-esp-ikev2': 'aes',
    huawei: 'aes-128',
    'h3c-ikev1': 'aes-cbc-128',
    h3c: 'aes-cbc-128',
    fortigate: 'aes128',
    'juniper-ike': 'aes-128-cbc',
    'juniper-esp': 'aes-128-cbc',
    'palo-alto': 'aes-128-cbc',
    pfsense: 'AES, key length 128 bits',
  },
  aes192: {
    strongswan: 'aes192',
    'cisco-ios-ikev1': 'aes 192',
    'cisco-ios-ikev2': 'aes-cbc-192',
    'cisco-ios-esp': 'esp-aes 192',
    'cisco-asa-ikev1': 'aes-192',
    'cisco-asa-ikev2': 'aes-192',
    'cisco-asa-esp-ikev1': 'esp-aes-192',
    'cisco-asa-esp-ikev2': 'aes-192',
    huawei: 'aes-192',
    'h3c-ikev1': 'aes-cbc-192',
    h3c: 'aes-cbc-192',
    fortigate: 'aes192',
    'juniper-ike': 'aes-192-cbc',
    'juniper-esp': 'aes-192-cbc',
    'palo-alto': 'aes-192-cbc',
    pfsense: 'AES, key length 192 bits',
  },
  aes256: {
    strongswan: 'aes256',
    'cisco-ios-ikev1': 'aes 256',
    'cisco-ios-ikev2': 'aes-cbc-256',
    'cisco-ios-esp': 'esp-aes 256',
    'cisco-asa-ikev1': 'aes-256',
    'cisco-asa-ikev2': 'aes-256',
    'cisco-asa-esp-ikev1': 'esp-aes-256',
    'cisco-asa-esp-ikev2': 'aes-256',
    huawei: 'aes-256',
    'h3c-ikev1': 'aes-cbc-256',
    h3c: 'aes-cbc-256',
    fortigate: 'aes256',
    'juniper-ike': 'aes-256-cbc',
    'juniper-esp': 'aes-256-cbc',
    'palo-alto': 'aes-256-cbc',
    pfsense: 'AES, key length 256 bits',
  },
  des: {
    strongswan: 'des',
    'cisco-ios-ikev1': 'des',
    'cisco-ios-ikev2': undefined,
    'cisco-ios-esp': 'esp-des',
    'cisco-asa-ikev1': 'des',
    'cisco-asa-ikev2': 'des',
    'cisco-asa-esp-ikev1': 'esp-des',
    'cisco-asa-esp-ikev2': 'des',
    huawei: 'des',
    'h3c-ikev1': 'des-cbc',
    h3c: 'des-cbc',
    fortigate: 'des',
    'juniper-ike': 'des-cbc',
    'juniper-esp': 'des-cbc',
    'palo-alto': 'des',
    pfsense: undefined,
  },
  '3des': {
    strongswan: '3des',
    'cisco-ios-ikev1': '3des',
    'cisco-ios-ikev2': '3des',
    'cisco-ios-esp': 'esp-3des',
    'cisco-asa-ikev1': '3des',
    'cisco-asa-ikev2': '3des',
    'cisco-asa-esp-ikev1': 'esp-3des',
    'cisco-asa-esp-ikev2': '3des',
    huawei: '3des',
    'h3c-ikev1': '3des-cbc',
    h3c: '3des-cbc',
    fortigate: '3des',
    'juniper-ike': '3des-cbc',
    'juniper-esp': '3des-cbc',
    'palo-alto': '3des',
    pfsense: '3DES',
  },
  sm4: {
    strongswan: undefined,
    'cisco-ios-ikev1': undefined,
    'cisco-ios-ikev2': undefined,
    'cisco-ios-esp': undefined,
    'cisco-asa-ikev1': undefined,
    'cisco-asa-ikev2': undefined,
    'cisco-asa-esp-ikev1': undefined,
    'cisco-asa-esp-ikev2': undefined,
    huawei: 'sm4',
    'h3c-ikev1': 'sm4-cbc',
    h3c: 'sm4-cbc',
    fortigate: undefined,
    'juniper-ike': undefined,
    'juniper-esp': undefined,
    'palo-alto': undefined,
    pfsense: undefined,
  },
};

export const INTEGRITY_NAMES: Readonly<Record<AuthAlg, Row>> = {
  md5: {
    strongswan: 'md5',
    'cisco-ios-ikev1': 'md5',
    'cisco-ios-ikev2': 'md5',
    'cisco-ios-esp': 'esp-md5-hmac',
    'cisco-asa-ikev1': 'md5',
    'cisco-asa-ikev2': 'md5',
    'cisco-asa-esp-ikev1': 'esp-md5-hmac',
    'cisco-asa-esp-ikev2': 'md5',
    huawei: 'md5',
    'h3c-ikev1': 'md5',
    h3c: 'md5',
    fortigate: 'md5',
    'juniper-ike': 'md5',
    'juniper-esp': 'hmac-md5-96',
    'palo-alto': 'md5',
    pfsense: 'MD5',
  },
  sha1: {
    strongswan: 'sha1',
    'cisco-ios-ikev1': 'sha',
    'cisco-ios-ikev2': 'sha1',
    'cisco-ios-esp': 'esp-sha-hmac',
    'cisco-asa-ikev1': 'sha',
    'cisco-asa-ikev2': 'sha',
    'cisco-asa-esp-ikev1': 'esp-sha-hmac',
    'cisco-asa-esp-ikev2': 'sha-1',
    huawei: 'sha1',
    'h3c-ikev1': 'sha',
    h3c: 'sha1',
    fortigate: 'sha1',
    'juniper-ike': 'sha1',
    'juniper-esp': 'hmac-sha1-96',
    'palo-alto': 'sha1',
    pfsense: 'SHA1',
  },
  sha256: {
    strongswan: 'sha256',
    'cisco-ios-ikev1': 'sha256',
    'cisco-ios-ikev2': 'sha256',
    'cisco-ios-esp': 'esp-sha256-hmac',
    'cisco-asa-ikev1': undefined,
    'cisco-asa-ikev2': 'sha256',
    'cisco-asa-esp-ikev1': undefined,
    'cisco-asa-esp-ikev2': 'sha-256',
    huawei: 'sha2-256',
    'h3c-ikev1': 'sha256',
    h3c: 'sha256',
    fortigate: 'sha256',
    'juniper-ike': 'sha-256',
    'juniper-esp': 'hmac-sha-256-128',
    'palo-alto': 'sha256',
    pfsense: 'SHA256',
  },
  sha384: {
    strongswan: 'sha384',
    'cisco-ios-ikev1': 'sha384',
    'cisco-ios-ikev2': 'sha384',
    'cisco-ios-esp': 'esp-sha384-hmac',
    'cisco-asa-ikev1': undefined,
    'cisco-asa-ikev2': 'sha384',
    'cisco-asa-esp-ikev1': undefined,
    'cisco-asa-esp-ikev2': 'sha-384',
    huawei: 'sha2-384',
    'h3c-ikev1': 'sha384',
    h3c: 'sha384',
    fortigate: 'sha384',
    'juniper-ike': undefined,
    'juniper-esp': undefined,
    'palo-alto': 'sha384',
    pfsense: 'SHA384',
  },
  sha512: {
    strongswan: 'sha512',
    'cisco-ios-ikev1': 'sha512',
    'cisco-ios-ikev2': 'sha512',
    'cisco-ios-esp': 'esp-sha512-hmac',
    'cisco-asa-ikev1': undefined,
    'cisco-asa-ikev2': 'sha512',
    'cisco-asa-esp-ikev1': undefined,
    'cisco-asa-esp-ikev2': 'sha-512',
    huawei: 'sha2-512',
    'h3c-ikev1': 'sha512',
    h3c: 'sha512',
    fortigate: 'sha512',
    'juniper-ike': undefined,
    'juniper-esp': undefined,
    'palo-alto': 'sha512',
    pfsense: 'SHA512',
  },
  sm3: {
    strongswan: undefined,
    'cisco-ios-ikev1': undefined,
    'cisco-ios-ikev2': undefined,
    'cisco-ios-esp': undefined,
    'cisco-asa-ikev1': undefined,
    'cisco-asa-ikev2': undefined,
    'cisco-asa-esp-ikev1': undefined,
    'cisco-asa-esp-ikev2': undefined,
    huawei: 'sm3',
    'h3c-ikev1': 'sm3',
    h3c: 'sm3',
    fortigate: undefined,
    'juniper-ike': undefined,
    'juniper-esp': undefined,
    'palo-alto': undefined,
    pfsense: undefined,
  },
};

/** DH groups: the MODP size and each device's spelling. */
export const DH_GROUP_NAMES: Readonly<Record<IkePfs, { bits: number; names: Row }>> = {
  group1: { bits: 768, names: dhRow(1, 'modp768') },
  group2: { bits: 1024, names: dhRow(2, 'modp1024') },
  group5: { bits: 1536, names: dhRow(5, 'modp1536') },
  group14: { bits: 2048, names: dhRow(14, 'modp2048') },
};

function dhRow(n: number, modp: string): Row {
  const g = String(n);
  return {
    strongswan: modp,
    'cisco-ios-ikev1': g,
    'cisco-ios-ikev2': g,
    'cisco-ios-esp': `group${g}`,
    'cisco-asa-ikev1': g,
    'cisco-asa-ikev2': g,
    'cisco-asa-esp-ikev1': `group${g}`,
    'cisco-asa-esp-ikev2': `group${g}`,
    huawei: `group${g}`,
    'h3c-ikev1': `group${g}`,
    h3c: `group${g}`,
    fortigate: g,
    'juniper-ike': `group${g}`,
    'juniper-esp': `group${g}`,
    'palo-alto': `group${g}`,
    pfsense: `${g} (${modp.replace('modp', '')} bit)`,
  };
}

/** An algorithm this device cannot express (refused with this error's message by the route). */
export class UnsupportedAlgorithmError extends Error {
  constructor(
    readonly device: string,
    readonly algorithm: string,
  ) {
    super(`${device} has no equivalent of Alibaba's ${algorithm}`);
    this.name = 'UnsupportedAlgorithmError';
  }
}

export interface DeviceNames {
  enc(alg: string): string;
  auth(alg: string): string;
  dh(group: string): string;
}

function lookup(
  table: Readonly<Partial<Record<string, Row>>>,
  key: string,
  device: NameDevice,
): string {
  const row = table[key];
  const name = row?.[device];
  if (name === undefined) throw new UnsupportedAlgorithmError(device, key);
  return name;
}

/** The names one device column gives. */
export function namesFor(device: NameDevice): DeviceNames {
  const dh: Readonly<Partial<Record<string, Row>>> = Object.fromEntries(
    Object.entries(DH_GROUP_NAMES).map(([k, v]) => [k, v.names]),
  );
  return {
    enc: (alg) => lookup(ENCRYPTION_NAMES, alg, device),
    auth: (alg) => lookup(INTEGRITY_NAMES, alg, device),
    dh: (group) => lookup(dh, group, device),
  };
}
