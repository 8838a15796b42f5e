// DNS rebinding (issue 10): the console answers only the Host names it is known by; demo mode
// (which lists demo passwords) always has such a list: the bound address and localhost.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAllowedHosts } from '../../src/auth/bootstrap';
import { startTestStack, type TestStack } from '../harness';

describe('allowed Host names', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { ALLOWED_HOSTS: '127.0.0.1,console.example' } });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  const withHost = (host: string, path = '/api/v1/health') =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(stack.baseUrl);
      const req = http.request(
        { host: url.hostname, port: url.port, path, headers: { Host: host } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('refuses a rebinding Host with 421 HostNotAllowed and answers the listed ones', async () => {
    const evil = await withHost('attacker.example:3000');
    expect(evil.status).toBe(421);
    expect(apiErrorBodySchema.parse(JSON.parse(evil.body)).error.code).toBe('HostNotAllowed');
    expect((await withHost('127.0.0.1:1234')).status).toBe(200);
    expect((await withHost('CONSOLE.example')).status).toBe(200);
  });

  it('defaults, in demo mode, to the bound address and localhost', () => {
    expect(demoAllowedHosts('127.0.0.1')).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(demoAllowedHosts('192.0.2.10')).toEqual([
      '192.0.2.10',
      'localhost',
      '127.0.0.1',
      '[::1]',
    ]);
    expect(demoAllowedHosts('0.0.0.0')).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });
});
