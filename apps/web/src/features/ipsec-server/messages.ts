// The IPsec server's remote-access client set-up words, both languages, loaded only with it: kept
// out of the SPA's main dictionaries so the first screens stay within their size budget. Read with
// useWords (lib/i18n.tsx).
import type { Words } from '../../lib/messages';

const ipsecClientEn = {
  'ipsecClient.setUp': 'Set up a client',
  'ipsecClient.title': 'Client settings',
  'ipsecClient.intro':
    "Enter these in the device's VPN settings. Each client gets an address from {pool}.",
  'ipsecClient.type': 'Connection type',
  'ipsecClient.server': 'Server address',
  'ipsecClient.remoteId': 'Remote ID',
  'ipsecClient.localId': 'Local ID',
  'ipsecClient.localIdDefault': "leave empty (the device's address)",
  'ipsecClient.auth': 'Authentication',
  'ipsecClient.authPsk': 'Pre-shared key, no certificate, no user name',
  'ipsecClient.ike': 'IKE (phase 1)',
  'ipsecClient.esp': 'ESP (phase 2)',
  'ipsecClient.pfs': 'PFS',
  'ipsecClient.routes': 'Routes through the tunnel',
  'ipsecClient.platforms':
    'macOS/iOS: IKEv2, user authentication None, shared secret. Android 11+: IKEv2/IPSec PSK. Windows without IKEv2 PSK: use strongSwan with the file below.',
  'ipsecClient.strongswan': 'strongSwan (swanctl.conf)',
  'ipsecClient.downloadSwanctl': 'Download swanctl.conf',
  'ipsecClient.downloadSettings': 'Download IKEv2 settings',
  'ipsecClient.viewerNote': 'The files with the pre-shared key are for operators.',
  'ipsecClient.loadFailed': 'The client settings could not be loaded.',
  'ipsecClient.downloadFailed': 'The file could not be downloaded.',
};

export type IpsecClientKey = keyof typeof ipsecClientEn;

export const ipsecClientZhCN: Record<IpsecClientKey, string> = {
  'ipsecClient.setUp': '配置客户端',
  'ipsecClient.title': '客户端设置',
  'ipsecClient.intro': '在设备的 VPN 设置中填写以下内容。每个客户端从 {pool} 获得地址。',
  'ipsecClient.type': '连接类型',
  'ipsecClient.server': '服务器地址',
  'ipsecClient.remoteId': '远程 ID',
  'ipsecClient.localId': '本地 ID',
  'ipsecClient.localIdDefault': '留空（设备自身的地址）',
  'ipsecClient.auth': '认证方式',
  'ipsecClient.authPsk': '预共享密钥，无证书，无用户名',
  'ipsecClient.ike': 'IKE（第一阶段）',
  'ipsecClient.esp': 'ESP（第二阶段）',
  'ipsecClient.pfs': 'PFS',
  'ipsecClient.routes': '经隧道的路由',
  'ipsecClient.platforms':
    'macOS/iOS：IKEv2，用户认证选“无”，填共享密钥。Android 11+：IKEv2/IPSec PSK。Windows 不支持 IKEv2 预共享密钥时：用 strongSwan 和下面的文件。',
  'ipsecClient.strongswan': 'strongSwan（swanctl.conf）',
  'ipsecClient.downloadSwanctl': '下载 swanctl.conf',
  'ipsecClient.downloadSettings': '下载 IKEv2 设置',
  'ipsecClient.viewerNote': '包含预共享密钥的文件仅供运维人员下载。',
  'ipsecClient.loadFailed': '无法加载客户端设置。',
  'ipsecClient.downloadFailed': '无法下载文件。',
};

export const ipsecClientWords: Words<IpsecClientKey> = {
  en: ipsecClientEn,
  'zh-CN': ipsecClientZhCN,
};
