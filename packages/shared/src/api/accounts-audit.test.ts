import { describe, expect, it } from 'vitest';
import { changeAccountRequestSchema, createAccountRequestSchema } from './accounts';
import { auditQuerySchema } from './audit';
import { loginRequestSchema, sessionPaths } from './session';

describe('session and account contract', () => {
  it('refuses unknown fields in a login and an account change that changes nothing', () => {
    expect(loginRequestSchema.safeParse({ username: 'a', password: 'b' }).success).toBe(true);
    expect(
      loginRequestSchema.safeParse({ username: 'a', password: 'b', role: 'admin' }).success,
    ).toBe(false);
    expect(changeAccountRequestSchema.safeParse({}).success).toBe(false);
    expect(changeAccountRequestSchema.safeParse({ disabled: true }).success).toBe(true);
  });

  it('asks for user names without spaces and passwords of 12 characters or more', () => {
    const ok = { username: 'ops.team-1', password: 'twelve chars', role: 'operator' };
    expect(createAccountRequestSchema.safeParse(ok).success).toBe(true);
    expect(createAccountRequestSchema.safeParse({ ...ok, username: 'ops team' }).success).toBe(
      false,
    );
    expect(createAccountRequestSchema.safeParse({ ...ok, password: 'short' }).success).toBe(false);
    expect(createAccountRequestSchema.safeParse({ ...ok, role: 'root' }).success).toBe(false);
  });

  it('reads audit query strings: numbers coerced, limit capped, dates checked', () => {
    expect(auditQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(auditQuerySchema.parse({ limit: '10', cursor: '42' })).toEqual({
      limit: 10,
      cursor: 42,
    });
    expect(auditQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: '2026-01-01T00:00:00Z' }).success).toBe(true);
    expect(auditQuerySchema.safeParse({ sort: 'asc' }).success).toBe(false);
  });

  it('builds paths with encoded ids', () => {
    expect(sessionPaths.vpnConnectionPskReveal('cn-hangzhou', 'vco/1')).toBe(
      '/api/v1/regions/cn-hangzhou/vpn-connections/vco%2F1/psk/reveal',
    );
  });
});
