// The BFF under test, in its own process so its RSS is its own: the real app (createRuntime +
// createApp) against an emulator given on the command line. Prints `{"port":…}` when listening.
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createApp } from '../src/app';
import { testConfig } from '../src/config';
import { createRuntime } from '../src/runtime';

const argsSchema = z.object({
  url: z.string(),
  accessKeyId: z.string(),
  accessKeySecret: z.string(),
  env: z.record(z.string(), z.string()),
});

const main = async () => {
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const config = testConfig({ STATIC_DIR: '/nonexistent', SSE_MAX_STREAMS: '20000', ...args.env });
  const runtime = await createRuntime(config, {
    cloudTarget: {
      url: args.url,
      accessKeyId: args.accessKeyId,
      accessKeySecret: args.accessKeySecret,
    },
  });
  const app = createApp({ runtime });
  const server = app.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ port })}\n`);
  });
  server.requestTimeout = 0;
  server.maxConnections = 20_000;
  process.on('SIGTERM', () => {
    void runtime.close().then(() => {
      server.closeAllConnections();
      process.exit(0);
    });
  });
};

void main();
