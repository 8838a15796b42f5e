import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  isCanonical,
  isIpv4Address,
  overlaps,
  parseCidr,
  prefixWithin,
  reservedRangeOf,
  UNUSABLE_PEER_RANGES,
} from '@vpn-console/shared/cidr';
import { apiErrors } from './errors';
import type { Params } from './params';
import type { IkeConfig, IpsecConfig } from './state';

export type GatewayKind = 'standard' | 'sm';

/** Documented algorithm enums (reference §6.1). */
export const ALGORITHMS = {
  standard: {
    ikeVersion: ['ikev1', 'ikev2'],
    ikeMode: ['main', 'aggressive'],
    encAlg: ['aes', 'aes192', 'aes256', 'des', '3des'],
    authAlg: ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
    ikePfs: ['group1', 'group2', 'group5', 'group14'],
    ipsecPfs: ['disabled', 'group1', 'group2', 'group5', 'group14'],
  },
  sm: {
    ikeVersion: ['ikev1'],
    ikeMode: ['main'],
    encAlg: ['sm4'],
    authAlg: ['sm3'],
    ikePfs: ['group1', 'group2', 'group5', 'group14'],
    ipsecPfs: ['disabled', 'group1', 'group2', 'group5', 'group14'],
  },
} as const;

const lifetime = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const ikeConfigInputSchema = z.object({
  IkeVersion: z.string().optional(),
  IkeMode: z.string().optional(),
  IkeEncAlg: z.string().optional(),
  IkeAuthAlg: z.string().optional(),
  IkePfs: z.string().optional(),
  IkeLifetime: lifetime.optional(),
  LocalId: z.string().optional(),
  RemoteId: z.string().optional(),
  Psk: z.string().optional(),
});
export type IkeConfigInput = z.output<typeof ikeConfigInputSchema>;

export const ipsecConfigInputSchema = z.object({
  IpsecEncAlg: z.string().optional(),
  IpsecAuthAlg: z.string().optional(),
  IpsecPfs: z.string().optional(),
  IpsecLifetime: lifetime.optional(),
});
export type IpsecConfigInput = z.output<typeof ipsecConfigInputSchema>;

function pick(
  value: string | undefined,
  fallback: string,
  allowed: readonly string[],
  name: string,
): string {
  const v = value ?? fallback;
  if (!allowed.includes(v)) throw apiErrors.invalidParameter(name);
  return v;
}

function checkLifetime(value: number | undefined, name: string): number {
  const v = value ?? 86400;
  if (!Number.isInteger(v) || v < 0 || v > 86400) throw apiErrors.invalidParameter(name);
  return v;
}

function checkIdentity(value: string | undefined, fallback: string, name: string): string {
  const v = value ?? fallback;
  if (v.length > 100 || /\s/.test(v)) throw apiErrors.invalidParameter(name);
  return v;
}

export interface IkeDefaults {
  IkeVersion: string;
  IkeMode: string;
  IkeEncAlg: string;
  IkeAuthAlg: string;
  IkePfs: string;
  IkeLifetime: number;
  LocalId: string;
  RemoteId: string;
}

/**
 * The documented defaults of an IPsec-VPN connection (or one tunnel): ikev1/main/aes/md5/group2 and
 * aes/md5/group2 on standard gateways, sm4/sm3 on SM ones, 86400 s; identities default to the
 * gateway's (or tunnel's) IP and the customer gateway's IP.
 */
export function connectionIkeDefaults(
  kind: GatewayKind,
  localId: string,
  remoteId: string,
): IkeDefaults {
  return {
    IkeVersion: 'ikev1',
    IkeMode: 'main',
    IkeEncAlg: kind === 'sm' ? 'sm4' : 'aes',
    IkeAuthAlg: kind === 'sm' ? 'sm3' : 'md5',
    IkePfs: 'group2',
    IkeLifetime: 86400,
    LocalId: localId,
    RemoteId: remoteId,
  };
}

export function connectionIpsecDefaults(kind: GatewayKind): IpsecConfig {
  return {
    IpsecEncAlg: kind === 'sm' ? 'sm4' : 'aes',
    IpsecAuthAlg: kind === 'sm' ? 'sm3' : 'md5',
    IpsecPfs: 'group2',
    IpsecLifetime: 86400,
  };
}

/** Merge an IkeConfig parameter over defaults (or the current value) and check the enums. */
export function resolveIkeConfig(
  input: IkeConfigInput | undefined,
  base: IkeDefaults,
  kind: GatewayKind,
  prefix = 'IkeConfig',
): IkeConfig {
  const enums = ALGORITHMS[kind];
  const i = input ?? {};
  return {
    IkeVersion: pick(i.IkeVersion, base.IkeVersion, enums.ikeVersion, `${prefix}.IkeVersion`),
    IkeMode: pick(i.IkeMode, base.IkeMode, enums.ikeMode, `${prefix}.IkeMode`),
    IkeEncAlg: pick(i.IkeEncAlg, base.IkeEncAlg, enums.encAlg, `${prefix}.IkeEncAlg`),
    IkeAuthAlg: pick(i.IkeAuthAlg, base.IkeAuthAlg, enums.authAlg, `${prefix}.IkeAuthAlg`),
    IkePfs: pick(i.IkePfs, base.IkePfs, enums.ikePfs, `${prefix}.IkePfs`),
    IkeLifetime: checkLifetime(i.IkeLifetime ?? base.IkeLifetime, `${prefix}.IkeLifetime`),
    LocalId: checkIdentity(i.LocalId, base.LocalId, `${prefix}.LocalId`),
    RemoteId: checkIdentity(i.RemoteId, base.RemoteId, `${prefix}.RemoteId`),
  };
}

