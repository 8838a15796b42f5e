// The zh-CN / en words of every validation issue code (issue-codes.ts holds the codes alone).
// The UI writes the words from the code. Messages may contain {placeholders} filled from the
// issue's params by formatIssueMessage.
import { fill } from './fill';
import { GATEWAY_ACTION_TEXTS } from './gateway-action-texts';
import type { IssueCode, Locale, LocalizedText } from './issue-codes';

export type IssueText = LocalizedText & { action?: LocalizedText };

const texts = {
  // ── generic (mapped from zod's built-in issues) ──
  REQUIRED: { zh: '此项为必填项。', en: 'This field is required.' },
  INVALID_TYPE: {
    zh: '取值类型不正确，应为 {expected}。',
    en: 'Wrong kind of value: expected {expected}.',
  },
  UNKNOWN_KEY: {
    zh: '不支持的参数 {key}。',
    en: 'Unsupported parameter {key}.',
    action: { zh: '请删除该参数。', en: 'Remove this parameter.' },
  },
  TOO_SHORT: { zh: '长度至少为 {min}。', en: 'Must have at least {min} characters or items.' },
  TOO_LONG: { zh: '长度不能超过 {max}。', en: 'Must have at most {max} characters or items.' },
  TOO_SMALL: { zh: '取值不能小于 {min}。', en: 'Must be at least {min}.' },
  TOO_LARGE: { zh: '取值不能大于 {max}。', en: 'Must be at most {max}.' },
  NOT_INTEGER: { zh: '必须是整数。', en: 'Must be a whole number.' },
  INVALID_ENUM: { zh: '取值必须是以下之一：{values}。', en: 'Must be one of: {values}.' },
  INVALID_FORMAT: { zh: '格式不正确。', en: 'The format is not valid.' },
  INVALID_VALUE: { zh: '取值不合法。', en: 'The value is not valid.' },

  // ── free text (every name, description and identifier) ──
  CONTROL_CHARACTER: {
    zh: '不能包含控制字符或文字方向控制字符（{char}）。',
    en: 'Must not contain control or text-direction characters ({char}).',
    action: {
      zh: '请删除该字符后重新输入。',
      en: 'Remove that character and type the text again.',
    },
  },

  // ── accounts ──
  PASSWORD_TOO_SHORT: {
    zh: '密码长度至少为 {min} 个字符。',
    en: 'The password must have at least {min} characters.',
  },
  PASSWORD_BLANK: {
    zh: '密码不能全部由空白字符组成。',
    en: 'The password cannot be made of spaces only.',
  },
  PASSWORD_IS_USERNAME: {
    zh: '密码不能与用户名相同。',
    en: 'The password cannot be the user name.',
  },
  PASSWORD_COMMON: {
    zh: '该密码属于常见密码，容易被猜中。',
    en: 'This password is on a list of common passwords and easy to guess.',
    action: {
      zh: '请换一个更长、更少见的密码，例如几个随机单词的组合。',
      en: 'Choose a longer, rarer one, such as a few random words.',
    },
  },
  USERNAME_CHARSET: {
    zh: '用户名以英文字母或数字开头，只能包含英文字母、数字、半角句号（.）、下划线（_）、@ 和短划线（-）。',
    en: 'The user name starts with a letter or digit and may only contain letters, digits, periods (.), underscores (_), @ and hyphens (-).',
  },
  USERNAME_TAKEN: {
    zh: '已有同名账号（用户名不区分大小写）。',
    en: 'An account with this name exists (user names ignore case).',
    action: {
      zh: '请换一个用户名，或在上方列表中修改已有账号。',
      en: 'Choose another name, or change the existing account in the list above.',
    },
  },
  DATE_RANGE: {
    zh: '日期必须在 {min} 至 {max} 之间。',
    en: 'The date must be between {min} and {max}.',
  },

  // ── names and descriptions ──
  NAME_LENGTH: {
    zh: '名称长度为 {min}~{max} 个字符。',
    en: 'The name must be {min}–{max} characters long.',
  },
  NAME_HTTP_PREFIX: {
    zh: '名称不能以 http:// 或 https:// 开头。',
    en: 'The name must not start with http:// or https://.',
  },
  DESCRIPTION_LENGTH: {
    zh: '描述长度为 {min}~{max} 个字符。',
    en: 'The description must be {min}–{max} characters long.',
  },
  DESCRIPTION_HTTP_PREFIX: {
    zh: '描述不能以 http:// 或 https:// 开头。',
    en: 'The description must not start with http:// or https://.',
  },

  // ── addresses and CIDR blocks ──
  IPV4_INVALID: {
    zh: '请输入合法的 IPv4 地址，例如 192.168.1.1。',
    en: 'Enter a valid IPv4 address, for example 192.168.1.1.',
  },
  CIDR_INVALID: {
    zh: '请输入合法的 IPv4 网段，例如 192.168.1.0/24。',
    en: 'Enter a valid IPv4 CIDR block, for example 192.168.1.0/24.',
  },
  CIDR_NOT_CANONICAL: {
    zh: '网段地址必须是网络地址，应为 {expected}。',
    en: 'The block must start at its network address: use {expected}.',
    action: { zh: '改为 {expected}。', en: 'Change it to {expected}.' },
  },
  CIDR_DUPLICATE: { zh: '网段 {value} 重复。', en: 'The block {value} is listed twice.' },
  CIDR_LIST_EMPTY: { zh: '请至少填写一个网段。', en: 'Enter at least one CIDR block.' },
  CIDR_RESERVED: {
    zh: '网段不能与保留网段 {range} 重叠。',
    en: 'The block must not overlap the reserved range {range}.',
  },
  IP_ADDRESS_RESERVED: {
    zh: '该地址属于保留网段 {range}，不可使用。',
    en: 'This address is in the reserved range {range} and cannot be used.',
  },
  CLIENT_POOL_PREFIX_RANGE: {
    zh: '客户端网段的掩码长度必须在 {min}~{max} 之间。',
    en: 'The client IP pool prefix length must be between /{min} and /{max}.',
  },
  SSL_LOCAL_SUBNET_PREFIX_RANGE: {
    zh: '本端网段的掩码长度必须在 {min}~{max} 之间。',
    en: 'Each local subnet prefix length must be between /{min} and /{max}.',
  },
  CLIENT_POOL_TOO_SMALL: {
    zh: '客户端网段过小：{maxConnections} 个并发连接至少需要 /{maxPrefix} 的网段（每个客户端占用 4 个地址）。',
    en: 'The client IP pool is too small: {maxConnections} concurrent connections need at least a /{maxPrefix} (each client uses 4 addresses).',
  },
  CLIENT_POOL_OVERLAPS_VPC: {
    zh: '客户端网段不能与VPC网段 {other} 冲突。',
    en: 'The client IP pool must not overlap the VPC CIDR block {other}.',
  },
  CLIENT_POOL_OVERLAPS_LOCAL_SUBNET: {
    zh: '客户端网段不能与本端网段 {other} 冲突。',
    en: 'The client IP pool must not overlap the local subnet {other}.',
  },

  // ── SSL-VPN ──
  PORT_RANGE: {
    zh: '端口取值范围为 {min}~{max}。',
    en: 'The port must be between {min} and {max}.',
  },
  PORT_FORBIDDEN: {
    zh: '端口 {port} 不可使用（不可用端口：22、2222、22222、9000、9001、9002、7505、80、443、53、68、123、4510、4560、500、4500）。',
    en: 'Port {port} cannot be used (forbidden: 22, 2222, 22222, 9000, 9001, 9002, 7505, 80, 443, 53, 68, 123, 4510, 4560, 500, 4500).',
  },
  MFA_GATEWAY_TOO_OLD: {
    zh: '该VPN网关创建于 2020年03月05日 之前，不支持双因子认证。',
    en: 'This VPN gateway was created before 5 March 2020 and does not support multi-factor authentication.',
  },
  MFA_IDAAS_INSTANCE_REQUIRED: {
    zh: '开启双因子认证时必须指定 IDaaS 实例。',
    en: 'Choose an IDaaS instance to turn on multi-factor authentication.',
  },
  MFA_IDAAS_REGION_REQUIRED: {
    zh: '开启双因子认证时必须指定 IDaaS 实例所属地域。',
    en: 'Choose the region of the IDaaS instance to turn on multi-factor authentication.',
  },

  // ── IKE / IPsec ──
  ALGORITHM_NOT_FOR_GATEWAY_TYPE: {
    zh: '当前网关类型（{gatewayType}）支持的取值：{values}。',
    en: 'This gateway type ({gatewayType}) supports: {values}.',
  },
  SM_REQUIRES_IKEV1: {
    zh: '国密型VPN网关仅支持 ikev1。',
    en: 'SM (ShangMi) VPN gateways support ikev1 only.',
  },
  SM_REQUIRES_MAIN_MODE: {
    zh: '国密型VPN网关仅支持 main 协商模式。',
    en: 'SM (ShangMi) VPN gateways support the main negotiation mode only.',
  },
  REMOTE_CA_CERT_REQUIRED_FOR_SM: {
    zh: '为国密型VPN网关创建IPsec连接时必须提供对端CA证书。',
    en: 'An SM (ShangMi) VPN gateway needs the peer CA certificate.',
  },
  REMOTE_CA_CERT_NOT_FOR_STANDARD: {
    zh: '普通型VPN网关不使用对端CA证书，请清空此项。',
    en: 'Standard VPN gateways do not use a peer CA certificate: leave it empty.',
  },
  CERTIFICATE_FORMAT: {
    zh: '证书必须是以 -----BEGIN CERTIFICATE----- 开头的 PEM 格式。',
    en: 'The certificate must be PEM text starting with -----BEGIN CERTIFICATE-----.',
  },
  PSK_NOT_FOR_SM: {
    zh: '国密型VPN网关使用证书认证，不使用预共享密钥。',
    en: 'SM (ShangMi) VPN gateways authenticate with certificates, not a pre-shared key.',
  },
  LIFETIME_RANGE: {
    zh: 'SA 生存周期取值范围为 {min}~{max} 秒。',
    en: 'The SA lifetime must be between {min} and {max} seconds.',
  },
  PSK_LENGTH: {
    zh: '预共享密钥长度为 {min}~{max} 个字符。',
    en: 'The pre-shared key must be {min}–{max} characters long.',
  },
  PSK_SPACE: { zh: '预共享密钥不能包含空格。', en: 'The pre-shared key must not contain spaces.' },
  PSK_CHARSET: {
    zh: '预共享密钥只能包含英文字母、数字和 ~!`@#$%^&*()_-+={}[]|;:\'",.<>/? 中的字符。',
    en: 'The pre-shared key may only contain letters, digits and ~!`@#$%^&*()_-+={}[]|;:\'",.<>/?',
  },
  PSK_ENABLED_ONLY_TRUE: {
    zh: '预共享密钥认证只能取值 true。',
    en: 'Pre-shared key authentication can only be set to true.',
  },
  AUTH_METHOD_REQUIRED: {
    zh: '至少需要指定一种认证方式：请开启预共享密钥认证。',
    en: 'At least one authentication method is needed: turn on pre-shared key authentication.',
  },
  IKE_ID_TOO_LONG: {
    zh: '标识长度不能超过 {max} 个字符。',
    en: 'The identifier must be at most {max} characters long.',
  },
  IKE_ID_SPACE: { zh: '标识不能包含空格。', en: 'The identifier must not contain spaces.' },

  // ── dual-tunnel connections ──
  TUNNEL_COUNT: {
    zh: '双隧道模式的IPsec连接必须配置两条隧道。',
    en: 'A dual-tunnel IPsec connection has exactly two tunnels.',
  },
  TUNNEL_ROLES: {
    zh: '两条隧道中必须一条为主隧道（master），另一条为备隧道（slave）。',
    en: 'One tunnel must be the master (active) and the other the slave (standby).',
  },
  TUNNEL_ID_DUPLICATE: {
    zh: '同一条隧道不能修改两次。',
    en: 'The same tunnel cannot be changed twice in one request.',
  },
  TUNNELS_NOT_ON_SINGLE_TUNNEL_GATEWAY: {
    zh: '该VPN网关为单隧道模式，不支持隧道配置。',
    en: 'This VPN gateway is single-tunnel: it does not take tunnel settings.',
    action: {
      zh: '请直接填写用户网关和IKE/IPsec配置。',
      en: 'Give the customer gateway and the IKE/IPsec settings directly.',
    },
  },
  SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY: {
    zh: '该VPN网关为双隧道模式，请在每条隧道中分别配置 {field}。',
    en: 'This VPN gateway is dual-tunnel: set {field} in each tunnel instead.',
  },

  // ── BGP ──
  ASN_INVALID: {
    zh: '自治系统号必须是整数或 a.b 格式。',
    en: 'The AS number must be a whole number or in a.b form.',
  },
  ASN_RANGE: {
    zh: '自治系统号取值范围为 {min}~{max}。',
    en: 'The AS number must be between {min} and {max}.',
  },
  ASN_RESERVED_45104: {
    zh: '用户网关的自治系统号不能为 45104（阿里云侧使用）。',
    en: 'The customer gateway AS number cannot be 45104 (used by Alibaba Cloud).',
  },
  TUNNEL_CIDR_PREFIX: {
    zh: 'IPsec隧道网段的掩码长度必须为 30。',
    en: 'The tunnel CIDR must be a /30 block.',
  },
  TUNNEL_CIDR_OUTSIDE_LINK_LOCAL: {
    zh: 'IPsec隧道网段必须在 169.254.0.0/16 内。',
    en: 'The tunnel CIDR must be inside 169.254.0.0/16.',
  },
  TUNNEL_CIDR_RESERVED: {
    zh: 'IPsec隧道网段不能使用保留网段 {range}。',
    en: 'The tunnel CIDR cannot use the reserved block {range}.',
  },
  TUNNEL_CIDR_DUPLICATE: {
    zh: '两条隧道不能使用相同的IPsec隧道网段。',
    en: 'The two tunnels cannot use the same tunnel CIDR.',
  },
  CLOUD_REFUSED_VALUE: {
    zh: '云端拒绝了此取值（{parameter}）。',
    en: 'The cloud refused this value ({parameter}).',
  },
  TUNNEL_CIDR_IN_USE: {
    zh: '该VPN网关上的IPsec连接“{connection}”已使用此隧道网段。',
    en: 'The IPsec connection "{connection}" on this VPN gateway already uses this tunnel CIDR.',
    action: {
      zh: '请选择另一个 169.254.0.0/16 内的 /30 网段。',
      en: 'Choose another /30 inside 169.254.0.0/16.',
    },
  },
  TUNNEL_BGP_NEEDED: {
    zh: '开启隧道BGP需要隧道 {tunnel} 的本端ASN、隧道网段和本端BGP地址，而云端该隧道尚未配置。',
    en: 'Turning BGP on needs tunnel {tunnel}’s local ASN, tunnel CIDR and local BGP address, which the cloud does not have yet.',
    action: {
      zh: '请在本次修改中同时填写该隧道的BGP配置。',
      en: 'Give that tunnel’s BGP settings in the same change.',
    },
  },
  BGP_LOCAL_IP_OUTSIDE_TUNNEL: {
    zh: '本端BGP地址必须在IPsec隧道网段 {tunnelCidr} 内。',
    en: 'The local BGP address must be inside the tunnel CIDR {tunnelCidr}.',
  },
  BGP_LOCAL_IP_NOT_HOST: {
    zh: '本端BGP地址不能是隧道网段的网络地址或广播地址。',
    en: 'The local BGP address cannot be the network or broadcast address of the tunnel CIDR.',
  },
  AUTH_KEY_LENGTH: {
    zh: 'BGP认证密钥长度为 {min}~{max} 个字符。',
    en: 'The BGP authentication key must be {min}–{max} characters long.',
  },
  AUTH_KEY_CHARSET: {
    zh: 'BGP认证密钥只能包含 ASCII 字符，不能包含空格、中文和问号（?）。',
    en: 'The BGP authentication key may only contain ASCII characters without spaces or question marks.',
  },

  // ── health check and misc ──
  POSITIVE_INTEGER: { zh: '必须是正整数。', en: 'Must be a positive whole number.' },
  CLIENT_TOKEN_LENGTH: {
    zh: 'ClientToken 长度为 {min}~{max} 个字符。',
    en: 'The client token must be {min}–{max} characters long.',
  },
  CLIENT_TOKEN_ASCII: {
    zh: 'ClientToken 只支持可打印的 ASCII 字符。',
    en: 'The client token may only contain printable ASCII characters.',
  },

  // ── peer device configurations ──
  PEER_DEVICE_ALGORITHM_UNSUPPORTED: {
    zh: '该设备类型没有与 {algorithm} 对应的算法，无法生成配置。',
    en: 'This device has no equivalent of {algorithm}, so no configuration can be written for it.',
    action: {
      zh: '请选择其他设备类型，或修改连接的算法。',
      en: 'Choose another device, or change the connection’s algorithms.',
    },
  },
  TUNNEL_NOT_FOUND: {
    zh: '该连接没有隧道 {tunnelId}。',
    en: 'This connection has no tunnel {tunnelId}.',
  },

  // ── IPsec connection: sides and health check (issue 17) ──
  REMOTE_SUBNET_OVERLAPS_LOCAL: {
    zh: '对端网段 {remote} 与本端网段 {local} 重叠。',
    en: 'The remote subnet {remote} overlaps the local subnet {local}.',
    action: {
      zh: '本端填写 VPC 侧的网段，对端填写客户侧的网段，两者不能重叠。',
      en: 'Local is the VPC side and remote the customer side: they cannot share addresses.',
    },
  },
  HEALTH_CHECK_SIP_IN_REMOTE_SUBNET: {
    zh: '源 IP 位于对端网段 {subnet} 内。',
    en: 'The source IP lies inside the remote subnet {subnet}.',
    action: {
      zh: '源 IP 应是 VPC 侧（本端）的地址，目标 IP 才是对端的地址。',
      en: 'The source IP is an address on the VPC (local) side; the destination IP is the remote one.',
    },
  },
  HEALTH_CHECK_INTERVAL_RANGE: {
    zh: '重试间隔必须在 {min} 到 {max} 秒之间。',
    en: 'The retry interval must be {min} to {max} seconds.',
  },
  HEALTH_CHECK_RETRY_RANGE: {
    zh: '重试次数必须在 {min} 到 {max} 之间。',
    en: 'The number of retries must be {min} to {max}.',
  },

  // ── what a gateway can take (their own small file: the gateway page shows them) ──
  ...GATEWAY_ACTION_TEXTS,
} as const satisfies Record<IssueCode, IssueText>;

export const ISSUE_TEXTS: Readonly<Record<IssueCode, IssueText>> = texts;

/** The message for a code in a locale, with `{name}` placeholders filled from params (left as is when absent). */
export function formatIssueMessage(
  code: IssueCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill(ISSUE_TEXTS[code][locale], params);
}

/** The suggested action for a code, if it has one. */
export function formatIssueAction(
  code: IssueCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string | undefined {
  const action = ISSUE_TEXTS[code].action;
  return action === undefined ? undefined : fill(action[locale], params);
}
