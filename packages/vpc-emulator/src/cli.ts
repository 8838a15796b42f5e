import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_ACCESS_KEY, startEmulator } from './server';

const argsSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(9100),
  seed: z.enum(['empty', 'demo']).default('demo'),
  'access-key-id': z.string().min(1).default(DEFAULT_ACCESS_KEY.accessKeyId),
  'access-key-secret': z.string().min(1).default(DEFAULT_ACCESS_KEY.accessKeySecret),
  'updating-ms': z.coerce.number().int().nonnegative().default(3000),
  'negotiation-ms': z.coerce.number().int().nonnegative().default(2000),
  'state-file': z.string().optional(),
  'fault-control': z.boolean().default(false),
});

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    seed: { type: 'string' },
    'access-key-id': { type: 'string' },
    'access-key-secret': { type: 'string' },
    'updating-ms': { type: 'string' },
    'negotiation-ms': { type: 'string' },
    'state-file': { type: 'string' },
    'fault-control': { type: 'boolean' },
  },
  strict: true,
});
const args = argsSchema.parse(values);

const emulator = await startEmulator({
  host: args.host,
  port: args.port,
  seed: args.seed,
  accessKeys: [{ accessKeyId: args['access-key-id'], accessKeySecret: args['access-key-secret'] }],
  updatingMs: args['updating-ms'],
  negotiationMs: args['negotiation-ms'],
  faultControl: args['fault-control'],
  ...(args['state-file'] === undefined ? {} : { stateFile: args['state-file'] }),
});
process.stdout.write(`${emulator.url}\n`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
