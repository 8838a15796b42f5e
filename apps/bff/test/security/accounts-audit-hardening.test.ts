// Accounts and audit, hardened (issue 10): the password policy, admins who cannot lock
// themselves out, the last enabled admin, bad audit query values, refused reveals in the audit,
// and login names with control characters.
import { accountViewSchema } from '@vpn-console/shared/api/accounts';
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { csrfHeader, sessionViewSchema } from '@vpn-console/shared/api/session';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness';

const issueCodes = (body: unknown) =>
  (apiErrorBodySchema.parse(body).error.issues ?? []).map((i) => `${i.path}:${i.code}`);
const errorCode = (body: unknown) => apiErrorBodySchema.parse(body).error.code;

describe('accounts and audit hardening', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  it('refuses weak passwords with a clear issue code each', async () => {
    const admin = await stack.as('admin');
    const cases: [string, string, string][] = [
      ['weak-a', ' '.repeat(12), 'password:PASSWORD_BLANK'],
      ['weak-b', '\t \u3000'.repeat(4), 'password:PASSWORD_BLANK'],
      ['weak-c', 'short-pw', 'password:PASSWORD_TOO_SHORT'],
      ['weak-d-username', 'Weak-D-Username', 'password:PASSWORD_IS_USERNAME'],
      ['weak-e', 'qwerty123456', 'password:PASSWORD_COMMON'],
      ['weak-f', '1qaz2wsx3edc', 'password:PASSWORD_COMMON'],
    ];
    for (const [username, password, expected] of cases) {
      const res = await admin.post('/api/v1/accounts', { username, password, role: 'viewer' });
      expect(res.status, username).toBe(400);
      expect(issueCodes(res.body), username).toEqual([expected]);
    }
    const created = await admin.post('/api/v1/accounts', {
      username: 'strong-one',
      password: 'correct horse battery staple',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const id = accountViewSchema.parse(created.body).id;
    const common = await admin.patch(`/api/v1/accounts/${id}`, { password: 'password1234' });
    expect(issueCodes(common.body)).toEqual(['password:PASSWORD_COMMON']);
  });

  it('refuses user names that are not printable ASCII', async () => {
    const admin = await stack.as('admin');
    for (const username of ['bad\u0000name', 'tab\tname', 'évelyne', 'a\u202Eb', ' lead']) {
      const res = await admin.post('/api/v1/accounts', {
        username,
        password: 'correct horse battery staple',
        role: 'viewer',
      });
      expect(res.status, JSON.stringify(username)).toBe(400);
      expect(issueCodes(res.body)).toEqual(['username:USERNAME_CHARSET']);
    }
  });

  it('refuses a name that differs only in case (409 AccountExists on the username field) and shows the last login', async () => {
    const admin = await stack.as('admin');
    const first = await admin.post('/api/v1/accounts', {
      username: 'case-twin',
      password: 'correct horse battery staple',
      role: 'viewer',
    });
    expect(first.status).toBe(201);
    expect(accountViewSchema.parse(first.body).lastLoginAt).toBeNull();
    const twin = await admin.post('/api/v1/accounts', {
      username: 'CASE-Twin',
      password: 'correct horse battery staple',
      role: 'admin',
    });
    expect(twin.status).toBe(409);
    expect(errorCode(twin.body)).toBe('AccountExists');
    expect(issueCodes(twin.body)).toEqual(['username:USERNAME_TAKEN']);
    const login = await fetch(`${stack.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [csrfHeader.name]: csrfHeader.value },
      body: JSON.stringify({ username: 'Case-Twin', password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(201);
    expect(sessionViewSchema.parse(await login.json()).account.username).toBe('case-twin');
    const again = await admin.get(`/api/v1/accounts/${accountViewSchema.parse(first.body).id}`);
    expect(accountViewSchema.parse(again.body).lastLoginAt).not.toBeNull();
  });

  it('answers a login name with a NUL or a bidi override with 400, never 500', async () => {
    for (const username of ['adm\u0000in', 'admin\u202E']) {
      const res = await fetch(`${stack.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [csrfHeader.name]: csrfHeader.value },
        body: JSON.stringify({ username, password: 'whatever-password' }),
      });
      expect(res.status).toBe(400);
      expect(issueCodes(await res.json())).toEqual(['username:CONTROL_CHARACTER']);
    }
  });

  it('keeps admins from locking themselves out (409 SelfLockout), and audits the refusal', async () => {
    const admin = await stack.as('admin');
    const me = sessionViewSchema.parse((await admin.get('/api/v1/session')).body).account;
    for (const change of [{ role: 'operator' }, { role: 'viewer' }, { disabled: true }]) {
      const res = await admin.patch(`/api/v1/accounts/${me.id}`, change);
      expect(res.status, JSON.stringify(change)).toBe(409);
      expect(errorCode(res.body)).toBe('SelfLockout');
    }
    expect(sessionViewSchema.parse((await admin.get('/api/v1/session')).body).account.role).toBe(
      'admin',
    );
    const page = auditPageSchema.parse(
      (await admin.get(`/api/v1/audit?category=account&username=${me.username}`)).body,
    );
    expect(page.items[0]).toMatchObject({
      action: 'changeAccount',
      outcome: 'failure',
      errorCode: 'SelfLockout',
    });
  });

  it('leaves one enabled admin when two admins demote each other at once (409 LastAdmin)', async () => {
    const admin = await stack.as('admin');
    const me = sessionViewSchema.parse((await admin.get('/api/v1/session')).body).account;
    const second = { username: 'second-admin', password: 'another long admin passphrase' };
    const created = await admin.post('/api/v1/accounts', { ...second, role: 'admin' });
    expect(created.status).toBe(201);
    const secondId = accountViewSchema.parse(created.body).id;
    const login = await fetch(`${stack.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [csrfHeader.name]: csrfHeader.value },
      body: JSON.stringify(second),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const demote = (id: string, as: string | undefined) =>
      fetch(`${stack.baseUrl}/api/v1/accounts/${id}`, {
        method: 'PATCH',
        headers: {
          'Content-Type': 'application/json',
          [csrfHeader.name]: csrfHeader.value,
          ...(as === undefined ? {} : { Cookie: as }),
        },
        body: JSON.stringify({ role: 'operator' }),
      });
    const [a, b] = await Promise.all([
      admin.patch(`/api/v1/accounts/${secondId}`, { role: 'operator' }),
      demote(me.id, cookie),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    // The other is refused: LastAdmin when both passed the guard, Forbidden when its admin was
    // already demoted.
    expect([403, 409]).toContain(statuses[1]);
    const all = (await stack.secured.security.accounts.list()).filter(
      (x) => x.role === 'admin' && !x.disabled,
    );
    expect(all).toHaveLength(1);
  });

  it('answers 400 for bad audit query values (NUL, year 0000), never 500', async () => {
    const admin = await stack.as('admin');
    const bad: [string, string][] = [
      ['username=a%00b', 'username:CONTROL_CHARACTER'],
      ['vpnGatewayId=vpn%00x', 'vpnGatewayId:CONTROL_CHARACTER'],
      ['from=0000-01-01T00:00:00Z', 'from:DATE_RANGE'],
      ['to=0000-01-01T00:00:00Z', 'to:DATE_RANGE'],
      ['from=1969-12-31T23:59:59Z', 'from:DATE_RANGE'],
      ['from=yesterday', 'from:INVALID_FORMAT'],
      ['limit=0', 'limit:TOO_SMALL'],
    ];
    for (const [query, expected] of bad) {
      const res = await admin.get(`/api/v1/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(issueCodes(res.body), query).toEqual([expected]);
    }
    expect((await admin.get('/api/v1/audit?from=2026-01-01T00:00:00Z')).status).toBe(200);
  });

  it("audits a viewer's refused PSK reveal", async () => {
    const viewer = await stack.as('viewer');
    const target = `/api/v1/regions/cn-hangzhou/ipsec-servers/${DEMO_IDS.ipsecServer}/psk/reveal`;
    const res = await viewer.post(target);
    expect(res.status).toBe(403);
    const admin = await stack.as('admin');
    const page = auditPageSchema.parse(
      (await admin.get(`/api/v1/audit?category=reveal&username=${stack.accounts.viewer.username}`))
        .body,
    );
    expect(page.items[0]).toMatchObject({
      action: 'revealPsk',
      outcome: 'failure',
      errorCode: 'Forbidden',
      regionId: 'cn-hangzhou',
      resourceType: 'ipsec-server',
      resourceId: DEMO_IDS.ipsecServer,
      actor: { username: stack.accounts.viewer.username, role: 'viewer' },
    });
  });
});
