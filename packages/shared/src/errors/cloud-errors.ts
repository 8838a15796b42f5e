// The cloud error classifier: what the console does with a code (retry it, wait for the gateway,
// which words to show), read from the one catalog (./cloud-error-catalog.ts). The BFF's CloudError
// and the UI's texts both ask here, so they cannot disagree.
import { CLOUD_ERRORS, type CloudErrorEntry } from './cloud-error-catalog';

/** Throttled by the cloud (`Throttling`, `Throttling.User`, `Rejected.Throttling`, …). */
export const isThrottlingCode = (code: string): boolean => /Throttling/i.test(code);

/** Text for a code the catalog does not know: generic, with retry classification by pattern. */
const UNKNOWN: CloudErrorEntry = {
  zh: '云端返回了错误。',
  en: 'The cloud returned an error.',
  whatToDo: {
    zh: '请稍后重试；若问题持续，请记录错误码与请求 ID 并联系管理员。',
    en: 'Try again later. If it persists, note the error code and request ID and contact the administrator.',
  },
  retryable: false,
};

export type CloudErrorLookup = CloudErrorEntry & { code: string; known: boolean };

/** Looks a code up; unknown codes get generic text (throttling and 5xx-like codes marked retryable). */
export function lookupCloudError(code: string | undefined): CloudErrorLookup {
  const key = code ?? 'UnknownError';
  const entry = Object.hasOwn(CLOUD_ERRORS, key) ? CLOUD_ERRORS[key] : undefined;
  if (entry !== undefined) return { ...entry, code: key, known: true };
  if (isThrottlingCode(key)) {
    return { ...UNKNOWN, ...CLOUD_ERRORS.Throttling, code: key, known: false, retryable: true };
  }
  if (
    /^(ServiceUnavailable|InternalError|UnknownError)\b/.test(key) ||
    /\.Configuring$/.test(key)
  ) {
    const busy = /\.Configuring$/.test(key);
    return busy
      ? { ...UNKNOWN, code: key, known: false, retryable: true, busy: true }
      : { ...UNKNOWN, code: key, known: false, retryable: true };
  }
  return { ...UNKNOWN, code: key, known: false };
}

export function isRetryableCloudError(code: string | undefined): boolean {
  return lookupCloudError(code).retryable;
}

export function isBusyCloudError(code: string | undefined): boolean {
  return lookupCloudError(code).busy === true;
}
