// The wizards' own words (plain-words summaries, SM authentication), both languages, loaded only
// with a wizard: kept out of the SPA's main dictionaries so the first screens stay within their
// size budget. Read with useWords (lib/i18n.tsx).
import type { Words } from '../../lib/messages';

const wizardEn = {
  'summary.dualConnection':
    'A dual-tunnel IPsec connection "{name}" on gateway {gateway} links {local} with {remote}. {tunnels}',
  'summary.tunnel':
    'Tunnel {index} ({role}) to customer gateway {cgw}: phase 1 {ike}, phase 2 {ipsec}.',
  'summary.ipsecServer':
    'An IPsec server "{name}" on gateway {gateway} gives clients addresses from {pool} and lets them reach {local}. Phase 1: {ike}. Phase 2: {ipsec}.',
  'summary.connection':
    'An IPsec connection "{name}" from gateway {gateway} to customer gateway {cgw} links {local} with {remote}. Phase 1: {ike}. Phase 2: {ipsec}.',
  'summary.sslServer':
    'An SSL-VPN server "{name}" on gateway {gateway} gives clients addresses from {pool} to reach {local}, over {proto} port {port} with {cipher}.',
  // Follows the summary: English after a space, Chinese without one.
  'summary.edit': ' The change touches {count} settings of {name}.',
  'summary.editOne': ' The change touches 1 setting of {name}.',
  'summary.editNone': ' Nothing of {name} changes.',
  'wizard.summarySoFar': 'So far, in plain words',
  'wizard.nothingToApply': 'Nothing to apply: change a value first.',
  'psk.smIfEmpty':
    'SM (国密) gateways authenticate with certificates: the peer CA certificate below is required, a pre-shared key is optional.',
  'diff.secretNotSetSm': 'not entered: certificates authenticate (SM)',
  'cgwLeft.title': 'The customer gateway made for this connection still exists',
  'cgwLeft.text':
    'The connection was not created, but customer gateway {name} ({ip}), created for it just before, exists in the region. Delete it, or keep it to use again (Edit again uses it).',
  'cgwLeft.delete': 'Delete customer gateway {name}',
  'cgwLeft.keep': 'Keep it',
  'cgwLeft.kept':
    'Customer gateway {name} is kept. You can pick it in a connection or delete it on the Customer gateways page.',
  'cgwLeft.deleted': 'Customer gateway {name} is deleted.',
  'weak.title': 'Weak choice (allowed)',
  'weak.auth':
    '{value} is a broken hash. Use {proposed} if the peer supports it (nearly every current device does).',
  'weak.enc':
    '{value} is weak encryption. Use {proposed} if the peer supports it (nearly every current device does).',
  'weak.dh':
    '{value} is too small a DH group to resist a well-funded attacker. Use {proposed} (2048-bit) if the peer supports it (nearly every current device does).',
  'weak.use': 'Use {proposed}',
  'dual.intro':
    'This gateway is dual-tunnel: every connection has two tunnels, tunnel 1 (active) from {ip1} and tunnel 2 (standby) from {ip2}. Each tunnel may use its own customer gateway.',
  'dual.sameTunnels': 'Keep both tunnels the same',
  'dual.sameHint':
    "Tunnel 2 uses tunnel 1's phase 1 and phase 2 settings, pre-shared key, DPD, NAT traversal, CA certificate and local ASN; its customer gateway, identities and BGP addresses stay its own. Turn this off to set any of tunnel 2's values on its own.",
  'dual.bgpHint':
    'With BGP on, each tunnel needs its own tunnel CIDR (a /30 inside 169.254.0.0/16) and local BGP IP.',
  'dual.connection': 'Connection',
  'dual.unchanged': 'Unchanged.',
  'dual.tunnelOnly':
    'Only {tunnel} changes: the change is applied to that tunnel alone (ModifyTunnelAttribute); the other tunnel is not touched.',
  'ipsecWizard.createTitle': 'Create an IPsec server',
  'ipsecWizard.editTitle': 'Change the IPsec server',
  'connWizard.createTitle': 'Create an IPsec connection',
  'connWizard.editTitle': 'Change the IPsec connection',
  'sslWizard.createTitle': 'Create an SSL-VPN server',
  'sslWizard.editTitle': 'Change the SSL-VPN server',
  'step.basics': 'Basics',
  'step.auth': 'Authentication',
  'step.advanced': 'Advanced',
  'step.protocol': 'Protocol',
  'step.twoFactor': 'Two-factor (IDaaS)',
  'step.review': 'Review',
  'cloudValue.title': 'The cloud holds settings this console does not know',
  'cloudValue.explain':
    'They were not replaced by defaults. Leave a field empty to keep the cloud’s value, or choose a value to replace it:',
};

export type WizardKey = keyof typeof wizardEn;

