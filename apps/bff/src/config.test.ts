import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded emulator on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config.cloud.mode).toBe('emulator');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.status.fastMs).toBe(1000);
    expect(config.status.slowMs).toBe(20_000);
    expect(config.status.heartbeatMs).toBe(15_000);
  });

  it('takes alibaba mode only when asked, with metadata probing off unless a role is named', () => {
    const plain = loadConfig({ CLOUD_MODE: 'alibaba' });
    expect(plain.cloud.mode).toBe('alibaba');
    expect(plain.cloud.ecsMetadataProbe).toBe(false);
    expect(
      loadConfig({ CLOUD_MODE: 'alibaba', ALIBABA_CLOUD_ECS_METADATA: 'role' }).cloud
        .ecsMetadataProbe,
    ).toBe(true);
  });

  it('refuses a wrong environment with a readable list of every problem', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', CLOUD_MODE: 'aws', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/CLOUD_MODE/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect((caught as ConfigError).message).toContain('Invalid configuration');
  });
});

describe('config', () => {
  it('defaults to a 60 s interval, 30 days of retention, 120 calls a minute', () => {
    const config = testConfig();
    expect(config.history).toEqual({
      recorder: true,
      intervalMs: 60_000,
      fastMs: 10_000,
      retentionDays: 30,
      callsPerMinute: 120,
    });
  });
});
