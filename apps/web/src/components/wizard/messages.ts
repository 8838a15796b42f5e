// The wizards' own words (plain-words summaries, SM authentication), both languages, loaded only
// with a wizard: kept out of the SPA's main dictionaries so the first screens stay within their
// size budget. The hook is in use-wizard-i18n.ts.
export const wizardEn = {
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
};
