import type { IncomingHttpHeaders } from 'node:http';
import { apiErrors } from './errors';
import { acs3Signature, rpcSignature, safeEqual, sha256Hex } from './signature';

export interface AccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  /** A key whose owner may only read: every write answers `Forbidden`. */
  readOnly?: boolean;
  /**
   * A RAM sub-user without VPN write permission: writes answer `Forbbiden.SubUser` (sic) where the
   * seeds document it (CreateVpnConnection, CreateSslVpnServer) and `Forbidden` elsewhere.
   */
  ramSubUser?: boolean;
}

/** How far a request's timestamp may be from the emulated clock (reference §2: 15 minutes). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Remembers nonces per access key for twice the skew window, so a replay is refused. */
export class NonceStore {
  private readonly seen = new Map<string, number>();
  private sweepAt = 0;

  /** True when the nonce is new (and records it). */
  claim(accessKeyId: string, nonce: string, now: number): boolean {
    if (now >= this.sweepAt) {
      for (const [key, expires] of this.seen) if (expires <= now) this.seen.delete(key);
      this.sweepAt = now + 60_000;
    }
    const key = `${accessKeyId}\n${nonce}`;
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.seen.set(key, now + 2 * MAX_CLOCK_SKEW_MS);
    return true;
  }
}

export interface AuthRequest {
  method: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  /** Decoded query string parameters only. */
  query: ReadonlyMap<string, string>;
  /** Query ∪ form body. */
  params: ReadonlyMap<string, string>;
  body: Buffer;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function checkTimestamp(text: string | undefined, now: number, name: string): void {
  if (text === undefined || text === '') throw apiErrors.missingParameter(name);
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(at)) throw apiErrors.timestampFormat();
  if (Math.abs(now - at) > MAX_CLOCK_SKEW_MS) throw apiErrors.timestampExpired(text);
}

const ACS3 = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/;
const ACS3_REQUIRED_HEADERS = [
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];

/**
 * Verify the caller as the cloud does, for both signature styles: ACS3-HMAC-SHA256 (Authorization
 * header, V2 SDKs) and RPC HMAC-SHA1 SignatureVersion 1.0 (pop-core, GET or POST).
 * Returns the access key; throws the documented refusal otherwise. Never echoes the string to sign.
 */
export function authenticate(
  req: AuthRequest,
  keys: ReadonlyMap<string, AccessKey>,
  nonces: NonceStore,
  now: number,
): AccessKey {
  const authorization = header(req.headers, 'authorization');
  if (authorization?.startsWith('ACS3-') === true) {
    const match = ACS3.exec(authorization);
    if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) {
      throw apiErrors.signatureDoesNotMatch();
    }
    const key = keys.get(match[1]);
    if (key === undefined) throw apiErrors.accessKeyNotFound();
    checkTimestamp(header(req.headers, 'x-acs-date'), now, 'x-acs-date');
    const signedHeaders = match[2].split(';');
    const payloadHash = header(req.headers, 'x-acs-content-sha256') ?? '';
    if (
      ACS3_REQUIRED_HEADERS.some((h) => !signedHeaders.includes(h)) ||
      payloadHash !== sha256Hex(req.body)
    ) {
      throw apiErrors.signatureDoesNotMatch();
    }
    const expected = acs3Signature(
      {
        method: req.method,
        pathname: req.pathname,
        query: req.query,
        headers: req.headers,
        signedHeaders,
        payloadHash,
      },
      key.accessKeySecret,
    );
    if (!safeEqual(expected, match[3])) throw apiErrors.signatureDoesNotMatch();
    const nonce = header(req.headers, 'x-acs-signature-nonce') ?? '';
    if (!nonces.claim(key.accessKeyId, nonce, now)) throw apiErrors.nonceUsed();
    return key;
  }

  const p = req.params;
  const accessKeyId = p.get('AccessKeyId');
  if (accessKeyId === undefined || accessKeyId === '')
    throw apiErrors.missingParameter('AccessKeyId');
  const key = keys.get(accessKeyId);
  if (key === undefined) throw apiErrors.accessKeyNotFound();
  const signature = p.get('Signature');
  if (signature === undefined || signature === '') throw apiErrors.missingParameter('Signature');
  if ((p.get('SignatureMethod') ?? 'HMAC-SHA1') !== 'HMAC-SHA1') throw apiErrors.signatureMethod();
  if ((p.get('SignatureVersion') ?? '1.0') !== '1.0') throw apiErrors.signatureVersion();
  checkTimestamp(p.get('Timestamp'), now, 'Timestamp');
  const nonce = p.get('SignatureNonce');
  if (nonce === undefined || nonce === '') throw apiErrors.missingParameter('SignatureNonce');
  const expected = rpcSignature(req.method, p, key.accessKeySecret);
  if (!safeEqual(expected, signature)) throw apiErrors.signatureDoesNotMatch();
  if (!nonces.claim(key.accessKeyId, nonce, now)) throw apiErrors.nonceUsed();
  return key;
}