export const wizardZhCN: Record<WizardKey, string> = {
  'summary.dualConnection':
    '网关 {gateway} 上的双隧道 IPsec 连接“{name}”连通 {local} 与 {remote}。{tunnels}',
  'summary.tunnel': '隧道 {index}（{role}）连接用户网关 {cgw}：第一阶段 {ike}，第二阶段 {ipsec}。',
  'summary.ipsecServer':
    '在网关 {gateway} 上创建 IPsec 服务端“{name}”：客户端从 {pool} 获取地址，可访问 {local}。第一阶段：{ike}。第二阶段：{ipsec}。',
  'summary.connection':
    '从网关 {gateway} 到用户网关 {cgw} 的 IPsec 连接“{name}”，连通 {local} 与 {remote}。第一阶段：{ike}。第二阶段：{ipsec}。',
  'summary.sslServer':
    '在网关 {gateway} 上的 SSL-VPN 服务端“{name}”：客户端从 {pool} 获取地址，可访问 {local}，使用 {proto} 端口 {port}，加密算法 {cipher}。',
  'summary.edit': '本次变更涉及“{name}”的 {count} 项配置。',
  'summary.editOne': '本次变更涉及“{name}”的 1 项配置。',
  'summary.editNone': '“{name}”的配置没有任何变更。',
  'wizard.summarySoFar': '当前配置说明',
  'wizard.nothingToApply': '没有可应用的变更：请先修改某项值。',
  'psk.smIfEmpty': '国密型网关使用证书认证：必须填写下方的对端 CA 证书，预共享密钥可不填。',
  'diff.secretNotSetSm': '未填写：使用证书认证（国密）',
  'cgwLeft.title': '为此连接创建的用户网关仍然存在',
  'cgwLeft.text':
    '连接未创建成功，但刚刚为它创建的用户网关 {name}（{ip}）已存在于该地域。您可以删除它，或保留以便再次使用（“重新编辑”会使用它）。',
  'cgwLeft.delete': '删除用户网关 {name}',
  'cgwLeft.keep': '保留',
  'cgwLeft.kept': '已保留用户网关 {name}。您可以在创建连接时选择它，或在“用户网关”页面删除它。',
  'cgwLeft.deleted': '用户网关 {name} 已删除。',
  'weak.title': '弱算法（允许使用）',
  'weak.auth':
    '{value} 是已被攻破的哈希算法。如果对端支持，请改用 {proposed}（目前几乎所有设备都支持）。',
  'weak.enc': '{value} 是弱加密算法。如果对端支持，请改用 {proposed}（目前几乎所有设备都支持）。',
  'weak.dh':
    '{value} 的 DH 组过小，难以抵御有实力的攻击者。如果对端支持，请改用 {proposed}（2048 位，目前几乎所有设备都支持）。',
  'weak.use': '改用 {proposed}',
  'dual.intro':
    '此网关为双隧道网关：每个连接有两条隧道，隧道 1（主）使用 {ip1}，隧道 2（备）使用 {ip2}。每条隧道可以使用各自的用户网关。',
  'dual.sameTunnels': '两条隧道保持一致',
  'dual.sameHint':
    '隧道 2 使用隧道 1 的第一阶段和第二阶段配置、预共享密钥、DPD、NAT 穿越、CA 证书和本端 ASN；其用户网关、身份标识和 BGP 地址单独设置。关闭此开关即可单独设置隧道 2 的任意配置。',
  'dual.bgpHint':
    '启用 BGP 后，每条隧道都需要各自的隧道网段（169.254.0.0/16 内的 /30）和本端 BGP 地址。',
  'dual.connection': '连接',
  'dual.unchanged': '无变更。',
  'dual.tunnelOnly':
    '仅{tunnel}有变更：只修改该隧道（ModifyTunnelAttribute），另一条隧道不受影响。',
  'ipsecWizard.createTitle': '创建 IPsec 服务端',
  'ipsecWizard.editTitle': '修改 IPsec 服务端',
  'connWizard.createTitle': '创建 IPsec 连接',
  'connWizard.editTitle': '修改 IPsec 连接',
  'sslWizard.createTitle': '创建 SSL-VPN 服务端',
  'sslWizard.editTitle': '修改 SSL-VPN 服务端',
  'step.basics': '基本信息',
  'step.auth': '认证',
  'step.advanced': '高级配置',
  'step.protocol': '协议',
  'step.twoFactor': '双因子认证（IDaaS）',
  'step.review': '确认',
  'cloudValue.title': '云端有本控制台不认识的配置值',
  'cloudValue.explain': '这些值没有被默认值替换。字段留空即保留云端的值，选择一个值则替换它：',
};

export const wizardWords: Words<WizardKey> = { en: wizardEn, 'zh-CN': wizardZhCN };
