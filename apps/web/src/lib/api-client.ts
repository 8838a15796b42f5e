// The one HTTP client of the SPA: same-origin cookies, the CSRF header on every state-changing
// request, and every answer parsed with the contract's zod schema (no casts of outside data).
import { apiErrorBodySchema, type ApiError } from '@vpn-console/shared/api/errors';
import type { z } from 'zod';

/** A non-2xx answer of the BFF, or an answer that did not match the contract. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly error: ApiError;

  constructor(status: number, error: ApiError) {
    super(`${error.code} (HTTP ${status})`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.error = error;
  }
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: 'GET' | WriteMethod;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const apiUrl = (path: string, query?: RequestOptions['query']): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined) params.set(k, String(v));
  }
  const qs = params.toString();
  return `${path}${qs === '' ? '' : `?${qs}`}`;
};

const readJson = async (res: Response): Promise<unknown> => {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

let onUnauthorized: (() => void) | undefined;
/** The app registers what to do when the session has ended (clear the cache, go to login). */
export const setUnauthorizedHandler = (handler: (() => void) | undefined): void => {
  onUnauthorized = handler;
};

/** Sends a request and parses the answer with `schema`; throws ApiRequestError otherwise. */
export const apiRequest = async <S extends z.ZodType>(
  schema: S,
  path: string,
  options: RequestOptions = {},
): Promise<z.output<S>> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET') headers['X-Requested-With'] = 'XMLHttpRequest';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;

  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError(0, { code: 'NetworkError', httpStatus: 0, retryable: true });
  }

  const json = await readJson(res);
  if (!res.ok) {
    const body = apiErrorBodySchema.safeParse(json);
    const error: ApiError = body.success
      ? body.data.error
      : {
          code: res.status === 401 ? 'Unauthorized' : 'UnexpectedResponse',
          httpStatus: res.status,
        };
    if (res.status === 401 && !path.endsWith('/session')) onUnauthorized?.();
    throw new ApiRequestError(res.status, error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiRequestError(res.status, {
      code: 'UnexpectedResponse',
      httpStatus: res.status,
      message: parsed.error.message,
    });
  }
  return parsed.data;
};

/**
 * A download that carries a secret (a client bundle, a profile with its PSK): POST (audited by
 * the BFF), the text handed to the browser as a file and never kept in a cache or storage.
 */
export const downloadSecretFile = async (path: string, fallbackName: string): Promise<void> => {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiRequestError(0, { code: 'NetworkError', httpStatus: 0, retryable: true });
  }
  if (!res.ok) {
    const body = apiErrorBodySchema.safeParse(await readJson(res));
    if (res.status === 401) onUnauthorized?.();
    throw new ApiRequestError(
      res.status,
      body.success ? body.data.error : { code: 'UnexpectedResponse', httpStatus: res.status },
    );
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};

/** A fresh key for one wizard (one user intent): retries and double clicks reuse it. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
