// Stable validation issue codes: the names only. Schemas import these (the BFF answers 400 with
// them); their zh-CN / en words live apart in issue-texts.ts, so a bundle that validates does not
// carry every message of the catalog. Never rename a code.

export type Locale = 'zh' | 'en';
export type LocalizedText = { zh: string; en: string };

const codes = [
  'REQUIRED',
  'INVALID_TYPE',
  'UNKNOWN_KEY',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_LARGE',
  'NOT_INTEGER',
  'INVALID_ENUM',
  'INVALID_FORMAT',
  'INVALID_VALUE',
  'CONTROL_CHARACTER',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_BLANK',
  'PASSWORD_IS_USERNAME',
  'PASSWORD_COMMON',
  'USERNAME_CHARSET',
  'USERNAME_TAKEN',
  'DATE_RANGE',
  'NAME_LENGTH',
  'NAME_HTTP_PREFIX',
  'DESCRIPTION_LENGTH',
  'DESCRIPTION_HTTP_PREFIX',
  'IPV4_INVALID',
  'CIDR_INVALID',
  'CIDR_NOT_CANONICAL',
  'CIDR_DUPLICATE',
  'CIDR_LIST_EMPTY',
  'CIDR_RESERVED',
  'IP_ADDRESS_RESERVED',
  'CLIENT_POOL_PREFIX_RANGE',
  'SSL_LOCAL_SUBNET_PREFIX_RANGE',
  'CLIENT_POOL_TOO_SMALL',
  'CLIENT_POOL_OVERLAPS_VPC',
  'CLIENT_POOL_OVERLAPS_LOCAL_SUBNET',
  'PORT_RANGE',
  'PORT_FORBIDDEN',
  'MFA_GATEWAY_TOO_OLD',
  'MFA_IDAAS_INSTANCE_REQUIRED',
  'MFA_IDAAS_REGION_REQUIRED',
  'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
  'SM_REQUIRES_IKEV1',
  'SM_REQUIRES_MAIN_MODE',
  'REMOTE_CA_CERT_REQUIRED_FOR_SM',
  'REMOTE_CA_CERT_NOT_FOR_STANDARD',
  'CERTIFICATE_FORMAT',
  'PSK_NOT_FOR_SM',
  'LIFETIME_RANGE',
  'PSK_LENGTH',
  'PSK_SPACE',
  'PSK_CHARSET',
  'PSK_ENABLED_ONLY_TRUE',
  'AUTH_METHOD_REQUIRED',
  'IKE_ID_TOO_LONG',
  'IKE_ID_SPACE',
  'TUNNEL_COUNT',
  'TUNNEL_ROLES',
  'TUNNEL_ID_DUPLICATE',
  'TUNNELS_NOT_ON_SINGLE_TUNNEL_GATEWAY',
  'SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY',
  'ASN_INVALID',
  'ASN_RANGE',
  'ASN_RESERVED_45104',
  'TUNNEL_CIDR_PREFIX',
  'TUNNEL_CIDR_OUTSIDE_LINK_LOCAL',
  'TUNNEL_CIDR_RESERVED',
  'TUNNEL_CIDR_DUPLICATE',
  'BGP_LOCAL_IP_OUTSIDE_TUNNEL',
  'BGP_LOCAL_IP_NOT_HOST',
  'AUTH_KEY_LENGTH',
  'AUTH_KEY_CHARSET',
  'POSITIVE_INTEGER',
  'CLIENT_TOKEN_LENGTH',
  'CLIENT_TOKEN_ASCII',
  'PEER_DEVICE_ALGORITHM_UNSUPPORTED',
  'TUNNEL_NOT_FOUND',
] as const;

export type IssueCode = (typeof codes)[number];

/** `ISSUE_CODES.REQUIRED === 'REQUIRED'`, for typo-free references. */
export const ISSUE_CODES = Object.freeze(Object.fromEntries(codes.map((code) => [code, code]))) as {
  readonly [K in IssueCode]: K;
};

const known: ReadonlySet<string> = new Set(codes);

export function isIssueCode(value: string): value is IssueCode {
  return known.has(value);
}
