// The words of what a gateway cannot take (issue 17), apart from the whole issue catalog
// (issue-texts.ts spreads them in): the gateway page's first screen shows them on its disabled
// buttons without loading every message of the catalog.
import type { GatewayActionBlock } from '../common/gateway-actions';
import { fill } from './fill';
import type { Locale, LocalizedText } from './issue-codes';

export const GATEWAY_ACTION_TEXTS = {
  GATEWAY_FINANCIAL_LOCKED: {
    zh: '该网关因欠费被锁定，不能创建或修改配置。',
    en: 'This gateway is locked for an overdue payment: nothing can be created or changed on it.',
    action: {
      zh: '请先在阿里云费用中心结清欠费或续费。',
      en: 'Settle or renew it in the Alibaba Cloud billing centre first.',
    },
  },
  GATEWAY_IPSEC_SERVER_UNSUPPORTED: {
    zh: '该网关的版本（{version}）不支持 IPsec 服务端。',
    en: 'This gateway’s version ({version}) does not support an IPsec server.',
    action: {
      zh: '请先在阿里云控制台升级网关版本。',
      en: 'Upgrade the gateway in the Alibaba Cloud console first.',
    },
  },
  GATEWAY_SSL_VPN_OFF: {
    zh: '该网关未开启 SSL-VPN 功能。',
    en: 'SSL-VPN is off on this gateway.',
    action: {
      zh: '请先在阿里云控制台为网关开启 SSL-VPN。',
      en: 'Turn SSL-VPN on for the gateway in the Alibaba Cloud console first.',
    },
  },
  GATEWAY_IPSEC_SERVER_EXISTS: {
    zh: '该网关已有一个 IPsec 服务端（每个网关最多一个）。',
    en: 'This gateway already has its IPsec server (one per gateway).',
  },
  GATEWAY_SSL_VPN_SERVER_EXISTS: {
    zh: '该网关已有一个 SSL 服务端（每个网关最多一个）。',
    en: 'This gateway already has its SSL-VPN server (one per gateway).',
    action: {
      zh: '可以修改现有的 SSL 服务端。',
      en: 'Change the existing server instead.',
    },
  },
} as const satisfies Record<GatewayActionBlock['code'], LocalizedText & { action?: LocalizedText }>;

/** The reason and what to do, in one sentence pair. */
export function gatewayActionBlockText(block: GatewayActionBlock, locale: Locale): string {
  const text = GATEWAY_ACTION_TEXTS[block.code];
  const params = block.params ?? {};
  const message = fill(text[locale], params);
  return 'action' in text ? `${message} ${fill(text.action[locale], params)}` : message;
}
