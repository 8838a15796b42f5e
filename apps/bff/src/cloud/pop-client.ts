// The ONLY importer of @alicloud/pop-core. Turns one RPC into `{ json, status, headers }` or a
// CloudError; knows nothing about retries.
import { cloudParameterOf } from '@vpn-console/shared/vpn-connection/cloud-parameters';
import http from 'node:http';
import https from 'node:https';
import PopCore from '@alicloud/pop-core';
import { z } from 'zod';
import { CloudError } from './errors';
import { VPC_API_VERSION } from './endpoints';

export type RpcParamValue = string | number | boolean;
export type RpcParams = Readonly<Record<string, RpcParamValue | null | undefined>>;

export interface CloudCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string | undefined;
}

export interface CredentialsProvider {
  getCredentials(): Promise<CloudCredentials>;
}

export interface RawCallResult {
  json: unknown;
  httpStatus: number;
  requestId: string | undefined;
}

interface PopRequestOptions {
  method: 'POST';
  timeout: number;
  agent: http.Agent;
}

interface PopClientInstance {
  request(
    action: string,
    params: Record<string, RpcParamValue>,
    opts: PopRequestOptions,
  ): Promise<unknown>;
}

interface PopClientConfig {
  endpoint: string;
  apiVersion: string;
  credentialsProvider: CredentialsProvider;
}

// pop-core's own typings omit `credentialsProvider` and the `verbose` constructor argument
// (reference §1.1); this is the constructor as lib/rpc.js defines it.
const PopRpcClient = PopCore as unknown as new (
  config: PopClientConfig,
  verbose: boolean,
) => PopClientInstance;

const headerValue = z
  .union([z.string(), z.array(z.string()), z.number()])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v === undefined ? undefined : String(v)));

const entrySchema = z.object({
  response: z.object({
    statusCode: z.number().int(),
    headers: z.record(z.string(), headerValue),
  }),
});

const verboseResultSchema = z.tuple([z.unknown(), entrySchema]);

const apiFailureSchema = z.object({
  code: z.string(),
  data: z.looseObject({ RequestId: z.unknown().optional() }),
  entry: entrySchema.optional(),
});

const namedFailureSchema = z.object({ name: z.string(), code: z.string().optional() });

const requestIdOf = (json: unknown, headers?: Record<string, string | undefined>) => {
  const fromBody = z.looseObject({ RequestId: z.string() }).safeParse(json);
  if (fromBody.success) return fromBody.data.RequestId;
  return headers?.['x-acs-request-id'];
};

const retryAfterOf = (headers: Record<string, string | undefined> | undefined) => {
  const raw = headers?.['x-acs-retry-after'];
  if (raw === undefined) return undefined;
  const ms = Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
};

/** Keeps only values pop-core can send; it would send `undefined`/`null` as literal text. */
export const stripEmpty = (params: RpcParams): Record<string, RpcParamValue> => {
  const out: Record<string, RpcParamValue> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    out[key] = value;
  }
  return out;
};

/** Maps whatever pop-core (or httpx, or json-bigint) threw to a CloudError. */
export const toCloudError = (action: string, thrown: unknown): CloudError => {
  if (thrown instanceof CloudError) return thrown;
  const api = apiFailureSchema.safeParse(thrown);
  if (api.success) {
    const headers = api.data.entry?.response.headers;
    const requestId =
      typeof api.data.data.RequestId === 'string'
        ? api.data.data.RequestId
        : headers?.['x-acs-request-id'];
    return new CloudError({
      kind: 'api',
      code: api.data.code,
      httpStatus: api.data.entry?.response.statusCode ?? 400,
      requestId,
      action,
      retryAfterMs: retryAfterOf(headers),
      parameter: cloudParameterOf(
        api.data.code,
        typeof api.data.data.Message === 'string' ? api.data.data.Message : undefined,
      ),
    });
  }
  const named = namedFailureSchema.safeParse(thrown);
  if (named.success) {
    if (named.data.name === 'RequestTimeoutError') {
      return new CloudError({ kind: 'timeout', code: 'UpstreamTimeout', httpStatus: 504, action });
    }
    if (named.data.name === 'SyntaxError') {
      // json-bigint throws a plain object for a non-JSON body (an HTML 502 page, an empty body).
      return new CloudError({
        kind: 'invalid-response',
        code: 'UpstreamInvalidResponse',
        httpStatus: 502,
        action,
      });
    }
  }
  return new CloudError({ kind: 'network', code: 'UpstreamUnavailable', httpStatus: 502, action });
};

export interface PopTransportOptions {
  credentials: CredentialsProvider;
  /** Max sockets per endpoint. */
  maxSockets?: number;
}

/** Sends signed POST RPCs to VPC endpoints; one pop-core client (and keep-alive agent) per endpoint. */
export class PopTransport {
  private readonly clients = new Map<string, PopClientInstance>();
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: PopTransportOptions) {
    const agentOptions = {
      keepAlive: true,
      keepAliveMsecs: 3000,
      maxSockets: options.maxSockets ?? 64,
    };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  private clientFor(endpoint: string): PopClientInstance {
    let client = this.clients.get(endpoint);
    if (!client) {
      client = new PopRpcClient(
        { endpoint, apiVersion: VPC_API_VERSION, credentialsProvider: this.options.credentials },
        true,
      );
      this.clients.set(endpoint, client);
    }
    return client;
  }

  async send(
    endpoint: string,
    action: string,
    params: RpcParams,
    timeoutMs: number,
  ): Promise<RawCallResult> {
    const agent = endpoint.startsWith('https://') ? this.httpsAgent : this.httpAgent;
    let result: unknown;
    try {
      result = await this.clientFor(endpoint).request(action, stripEmpty(params), {
        method: 'POST',
        timeout: timeoutMs,
        agent,
      });
    } catch (thrown) {
      throw toCloudError(action, thrown);
    }
    const parsed = verboseResultSchema.safeParse(result);
    if (!parsed.success) {
      throw new CloudError({
        kind: 'invalid-response',
        code: 'UpstreamInvalidResponse',
        httpStatus: 502,
        action,
      });
    }
    const [json, entry] = parsed.data;
    const { statusCode, headers } = entry.response;
    const requestId = requestIdOf(json, headers);
    if (statusCode >= 400) {
      // A failure status with a body that has no `Code`: pop-core lets it through.
      throw new CloudError({
        kind: statusCode >= 500 ? 'invalid-response' : 'api',
        code: statusCode >= 500 ? 'UpstreamInvalidResponse' : 'UpstreamRejected',
        httpStatus: statusCode,
        requestId,
        action,
        retryAfterMs: retryAfterOf(headers),
      });
    }
    return { json, httpStatus: statusCode, requestId };
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    this.clients.clear();
  }
}
