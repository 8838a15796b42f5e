// IKE / IPsec algorithm enums by gateway type (seed 002; reference §6.1) and the documented defaults.
import type { GatewayType } from './gateway-type';

export const IKE_VERSIONS = ['ikev1', 'ikev2'] as const;
export const IKE_MODES = ['main', 'aggressive'] as const;
export const ENC_ALGS_STANDARD = ['aes', 'aes192', 'aes256', 'des', '3des'] as const;
/** md5/sha1 per the 2021 seed; sha256/sha384/sha512 per the current SDK (reference §6.1): both readings accepted. */
export const AUTH_ALGS_STANDARD = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
export const ENC_ALGS_SM = ['sm4'] as const;
export const AUTH_ALGS_SM = ['sm3'] as const;
export const ENC_ALGS = [...ENC_ALGS_STANDARD, ...ENC_ALGS_SM] as const;
export const AUTH_ALGS = [...AUTH_ALGS_STANDARD, ...AUTH_ALGS_SM] as const;
export const IKE_PFS_GROUPS = ['group1', 'group2', 'group5', 'group14'] as const;
export const IPSEC_PFS_GROUPS = ['disabled', 'group1', 'group2', 'group5', 'group14'] as const;

export type IkeVersion = (typeof IKE_VERSIONS)[number];
export type IkeMode = (typeof IKE_MODES)[number];
export type EncAlg = (typeof ENC_ALGS)[number];
export type AuthAlg = (typeof AUTH_ALGS)[number];
export type IkePfs = (typeof IKE_PFS_GROUPS)[number];
export type IpsecPfs = (typeof IPSEC_PFS_GROUPS)[number];

export type AlgorithmSet = {
  ikeVersions: readonly IkeVersion[];
  ikeModes: readonly IkeMode[];
  encAlgs: readonly EncAlg[];
  authAlgs: readonly AuthAlg[];
  ikePfs: readonly IkePfs[];
  ipsecPfs: readonly IpsecPfs[];
};

const STANDARD: AlgorithmSet = {
  ikeVersions: IKE_VERSIONS,
  ikeModes: IKE_MODES,
  encAlgs: ENC_ALGS_STANDARD,
  authAlgs: AUTH_ALGS_STANDARD,
  ikePfs: IKE_PFS_GROUPS,
  ipsecPfs: IPSEC_PFS_GROUPS,
};

const SM: AlgorithmSet = {
  ikeVersions: ['ikev1'],
  ikeModes: ['main'],
  encAlgs: ENC_ALGS_SM,
  authAlgs: AUTH_ALGS_SM,
  ikePfs: IKE_PFS_GROUPS,
  ipsecPfs: IPSEC_PFS_GROUPS,
};

/** What a gateway type accepts (for select options and validation). */
export function algorithmsFor(gatewayType: GatewayType): AlgorithmSet {
  return gatewayType === 'sm' ? SM : STANDARD;
}

export type IpsecResource = 'ipsec-server' | 'vpn-connection';

export type IkeDefaults = {
  ikeVersion: IkeVersion;
  ikeMode: IkeMode;
  ikeEncAlg: EncAlg;
  ikeAuthAlg: AuthAlg;
  ikePfs: IkePfs;
  ikeLifetime: number;
};

export type IpsecDefaults = {
  ipsecEncAlg: EncAlg;
  ipsecAuthAlg: AuthAlg;
  ipsecPfs: IpsecPfs;
  ipsecLifetime: number;
};

/**
 * Documented defaults. IPsec server (seeds 001/004): ikev2, aes, sha1, group2, 86400.
 * IPsec connection (seed 002): ikev1, main, aes, md5, group2, 86400. SM gateways: ikev1, main, sm4, sm3.
 */
export function ikeDefaults(resource: IpsecResource, gatewayType: GatewayType): IkeDefaults {
  if (gatewayType === 'sm') {
    return {
      ikeVersion: 'ikev1',
      ikeMode: 'main',
      ikeEncAlg: 'sm4',
      ikeAuthAlg: 'sm3',
      ikePfs: 'group2',
      ikeLifetime: 86400,
    };
  }
  return {
    ikeVersion: resource === 'ipsec-server' ? 'ikev2' : 'ikev1',
    ikeMode: 'main',
    ikeEncAlg: 'aes',
    ikeAuthAlg: resource === 'ipsec-server' ? 'sha1' : 'md5',
    ikePfs: 'group2',
    ikeLifetime: 86400,
  };
}

export function ipsecDefaults(resource: IpsecResource, gatewayType: GatewayType): IpsecDefaults {
  if (gatewayType === 'sm') {
    return { ipsecEncAlg: 'sm4', ipsecAuthAlg: 'sm3', ipsecPfs: 'group2', ipsecLifetime: 86400 };
  }
  return {
    ipsecEncAlg: 'aes',
    ipsecAuthAlg: resource === 'ipsec-server' ? 'sha1' : 'md5',
    ipsecPfs: 'group2',
    ipsecLifetime: 86400,
  };
}

/**
 * Choices the console warns about and never refuses (issue 12): md5 is a broken hash, des/3des
 * weak ciphers, DH group1/2/5 (768/1024/1536-bit) too small. Each names the strongest choice of the
 * same field that a peer is still likely to support: sha256, aes256 and group14 (2048-bit) are
 * offered by practically every IKE implementation in use, unlike sha512 or the larger groups.
 */
export const WEAK_CHOICES = {
  auth: { weak: ['md5'], proposed: 'sha256' },
  enc: { weak: ['des', '3des'], proposed: 'aes256' },
  dh: { weak: ['group1', 'group2', 'group5'], proposed: 'group14' },
} as const satisfies Record<string, { weak: readonly string[]; proposed: string }>;

export type WeakKind = keyof typeof WEAK_CHOICES;

/** The proposed replacement when `value` is a weak choice of its kind, else undefined. */
export function strongerChoice(kind: WeakKind, value: unknown): string | undefined {
  const rule = WEAK_CHOICES[kind];
  return (rule.weak as readonly unknown[]).includes(value) ? rule.proposed : undefined;
}
