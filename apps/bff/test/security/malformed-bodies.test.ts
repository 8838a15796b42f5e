// Property test: at least 1,000 generated malformed bodies per write route (wrong types, huge
// strings, prototype keys, unknown fields, broken JSON, wrong content types) and the answer is
// always 400, 413 or 415, never a 5xx (nor anything else).
import { apiRoutes } from '@vpn-console/shared/api/routes';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestApi, type TestStack } from '../harness';

const RUNS = 1000;

interface BadRequest {
  readonly contentType: string;
  readonly body: string;
}

/** Field names the write schemas know (so wrong types land on real fields too). */
const knownFields = [
  'vpnGatewayId',
  'customerGatewayId',
  'ipsecServerName',
  'name',
  'localSubnet',
  'remoteSubnet',
  'clientIpPool',
  'psk',
  'pskEnabled',
  'ikeConfig',
  'ipsecConfig',
  'bgpConfig',
  'healthCheckConfig',
  'effectImmediately',
  'proto',
  'cipher',
  'port',
  'ipAddress',
  'asn',
  'gateways',
  'username',
  'password',
  'role',
  'disabled',
  'dryRun',
] as const;

/** Values of the wrong type for every known field (none of them is a valid value anywhere). */
const wrongValue = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n + 0.5),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }).map((a) => ({ nested: a })),
  fc.string({ maxLength: 20 }).map((s) => [[s]]),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -0.0001, 1e308),
);

const unknownKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .map((s) => `x_unknown_${s.replace(/[^A-Za-z0-9]/g, 'q')}`);

const json =
  (contentType = 'application/json') =>
  (value: unknown): BadRequest => ({
    contentType,
    body: JSON.stringify(value),
  });

const badRequest: fc.Arbitrary<BadRequest> = fc.oneof(
  // Wrong types on known fields plus an unknown field.
  fc
    .tuple(
      fc.dictionary(fc.constantFrom(...knownFields), wrongValue, { minKeys: 1, maxKeys: 6 }),
      unknownKey,
      fc.anything(),
    )
    .map(([fields, key, extra]) => json()({ ...fields, [key]: extra ?? 1 })),
  // Prototype keys (as real JSON keys, not object literals).
  fc
    .tuple(
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
      fc.constantFrom('{"polluted":true}', '{"toString":1}', '1', '"x"', '[]'),
      fc.constantFrom(...knownFields),
    )
    .map(([key, value, field]) => ({
      contentType: 'application/json',
      body: `{"${field}":{"${key}":${value}},"${key}":${value}}`,
    })),
  // Not an object at the top.
  fc
    .oneof(
      fc.integer(),
      fc.string({ maxLength: 50 }),
      fc.array(fc.anything(), { maxLength: 4 }),
      fc.boolean(),
      fc.constant(null),
    )
    .map(json()),
  // Broken JSON.
  fc
    .tuple(
      fc.constantFrom('{', '{"a":', '[1,', '{"psk":"x"', "{'a':1}", '{"a":1}}', 'nul'),
      fc.string({ maxLength: 20 }),
    )
    .map(([head, tail]) => ({
      contentType: 'application/json',
      body: head + tail.replace(/[}\]]/g, ''),
    })),
  // Huge strings (over the body limit).
  fc
    .tuple(fc.constantFrom(...knownFields), fc.integer({ min: 110_000, max: 300_000 }))
    .map(([field, size]) => json()({ [field]: 'x'.repeat(size) })),
  // Long but within the limit: every field far too long for its schema.
  fc
    .tuple(fc.constantFrom(...knownFields), fc.integer({ min: 1_000, max: 60_000 }), unknownKey)
    .map(([field, size, key]) => json()({ [field]: 'y'.repeat(size), [key]: 1 })),
  // Wrong content types.
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/json-ish',
      ),
      fc.string({ minLength: 1, maxLength: 100 }),
    )
    .map(([contentType, body]) => ({ contentType, body })),
);

interface WriteRoute {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly caller: 'operator' | 'admin' | 'anonymous';
}

const HZ = '/api/v1/regions/cn-hangzhou';
const idFor: Record<string, string> = {
  'ipsec-servers': DEMO_IDS.ipsecServer,
  'vpn-connections': DEMO_IDS.connections.established,
  'ssl-vpn-servers': DEMO_IDS.sslServers.hangzhou,
  'ssl-vpn-client-certs': DEMO_IDS.sslClientCerts.normal,
};

describe('malformed bodies on every write route', () => {
  let stack: TestStack;
  const apis = new Map<string, TestApi>();
  let routes: WriteRoute[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    for (const caller of ['operator', 'admin', 'anonymous'] as const) {
      apis.set(caller, await stack.as(caller));
    }
    const streamId = '00000000-0000-4000-8000-000000000000';
    const accountId =
      (await stack.secured.security.accounts.findByUsername(stack.accounts.viewer.username))?.id ??
      'missing';
    routes = apiRoutes
      .filter((r) => 'requestBody' in r)
      .map((r): WriteRoute => {
        const plural = /\/([a-z-]+)\/:id(?:\/|$)/.exec(r.path)?.[1] ?? '';
        const path = r.path
          .replace('/api/v1/regions/:regionId', HZ)
          .replace(':streamId', streamId)
          .replace(':accountId', accountId)
          .replace(':id', idFor[plural] ?? 'missing');
        // The least caller the route lets through (the login is anonymous, accounts an admin's).
        const caller =
          r.role === 'public' ? 'anonymous' : r.role === 'admin' ? 'admin' : 'operator';
        return { label: `${r.method} ${r.path}`, method: r.method, path, caller };
      });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  it('covers every route with a request body', () => {
    expect(routes.map((r) => r.label)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/session',
        'POST /api/v1/accounts',
        'PATCH /api/v1/accounts/:accountId',
      ]),
    );
    expect(routes.map((r) => r.path).some((p) => p.includes('missing'))).toBe(false);
  });

  it(`answers only 400, 413 or 415 to ${RUNS} malformed bodies per route`, async () => {
    const seen = new Map<number, number>();
    for (const route of routes) {
      const api = apis.get(route.caller);
      if (api === undefined) throw new Error('no api');
      await fc.assert(
        fc.asyncProperty(badRequest, async (bad) => {
          const res = await api.raw(route.path, {
            method: route.method,
            headers: { 'Content-Type': bad.contentType },
            body: bad.body,
          });
          seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
          if (![400, 413, 415].includes(res.status)) {
            throw new Error(`${route.label} answered ${res.status}: ${JSON.stringify(res.body)}`);
          }
        }),
        { numRuns: RUNS },
      );
    }
    // Every kind of refusal was exercised.
    expect([...seen.keys()].sort()).toEqual([400, 413, 415]);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(RUNS * routes.length);
  }, 900_000);
});
