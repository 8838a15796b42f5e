// Words for an error code from the BFF or the cloud, with what to do next, in both languages.
import type { CatalogLocale } from './i18n';

export interface ErrorExplanation {
  code: string;
  text: string;
  whatToDo: string;
  retryable: boolean;
}

const known: Record<
  string,
  { en: string; zh: string; doEn: string; doZh: string; retry: boolean }
> = {
  'VpnGateway.Configuring': {
    en: 'The gateway is applying another change.',
    zh: '网关正在应用另一项变更。',
    doEn: 'Wait until the gateway is active again, then retry; the console queues changes per gateway.',
    doZh: '等待网关恢复为可用状态后重试；控制台会按网关排队执行变更。',
    retry: true,
  },
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
    doEn: 'Ask an operator or administrator.',
    doZh: '请联系运维人员或管理员。',
    retry: false,
  },
};

export const explainError = (code: string, locale: CatalogLocale): ErrorExplanation => {
  const entry = known[code];
  if (entry !== undefined) {
    return {
      code,
      text: locale === 'zh' ? entry.zh : entry.en,
      whatToDo: locale === 'zh' ? entry.doZh : entry.doEn,
      retryable: entry.retry,
    };
  }
  return {
    code,
    text: locale === 'zh' ? `操作失败（${code}）。` : `The request failed (${code}).`,
    whatToDo:
      locale === 'zh'
        ? '请稍后重试；如仍失败，请将错误码和请求 ID 提供给支持人员。'
        : 'Retry later; if it keeps failing, give the error code and request ID to support.',
    retryable: false,
  };
};
