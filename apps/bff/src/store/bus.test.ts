// The bus between replicas on PostgreSQL (LISTEN/NOTIFY): every message arrives once (two
// connections send, so not in order, as before batching), and messages sent while the connections are busy share NOTIFYs. Needs DATABASE_URL (CI sets
// it); skipped without, with the reason in its name.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUS_CHANNEL, MAX_BUS_MESSAGE_BYTES, PgBus } from './bus';
import { createTestDatabase, testDatabaseUrl } from './testing';

const adminUrl = testDatabaseUrl();

const until = async (done: () => boolean): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the bus');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.skipIf(adminUrl === undefined)(
  adminUrl === undefined
    ? 'bus on PostgreSQL — skipped: DATABASE_URL is not set'
    : 'bus on PostgreSQL',
  () => {
    let database: { url: string; drop: () => Promise<void> };
    let sender: PgBus;
    let receiver: PgBus;
    let watcher: pg.Client;
    const received: string[] = [];
    const notifications: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase(adminUrl ?? '');
      sender = new PgBus({ databaseUrl: database.url });
      receiver = new PgBus({ databaseUrl: database.url });
      await receiver.start();
      receiver.subscribe((message) => received.push(message));
      // A plain listener sees the NOTIFYs themselves, to count them.
      watcher = new pg.Client({ connectionString: database.url });
      await watcher.connect();
      watcher.on('notification', (n) => {
        if (n.payload !== undefined) notifications.push(n.payload);
      });
      await watcher.query(`listen ${BUS_CHANNEL}`);
    });

    afterAll(async () => {
      await sender.close();
      await receiver.close();
      await watcher.end();
      await database.drop();
    });

    it('delivers each message of a burst once, several messages per NOTIFY', async () => {
      received.length = 0;
      notifications.length = 0;
      const messages = Array.from({ length: 300 }, (_, i) =>
        JSON.stringify({ t: 'status', key: `cn-hangzhou/vpn-${String(i)}`, pad: 'x'.repeat(400) }),
      );
      await Promise.all(messages.map((m) => sender.publish(m)));
      await until(() => received.length >= messages.length);
      // The watcher listens on a connection of its own: wait until it too has seen every line,
      // so that no NOTIFY of this burst reaches it during the next test.
      await until(() => notifications.flatMap((n) => n.split('\n')).length >= messages.length);
      expect([...received].sort()).toEqual([...messages].sort());
      // Two connections: the first two go alone, the rest wait and share NOTIFYs.
      expect(notifications.length).toBeLessThan(messages.length / 5);
      for (const payload of notifications) {
        expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_BUS_MESSAGE_BYTES);
      }
    });

    it('sends a lone message as it is, and refuses one of several lines', async () => {
      received.length = 0;
      notifications.length = 0;
      const message = JSON.stringify({ t: 'fast', key: 'cn-hangzhou/vpn-1' });
      await sender.publish(message);
      await until(() => received.length >= 1);
      expect(received).toEqual([message]);
      // The watcher's own connection hears the NOTIFY when it does, maybe after the receiver's.
      await until(() => notifications.some((n) => n.split('\n').includes(message)));
      // Sent as it is, alone in its NOTIFY (a late NOTIFY of another test may sit beside it).
      expect(notifications).toContain(message);
      await expect(sender.publish('{\n"t": "fast"}')).rejects.toThrow(/one line/);
    });
  },
);
