// Login limits that hold under concurrency (issue 10): attempts are counted before the hash is
// checked, keyed on the normalised name; a proxy's X-Forwarded-For is believed only as
// TRUST_PROXY says, so one address's failures slow only that address. Past the limit a name
// backs off (1 s, 2 s, 4 s, …) instead of hitting a 15-minute wall. The security layer runs on
// a fake clock here: nothing depends on how fast the machine is.
import { csrfHeader } from '@vpn-console/shared/api/session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness';

describe('login limits', () => {
  let stack: TestStack;
  let clock = Date.parse('2026-11-30T00:00:00Z');
  beforeAll(async () => {
    stack = await startTestStack({
      env: { TRUST_PROXY: 'loopback' },
      security: {
        now: () => new Date(clock),
        loginLimits: {
          perUser: { limit: 5, windowMs: 60_000 },
          perIp: { limit: 20, windowMs: 60_000 },
        },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  const login = (username: string, password: string, from = '198.51.100.7') =>
    fetch(`${stack.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [csrfHeader.name]: csrfHeader.value,
        'X-Forwarded-For': from,
      },
      body: JSON.stringify({ username, password }),
    });

  it('lets only the limit through when 40 wrong passwords arrive at once, whatever the spelling', async () => {
    const name = stack.accounts.viewer.username;
    const spellings = [name, name.toUpperCase(), ` ${name}`, `${name} `];
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(spellings[i % spellings.length] ?? name, `wrong-password-${String(i)}`),
      ),
    );
    const statuses = answers.map((r) => r.status);
    // Exactly the limit was checked against the hash (401); every other attempt was refused
    // before it (429 with Retry-After).
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const refused = answers.find((r) => r.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("keeps one address's failures to that address (TRUST_PROXY names the real client)", async () => {
    const operator = stack.accounts.operator;
    const attacker = '203.0.113.66';
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(`nobody-${String(i)}`, 'wrong-password-x', attacker),
      ),
    );
    expect(answers.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    // The attacker's address is slowed…
    expect((await login(operator.username, operator.password, attacker)).status).toBe(429);
    // …while the same user from another address signs in.
    expect((await login(operator.username, operator.password, '198.51.100.20')).status).toBe(201);
  });

  it('backs a name off (1 s, then 2 s) and lets the right password through after the wait', async () => {
    const admin = stack.accounts.admin;
    const from = '198.51.100.30';
    for (let i = 0; i < 5; i++) {
      expect((await login(admin.username, `wrong-${String(i)}`, from)).status).toBe(401);
    }
    const first = await login(admin.username, admin.password, from);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    clock += 1_000;
    expect((await login(admin.username, 'wrong-again', from)).status).toBe(401);
    const second = await login(admin.username, admin.password, from);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('2');
    clock += 2_000;
    // Not a wall: the right password, after the wait, signs in and clears the name's failures.
    expect((await login(admin.username, admin.password, from)).status).toBe(201);
    expect((await login(admin.username, 'wrong-once-more', from)).status).toBe(401);
    expect((await login(admin.username, admin.password, from)).status).toBe(201);
  });
});
