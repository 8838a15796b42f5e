// Words for an error code from the BFF or the cloud, with what to do next, in both languages. The
// cloud codes come from the shared catalog (packages/shared errors/cloud-errors.ts); the few codes
// the console itself produces are worded here.
import { FIX_INPUT, FIX_INPUT_UNNAMED } from '@vpn-console/shared/errors/cloud-error-catalog';
import { lookupCloudError } from '@vpn-console/shared/errors/cloud-errors';
import type { CatalogLocale } from './i18n';

export interface ErrorExplanation {
  code: string;
  text: string;
  whatToDo: string;
  retryable: boolean;
}

type Local = { en: string; zh: string; doEn: string; doZh: string; retry: boolean };

const consoleCodes: Record<string, Local> = {
  ValidationFailed: {
    en: 'Some values were refused.',
    zh: '部分取值未通过校验。',
    doEn: 'Correct the fields marked in the form and submit again.',
    doZh: '请修改表单中标出的字段后重新提交。',
    retry: false,
  },
  NetworkError: {
    en: 'The console could not reach its server.',
    zh: '控制台无法连接到服务器。',
    doEn: 'Check your network connection and retry.',
    doZh: '请检查网络连接后重试。',
    retry: true,
  },
  Forbidden: {
    en: 'Your role may not do this.',
    zh: '您的角色无权执行此操作。',
    doEn: 'Ask an operator or an administrator.',
    doZh: '请联系运维人员或管理员。',
    retry: false,
  },
  Unauthorized: {
    en: 'Your session has ended.',
    zh: '您的会话已结束。',
    doEn: 'Sign in again.',
    doZh: '请重新登录。',
    retry: false,
  },
  GatewayBusyTimeout: {
    en: 'The gateway stayed busy with other changes for too long.',
    zh: '网关长时间忙于其他变更。',
    doEn: 'Wait until the gateway is active again, then submit once more.',
    doZh: '请等待网关恢复为可用状态后再提交一次。',
    retry: true,
  },
  UpstreamUnavailable: {
    en: 'The cloud could not be reached.',
    zh: '无法连接云端。',
    doEn: 'Retry in a minute; nothing was changed if the operation did not start.',
    doZh: '请一分钟后重试；若操作未开始，则没有任何变更。',
    retry: true,
  },
  IdempotencyKeyReused: {
    en: 'This submission was already sent with different values.',
    zh: '本次提交已用不同的取值发送过。',
    doEn: 'Open the wizard again to start a new change.',
    doZh: '请重新打开向导开始新的变更。',
    retry: false,
  },
  AuditUnavailable: {
    en: 'The change was not sent: the audit log could not record it.',
    zh: '变更未发送：审计日志无法记录该操作。',
    doEn: 'Nothing was changed in the cloud. Retry in a minute; if it persists, tell an administrator.',
    doZh: '云端没有任何变更。请一分钟后重试；如仍失败，请联系管理员。',
    retry: true,
  },
  LastAdmin: {
    en: 'This is the last enabled administrator: it cannot be disabled or given another role.',
    zh: '这是最后一个启用的管理员账号，不能停用或更改其角色。',
    doEn: 'Create or enable another administrator first.',
    doZh: '请先创建或启用另一个管理员账号。',
    retry: false,
  },
  SelfLockout: {
    en: 'You cannot disable your own account or lower your own role.',
    zh: '不能停用自己的账号或降低自己的角色。',
    doEn: 'Ask another administrator to make this change.',
    doZh: '请让另一位管理员执行此变更。',
    retry: false,
  },
  CustomerGatewayInUse: {
    en: 'IPsec connections still use this customer gateway: it cannot be deleted.',
    zh: '该用户网关仍被IPsec连接使用，不能删除。',
    doEn: 'Delete the connections that use it, or give them another customer gateway, then delete it.',
    doZh: '请先删除使用它的IPsec连接，或为其改用其他用户网关，再删除该用户网关。',
    retry: false,
  },
  GatewayCannotTake: {
    en: 'This gateway cannot take this change now; nothing was sent to the cloud.',
    zh: '该网关当前不能接受此变更，未向云端发送任何请求。',
    doEn: 'See the reason given for the gateway, resolve it, then try again.',
    doZh: '请查看针对该网关给出的原因，处理后再试。',
    retry: false,
  },
  TooManyRequests: {
    en: 'Too many attempts in a short time.',
    zh: '短时间内尝试次数过多。',
    doEn: 'Wait the time shown, then try again.',
    doZh: '请等待提示的时间后再试。',
    retry: true,
  },
  TooManyStreams: {
    en: 'Too many live views are open for your session or account.',
    zh: '您的会话或账号打开的实时视图过多。',
    doEn: 'Close other console tabs, then reload this page.',
    doZh: '请关闭其他控制台标签页后重新加载本页。',
    retry: true,
  },
};

/**
 * `highlighted: false`: the error put no value on a field, so "correct the highlighted values"
 * would point at nothing (issue 17); the words say the cloud named none instead.
 */
export const explainError = (
  code: string,
  locale: CatalogLocale,
  { highlighted = true }: { highlighted?: boolean } = {},
): ErrorExplanation => {
  const cloud = lookupCloudError(code);
  const local = consoleCodes[code];
  if (!cloud.known && local !== undefined) {
    return {
      code,
      text: locale === 'zh' ? local.zh : local.en,
      whatToDo: locale === 'zh' ? local.doZh : local.doEn,
      retryable: local.retry,
    };
  }
  const whatToDo =
    !highlighted && cloud.whatToDo === FIX_INPUT ? FIX_INPUT_UNNAMED : cloud.whatToDo;
  return {
    code,
    text: cloud[locale],
    whatToDo: whatToDo[locale],
    retryable: cloud.retryable,
  };
};
