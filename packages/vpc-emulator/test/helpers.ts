import { Config } from '@alicloud/openapi-client';
import RPCClient from '@alicloud/pop-core';
import Vpc from '@alicloud/vpc20160428';
import { z } from 'zod';
import {
  DEFAULT_ACCESS_KEY,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../src/server';

export const KEY = DEFAULT_ACCESS_KEY;

/** A clock tests can move forward. */
export function manualClock(start = Date.now()) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function withEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ faultControl: true, ...options });
}

/**
 * pop-core and the official SDK give up after 3 s by default; a busy CI machine generating an RSA key with node-forge
 * takes longer. Tests check answers, not time, so they wait as long as the test itself allows.
 */
const POP_TIMEOUT_MS = 60_000;

export function popClient(
  url: string,
  secret: string = KEY.accessKeySecret,
  id: string = KEY.accessKeyId,
): RPCClient {
  return new RPCClient({
    endpoint: url,
    apiVersion: '2016-04-28',
    accessKeyId: id,
    accessKeySecret: secret,
  });
}

/** Alibaba's own SDK (ACS3-HMAC-SHA256) pointed at the emulator. */
export function sdkClient(url: string): Vpc {
  return new Vpc(
    // @alicloud/openapi-client's Config, which the SDK (built on openapi-core) reads by shape.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    new Config({
      accessKeyId: KEY.accessKeyId,
      accessKeySecret: KEY.accessKeySecret,
      endpoint: url.replace('http://', ''),
      protocol: 'http',
      regionId: 'cn-hangzhou',
      readTimeout: POP_TIMEOUT_MS,
      connectTimeout: POP_TIMEOUT_MS,
    }),
  );
}

export type Wire = Record<string, unknown>;

const wireSchema = z.record(z.string(), z.unknown());

/** Call with pop-core (POST unless told) and return the parsed body. */
export async function call(
  client: RPCClient,
  action: string,
  params: Record<string, string | number | boolean>,
  method: 'GET' | 'POST' = 'POST',
): Promise<Wire> {
  const body: unknown = await client.request(action, params, { method, timeout: POP_TIMEOUT_MS });
  return wireSchema.parse({ ...wireSchema.parse(body) });
}

const popErrorSchema = z.object({
  code: z.string(),
  data: z.looseObject({ RequestId: z.string(), Code: z.string(), Message: z.string() }),
  entry: z.object({
    response: z.object({
      statusCode: z.number(),
      headers: z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()),
    }),
  }),
});

/** Expect a pop-core call to fail with `code`; returns the error body. */
export async function callError(
  client: RPCClient,
  action: string,
  params: Record<string, string | number | boolean>,
  method: 'GET' | 'POST' = 'POST',
): Promise<{
  code: string;
  message: string;
  status: number;
  headers: Record<string, unknown>;
  body: Wire;
}> {
  try {
    await client.request(action, params, { method, timeout: POP_TIMEOUT_MS });
  } catch (error: unknown) {
    const parsed = popErrorSchema.parse(error);
    return {
      code: parsed.code,
      message: parsed.data.Message,
      status: parsed.entry.response.statusCode,
      headers: parsed.entry.response.headers,
      body: { ...parsed.data },
    };
  }
  throw new Error(`${action} unexpectedly succeeded`);
}

export function str(body: Wire, key: string): string {
  return z.string().parse(body[key]);
}

export function num(body: Wire, key: string): number {
  return z.number().parse(body[key]);
}

export function list(body: Wire, wrapper: string, item: string): Wire[] {
  return z.object({ [item]: z.array(wireSchema) }).parse(body[wrapper])[item] ?? [];
}

const sdkErrorSchema = z.looseObject({ code: z.string(), statusCode: z.number() });

/** Expect an SDK call to fail; returns its code and HTTP status. */
export async function sdkError(
  run: () => Promise<unknown>,
): Promise<{ code: string; statusCode: number; message: string }> {
  try {
    await run();
  } catch (error: unknown) {
    const parsed = sdkErrorSchema.parse(error);
    const message = z.object({ message: z.string() }).safeParse(error);
    return {
      code: parsed.code,
      statusCode: parsed.statusCode,
      message: message.success ? message.data.message : '',
    };
  }
  throw new Error('unexpectedly succeeded');
}
