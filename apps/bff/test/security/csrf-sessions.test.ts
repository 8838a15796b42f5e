// CSRF refusals, security headers, body rules, the session cookie and its lifecycle, login
// rate limiting and the `logout` event on an event stream, through the real app.
import { accountListSchema, accountViewSchema } from '@vpn-console/shared/api/accounts';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { sessionViewSchema } from '@vpn-console/shared/api/session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness';

const errorCode = (body: unknown): string | undefined => {
  const parsed = apiErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error.code : undefined;
};

describe('security of the real app', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      security: {
        loginLimits: {
          perUser: { limit: 3, windowMs: 60_000, baseDelayMs: 60_000 },
          perIp: { limit: 1000, windowMs: 60_000 },
        },
        streamCheckMs: 100,
      },
    });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  const accountsBody = JSON.stringify({ username: 'new-user', password: 'x', role: 'viewer' });

  describe('CSRF', () => {
    it('refuses a state-changing request without X-Requested-With', async () => {
      const admin = await stack.as('admin');
      const res = await admin.raw('/api/v1/accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': '' },
        body: accountsBody,
      });
      expect(res.status).toBe(403);
      expect(errorCode(res.body)).toBe('CsrfRejected');
    });

    it('refuses a cross-site Origin or Sec-Fetch-Site, accepts same-origin and none', async () => {
      const admin = await stack.as('admin');
      const post = (headers: Record<string, string>) =>
        admin.raw('/api/v1/accounts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: accountsBody,
        });
      const refused: Record<string, string>[] = [
        { Origin: 'https://evil.example' },
        { Origin: 'null' },
        { 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'same-site' },
      ];
      for (const headers of refused) {
        const res = await post(headers);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(errorCode(res.body)).toBe('CsrfRejected');
      }
      const host = new URL(stack.baseUrl).host;
      const accepted: Record<string, string>[] = [
        { Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' },
        { 'Sec-Fetch-Site': 'none' },
      ];
      for (const headers of accepted) {
        // Past the CSRF check the (too short) password is refused by validation.
        expect((await post(headers)).status, JSON.stringify(headers)).toBe(400);
      }
    });

    it('refuses a login without the header (login CSRF) and leaves reads alone', async () => {
      const anonymous = await stack.as('anonymous');
      const res = await anonymous.raw('/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': '' },
        body: JSON.stringify(stack.accounts.viewer),
      });
      expect(res.status).toBe(403);
      const read = await stack.api.get('/api/v1/regions', { 'X-Requested-With': '' });
      expect(read.status).toBe(200);
    });
  });

  describe('headers and bodies', () => {
    it('sends a strict CSP and the other helmet headers', async () => {
      const res = await stack.api.get('/api/v1/session');
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
        "script-src 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('answers 415 for a non-JSON body and 413 for a huge one', async () => {
      const admin = await stack.as('admin');
      const plain = await admin.raw('/api/v1/accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: accountsBody,
      });
      expect(plain.status).toBe(415);
      const form = await admin.raw('/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'username=a&password=b',
      });
      expect(form.status).toBe(415);
      const huge = await admin.raw('/api/v1/accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'x'.repeat(200_000) }),
      });
      expect(huge.status).toBe(413);
    });
  });

  describe('sessions', () => {
    it('sets an HttpOnly SameSite=Strict cookie, a new id on every login', async () => {
      const login = () =>
        fetch(`${stack.baseUrl}/api/v1/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
          body: JSON.stringify(stack.accounts.viewer),
        });
      const first = await login();
      const second = await login();
      expect(first.status).toBe(201);
      const c1 = first.headers.get('set-cookie') ?? '';
      const c2 = second.headers.get('set-cookie') ?? '';
      expect(c1).toMatch(/^vpnc_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
      expect(c1.split(';')[0]).not.toBe(c2.split(';')[0]);
      const view = sessionViewSchema.parse(await first.json());
      expect(view.account).toMatchObject({
        username: stack.accounts.viewer.username,
        role: 'viewer',
      });
      expect(view.demo).toBe(false);
      expect(view.idleTimeoutSeconds).toBe(30 * 60);
    });

    it('answers a wrong name and a wrong password the same way', async () => {
      const anonymous = await stack.as('anonymous');
      const wrongName = await anonymous.post('/api/v1/session', {
        username: 'no-such-user',
        password: 'whatever password',
      });
      const wrongPassword = await anonymous.post('/api/v1/session', {
        username: stack.accounts.admin.username,
        password: 'whatever password',
      });
      expect(wrongName.status).toBe(401);
      expect(wrongPassword.status).toBe(401);
      expect(wrongName.body).toEqual(wrongPassword.body);
      expect(wrongName.headers.get('set-cookie')).toBeNull();
    });

    it('rate-limits failed logins per user name with 429 and Retry-After', async () => {
      const anonymous = await stack.as('anonymous');
      const { username, password } = stack.accounts.operator;
      for (let i = 0; i < 3; i++) {
        const res = await anonymous.post('/api/v1/session', { username, password: `wrong-${i}` });
        expect(res.status).toBe(401);
      }
      const limited = await anonymous.post('/api/v1/session', { username, password });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Other names are not affected.
      const other = await anonymous.post('/api/v1/session', stack.accounts.viewer);
      expect(other.status).toBe(201);
    });

    it('logs out: the old cookie no longer works', async () => {
      const viewer = await stack.as('viewer');
      expect((await viewer.get('/api/v1/session')).status).toBe(200);
      const out = await viewer.delete('/api/v1/session');
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
      expect((await viewer.get('/api/v1/session')).status).toBe(401);
      expect((await viewer.get('/api/v1/regions')).status).toBe(401);
    });

    it('ends the sessions of a disabled account and refuses its login', async () => {
      const admin = await stack.as('admin');
      const created = await admin.post('/api/v1/accounts', {
        username: 'support-1',
        password: 'support password 1',
        role: 'viewer',
      });
      expect(created.status).toBe(201);
      const account = accountViewSchema.parse(created.body);
      const login = await fetch(`${stack.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        body: JSON.stringify({ username: 'support-1', password: 'support password 1' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const who = await fetch(`${stack.baseUrl}/api/v1/session`, { headers: { Cookie: cookie } });
      expect(who.status).toBe(200);
      const disabled = await admin.patch(`/api/v1/accounts/${account.id}`, { disabled: true });
      expect(disabled.status).toBe(200);
      const after = await fetch(`${stack.baseUrl}/api/v1/session`, { headers: { Cookie: cookie } });
      expect(after.status).toBe(401);
      const again = await (
        await stack.as('anonymous')
      ).post('/api/v1/session', {
        username: 'support-1',
        password: 'support password 1',
      });
      expect(again.status).toBe(401);
    });

    it('lets an admin end every session of an account', async () => {
      const admin = await stack.as('admin');
      const a = await stack.as('viewer');
      const b = await stack.as('viewer');
      const list = accountListSchema.parse((await admin.get('/api/v1/accounts')).body);
      const id = list.items.find((x) => x.username === stack.accounts.viewer.username)?.id ?? '';
      const viewerTry = await a.delete(`/api/v1/accounts/${id}/sessions`);
      expect(viewerTry.status).toBe(403);
      expect((await admin.delete(`/api/v1/accounts/${id}/sessions`)).status).toBe(204);
      expect((await a.get('/api/v1/session')).status).toBe(401);
      expect((await b.get('/api/v1/session')).status).toBe(401);
      expect((await admin.get('/api/v1/session')).status).toBe(200);
      expect((await admin.delete('/api/v1/accounts/nope/sessions')).status).toBe(404);
    });

    it('ends an open event stream with a logout event when its session ends', async () => {
      const viewer = await stack.as('viewer');
      const stream = await viewer.events();
      expect(stream.status).toBe(200);
      await viewer.delete('/api/v1/session');
      await stream.next('logout', undefined, 5_000);
      await stream.ended;

      // A session that ends without a logout request (account disabled) is noticed too.
      const admin = await stack.as('admin');
      await admin.post('/api/v1/accounts', {
        username: 'support-2',
        password: 'support password 2',
        role: 'viewer',
      });
      const other = await stack.as('anonymous');
      const login = await other.post('/api/v1/session', {
        username: 'support-2',
        password: 'support password 2',
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { openSse } = await import('../sse-client');
      const s2 = await openSse(`${stack.baseUrl}/api/v1/events`, { Cookie: cookie });
      expect(s2.status).toBe(200);
      const list = accountListSchema.parse((await admin.get('/api/v1/accounts')).body);
      const id = list.items.find((a) => a.username === 'support-2')?.id ?? 'missing';
      await admin.patch(`/api/v1/accounts/${id}`, { disabled: true });
      await s2.next('logout', undefined, 5_000);
      s2.close();
    });
  });

  it('audits logins and account changes, never the password', async () => {
    const admin = await stack.as('admin');
    const res = await admin.get('/api/v1/audit?limit=200');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).toContain('"action":"login"');
    expect(text).toContain('"outcome":"failure"');
    expect(text).toContain('"action":"changeAccount"');
    expect(text).not.toContain('support password');
    expect(text).not.toContain(stack.accounts.viewer.password);
    const viewer = await stack.as('viewer');
    const forViewer = await viewer.get('/api/v1/audit');
    expect(JSON.stringify(forViewer.body)).not.toContain('"category":"auth"');
  });

  it('answers 404 for the demo accounts outside demo mode', async () => {
    expect((await stack.api.get('/api/v1/demo')).status).toBe(404);
  });
});
