// Login limits that hold under concurrency (issue 10): attempts are counted before the hash is
// checked, keyed on the normalised name; a proxy's X-Forwarded-For is believed only as
// TRUST_PROXY says, so one address's failures slow only that address.
import { csrfHeader } from '@vpn-console/shared/api/session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness';

describe('login limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { TRUST_PROXY: 'loopback' },
      security: {
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
});
