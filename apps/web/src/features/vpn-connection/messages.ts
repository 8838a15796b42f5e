// The words of a connection's peer device set-up (configure-device.tsx), both languages, loaded
// only with it: kept out of the SPA's main dictionaries so the first screens stay within their size
// budget. Read with useWords (lib/i18n.tsx).
import type { Words } from '../../lib/messages';

const peerDeviceEn = {
  'peer.device': 'Device',
  'peer.tunnel': 'Tunnel',
  'peer.allTunnels': 'All tunnels',
  'peer.show': 'Show configuration',
  'peer.file': 'Device configuration',
  'peer.revealKey': 'Put the key in the file',
  'peer.keyShown': 'The file contains the pre-shared key (recorded in the audit log).',
  'peer.maskedNote':
    'The pre-shared key is masked. Put it in the file to copy or download a complete configuration.',
  'peer.copy': 'Copy',
  'peer.copied': 'Copied',
  'peer.download': 'Download',
  'peer.checklist': 'Also set outside this file:',
  'peer.check.publicIp':
    "The device's public IP must be the customer gateway's address, reachable from the VPN gateway's public IP.",
  'peer.check.ports':
    'Allow UDP 500 and UDP 4500 (and ESP) between the two public IPs on every firewall in the path.',
  'peer.check.routes':
    'Route the VPC subnets to the tunnel on the device, and the data-centre subnets in the VPC route table (or enable BGP on both sides).',
};

export type PeerDeviceKey = keyof typeof peerDeviceEn;

export const peerDeviceZhCN: Record<PeerDeviceKey, string> = {
  'peer.device': '设备类型',
  'peer.tunnel': '隧道',
  'peer.allTunnels': '全部隧道',
  'peer.show': '显示配置',
  'peer.file': '设备配置',
  'peer.revealKey': '在文件中写入预共享密钥',
  'peer.keyShown': '文件中包含预共享密钥（已记录在审计日志中）。',
  'peer.maskedNote': '预共享密钥已隐藏。写入密钥后即可复制或下载完整配置。',
  'peer.copy': '复制',
  'peer.copied': '已复制',
  'peer.download': '下载',
  'peer.checklist': '还需在文件之外配置：',
  'peer.check.publicIp': '设备的公网 IP 必须是用户网关的地址，且与 VPN 网关的公网 IP 互通。',
  'peer.check.ports':
    '在路径上的所有防火墙中放行两个公网 IP 之间的 UDP 500 和 UDP 4500（以及 ESP）。',
  'peer.check.routes':
    '在设备上把 VPC 网段路由到隧道，并在 VPC 路由表中添加数据中心网段的路由（或在两端启用 BGP）。',
};

export const peerDeviceWords: Words<PeerDeviceKey> = { en: peerDeviceEn, 'zh-CN': peerDeviceZhCN };
