import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Alibaba's percent-encoding (pop-core `encode`, openapi-util `encode`): RFC 3986, so only
 * `A-Z a-z 0-9 - _ . ~` stay literal, UTF-8 bytes become `%XX` and a space is `%20`.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

/** Keys sorted the way pop-core sorts them: JS default sort on the raw keys. */
function sortedKeys(params: ReadonlyMap<string, string>): string[] {
  return [...params.keys()].sort();
}

/** The RPC (SignatureVersion 1.0) string to sign for the given HTTP method. `Signature` is left out. */
export function rpcStringToSign(method: string, params: ReadonlyMap<string, string>): string {
  const pairs: string[] = [];
  for (const key of sortedKeys(params)) {
    if (key === 'Signature') continue;
    pairs.push(`${percentEncode(key)}=${percentEncode(params.get(key) ?? '')}`);
  }
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(pairs.join('&'))}`;
}

/** base64(HMAC-SHA1(secret + '&', stringToSign)), as pop-core signs. */
export function rpcSignature(
  method: string,
  params: ReadonlyMap<string, string>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`)
    .update(rpcStringToSign(method, params))
    .digest('base64');
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface Acs3Input {
  method: string;
  pathname: string;
  /** Decoded query parameters. */
  query: ReadonlyMap<string, string>;
  /** Lower-cased header name → value, as Node gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  signedHeaders: readonly string[];
  payloadHash: string;
}

/** The ACS3 canonical request, built as `@alicloud/openapi-core` `getAuthorization` builds it. */
export function acs3CanonicalRequest(input: Acs3Input): string {
  const canonicalUri = input.pathname
    .replace(/\+/g, '%20')
    .replace(/\*/g, '%2A')
    .replace(/%7E/g, '~');
  const query = sortedKeys(input.query)
    .map((key) => `${key}=${percentEncode(input.query.get(key) ?? '')}`)
    .join('&');
  let headers = '';
  for (const name of input.signedHeaders) {
    const raw = input.headers[name];
    const values = (Array.isArray(raw) ? raw : [raw ?? '']).map((v) => v.trim()).sort();
    headers += `${name}:${values.join(',')}\n`;
  }
  return [
    input.method.toUpperCase(),
    canonicalUri,
    query,
    headers,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}

/** hex(HMAC-SHA256(secret, 'ACS3-HMAC-SHA256\n' + hex(sha256(canonicalRequest)))). */
export function acs3Signature(input: Acs3Input, accessKeySecret: string): string {
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(acs3CanonicalRequest(input))}`;
  return createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex');
}

/** Constant-time string comparison (length leak only). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
