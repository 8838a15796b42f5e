import { describe, expect, it } from 'vitest';
import { createLab, withLab } from './lab';
import { run } from './run';
import { daemonsRunnable } from './support';

async function namespaceNames(): Promise<string[]> {
  const listed = await run(['ip', 'netns', 'list']);
  return listed.stdout.split('\n').map((line) => line.split(' ')[0] ?? '');
}

describe.runIf(daemonsRunnable())('a lab of network namespaces', () => {
  it('joins two namespaces by a wire on documentation addresses, and a ping crosses it', async () => {
    await withLab(async (lab) => {
      const left = await lab.namespace('left');
      const right = await lab.namespace('right');
      expect(left).toMatch(new RegExp(`^rd-${String(process.pid)}-[0-9a-z]+-left$`));
      await lab.wire(
        { ns: left, addresses: ['192.0.2.10'] },
        { ns: right, addresses: ['203.0.113.10'] },
      );
      expect(await lab.ping(left, '192.0.2.10', '203.0.113.10')).toBe(true);
      // A LAN address is not routed across the wire (no tunnel yet): the ping does not arrive.
      await lab.lan(right, '198.51.100.65/26');
      expect(await lab.ping(left, '192.0.2.10', '198.51.100.65', 1)).toBe(false);
    });
  });

  it('tears everything down even when the test body throws', async () => {
    let created: readonly string[] = [];
    await expect(
      withLab(async (lab) => {
        await lab.namespace('doomed');
        created = lab.namespaces;
        lab.spawn(created[0] ?? '', ['sleep', '300'], { outputFile: `${lab.dir}/sleep.out` });
        throw new Error('the test failed here');
      }),
    ).rejects.toThrow('the test failed here');
    expect(created).toHaveLength(1);
    const remaining = await namespaceNames();
    for (const name of created) expect(remaining).not.toContain(name);
  });

  it('stops the processes it started', async () => {
    const lab = await createLab();
    const ns = await lab.namespace('proc');
    const sleeper = lab.spawn(ns, ['sleep', '300'], { outputFile: `${lab.dir}/sleep.out` });
    await lab.teardown();
    expect(sleeper.child.exitCode !== null || sleeper.child.signalCode !== null).toBe(true);
  });
});