/**
 * Merge an IpsecConfig parameter over defaults (or the current value). `onBadPfs` lets the IPsec
 * server raise its documented `OperationUnsupported.IpsecPfs`.
 */
export function resolveIpsecConfig(
  input: IpsecConfigInput | undefined,
  base: IpsecConfig,
  kind: GatewayKind,
  onBadPfs: () => Error = () => apiErrors.invalidParameter('IpsecConfig.IpsecPfs'),
  prefix = 'IpsecConfig',
): IpsecConfig {
  const enums = ALGORITHMS[kind];
  const i = input ?? {};
  const pfs = i.IpsecPfs ?? base.IpsecPfs;
  if (!(enums.ipsecPfs as readonly string[]).includes(pfs)) throw onBadPfs();
  return {
    IpsecEncAlg: pick(i.IpsecEncAlg, base.IpsecEncAlg, enums.encAlg, `${prefix}.IpsecEncAlg`),
    IpsecAuthAlg: pick(i.IpsecAuthAlg, base.IpsecAuthAlg, enums.authAlg, `${prefix}.IpsecAuthAlg`),
    IpsecPfs: pfs,
    IpsecLifetime: checkLifetime(i.IpsecLifetime ?? base.IpsecLifetime, `${prefix}.IpsecLifetime`),
  };
}

const PSK_CHARS = /^[A-Za-z0-9~!`@#$%^&*()_\-+={}[\]|;:'",.<>/?]{1,100}$/;

export function checkPsk(value: string, name: string): string {
  if (!PSK_CHARS.test(value)) throw apiErrors.invalidParameter(name);
  return value;
}

const PSK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The random 16-character key the cloud generates when no PSK is given. */
export function randomPsk(): string {
  let out = '';
  for (let i = 0; i < 16; i += 1) out += PSK_ALPHABET[randomInt(PSK_ALPHABET.length)] ?? 'a';
  return out;
}

const startsWithUrl = (v: string) => /^https?:\/\//i.test(v);

/** Length in characters (code points), as the docs count them: 𠀀 is one character, not two. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

/**
 * IPsec connection and SSL-VPN server names as the current API documents them
 * (`@alicloud/vpc20160428` CreateVpnConnection/CreateSslVpnServer, reference §6.3): 1–100
 * characters (code points), not starting with `http://` or `https://`. Seeds 002/003 say 2–128
 * with a character rule; the newer source stands (as with seeds 000/001).
 */
export function isValidName(value: string): boolean {
  const length = charLength(value);
  return length >= 1 && length <= 100 && !startsWithUrl(value);
}

/** Customer gateway name/description: 1–100 characters, not `http(s)://`. */
export function isValidLabel(value: string): boolean {
  const length = charLength(value);
  return length >= 1 && length <= 100 && !startsWithUrl(value);
}

export function checkClientToken(params: Params): string | undefined {
  const token = params.str('ClientToken');
  if (token !== undefined && (token.length > 64 || !/^[\x20-\x7e]+$/.test(token))) {
    throw apiErrors.invalidParameter('ClientToken');
  }
  return token;
}

/** Split a comma list of CIDRs; undefined when any entry is malformed or not a network address. */
export function parseCidrList(value: string): string[] | undefined {
  const items = value.split(',').map((s) => s.trim());
  if (items.length === 0 || items.some((c) => parseCidr(c) === undefined || !isCanonical(c))) {
    return undefined;
  }
  return items;
}

export function anyOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => overlaps(x, y)));
}

/** IPv4 address check for customer gateways: well-formed and outside the unusable ranges. */
export function isUsableGatewayIp(value: string): boolean {
  return isIpv4Address(value) && reservedRangeOf(value, UNUSABLE_PEER_RANGES) === undefined;
}

/** Client IP pool checks shared by IPsec and SSL servers (prefix, reserved ranges). */
export function checkClientPool(value: string): string {
  if (parseCidr(value) === undefined || !isCanonical(value)) throw apiErrors.poolSubnetInvalid();
  if (!prefixWithin(value, 16, 29)) throw apiErrors.poolNetmask();
  if (reservedRangeOf(value) !== undefined) throw apiErrors.poolSubnetInvalid();
  return value;
}

/** SSL-VPN local subnets: canonical, prefix /8–/32, outside loopback/link-local/multicast/255/8. */
export function checkSslLocalSubnets(value: string): string[] {
  const list = parseCidrList(value);
  const forbidden = ['127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '255.0.0.0/8'];
  if (
    list === undefined ||
    list.some((c) => !prefixWithin(c, 8, 32) || reservedRangeOf(c, forbidden) !== undefined)
  ) {
    throw apiErrors.illegalLocalSubnet(value);
  }
  return list;
}

/** The 16 ports an SSL-VPN server may not use (seed 003). */
export const FORBIDDEN_SSL_PORTS: readonly number[] = [
  22, 2222, 22222, 9000, 9001, 9002, 7505, 80, 443, 53, 68, 123, 4510, 4560, 500, 4500,
];
