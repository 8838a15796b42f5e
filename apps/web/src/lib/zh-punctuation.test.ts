// Chinese texts use full-width punctuation (issue 17: ASCII colons in zh-CN): a half-width colon,
// comma or bracket next to a Chinese character, in every zh-CN dictionary of the SPA, is a
// mistake (one next to Latin letters or digits, "SSL-VPN：{state}" or "HH:MM", is not caught).
import { CLOUD_ERRORS } from '@vpn-console/shared/errors/cloud-error-catalog';
import { GATEWAY_ACTION_TEXTS } from '@vpn-console/shared/errors/gateway-action-texts';
import { ISSUE_TEXTS } from '@vpn-console/shared/errors/issue-texts';
import { describe, expect, it } from 'vitest';
import { wizardZhCN } from '../components/wizard/messages';
import { accountsZhCN } from '../features/accounts/messages';
import { auditZhCN } from '../features/audit/messages';
import { customerGatewaysZhCN } from '../features/customer-gateways/messages';
import { historyZhCN } from '../features/history/messages';
import { ipsecClientZhCN } from '../features/ipsec-server/messages';
import { sslClientsZhCN } from '../features/ssl-vpn-server/messages';
import { peerDeviceZhCN } from '../features/vpn-connection/messages';
import { zhCN } from './messages-zh-cn';

const CJK = '\\p{Script=Han}';
/** A half-width , : ( ) with a Chinese character beside it (spaces between do not excuse it). */
const HALF_WIDTH_BESIDE_HAN = new RegExp(`${CJK}\\s*[,:()]|[,:()]\\s*${CJK}`, 'u');

const offending = (dictionary: Record<string, string>): string[] =>
  Object.entries(dictionary)
    .filter(([, text]) => HALF_WIDTH_BESIDE_HAN.test(text))
    .map(([key, text]) => `${key}: ${text}`);

/** The `zh` texts of a shared catalog ({ code: { zh, en, action?: { zh, en } } }), by path. */
const zhOf = (catalog: unknown, path = ''): Record<string, string> => {
  if (typeof catalog !== 'object' || catalog === null) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key === 'zh' && typeof value === 'string') out[at] = value;
    else Object.assign(out, zhOf(value, at));
  }
  return out;
};

describe('zh-CN punctuation', () => {
  it.each([
    ['messages-zh-cn', zhCN],
    ['wizard words', wizardZhCN],
    ['history words', historyZhCN],
    ['accounts words', accountsZhCN],
    ['customer gateways words', customerGatewaysZhCN],
    ['audit words', auditZhCN],
    ['SSL-VPN client words', sslClientsZhCN],
    ['IPsec client words', ipsecClientZhCN],
    ['peer device words', peerDeviceZhCN],
    ['shared issue texts', zhOf(ISSUE_TEXTS)],
    ['shared cloud error texts', zhOf(CLOUD_ERRORS)],
    ['shared gateway action texts', zhOf(GATEWAY_ACTION_TEXTS)],
  ])('%s has no half-width colon, comma or bracket beside a Chinese character', (_, dict) => {
    expect(Object.keys(dict).length).toBeGreaterThan(0);
    expect(offending(dict)).toEqual([]);
  });

  it('catches what it is for, and leaves Latin text alone', () => {
    expect(
      offending({ a: '名称:', b: '地址,端口', c: '国密 (SM)', d: '(国密)', e: '下一步' }),
    ).toHaveLength(4);
    expect(
      offending({ a: 'SSL-VPN：{state}', b: '{time} (UTC)', c: 'HH:MM', d: '（隧道 1）' }),
    ).toEqual([]);
  });
});
