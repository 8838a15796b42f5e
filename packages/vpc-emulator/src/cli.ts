import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_ACCESS_KEY, startEmulator } from './server';

const argsSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(9100),
  seed: z.enum(['empty', 'demo', 'scale']).default('demo'),
  // The scale seed (issue 18): its seed number, regions, gateways, connections per gateway.
  'scale-seed': z.coerce.number().int().min(0).optional(),
  'scale-regions': z.coerce.number().int().min(1).optional(),
  'scale-gateways': z.coerce.number().int().min(0).optional(),
  'scale-connections-per-gateway': z.coerce.number().min(0).optional(),
  /** Calls per second per AccessKey; past it Throttling.User with x-acs-retry-after. */
  'rate-limit': z.coerce.number().positive().optional(),
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
    'scale-seed': { type: 'string' },
    'scale-regions': { type: 'string' },
    'scale-gateways': { type: 'string' },
    'scale-connections-per-gateway': { type: 'string' },
    'rate-limit': { type: 'string' },
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
  scale: {
    ...(args['scale-seed'] === undefined ? {} : { seed: args['scale-seed'] }),
    ...(args['scale-regions'] === undefined ? {} : { regions: args['scale-regions'] }),
    ...(args['scale-gateways'] === undefined ? {} : { gateways: args['scale-gateways'] }),
    ...(args['scale-connections-per-gateway'] === undefined
      ? {}
      : { connectionsPerGateway: args['scale-connections-per-gateway'] }),
  },
  ...(args['rate-limit'] === undefined ? {} : { rateLimit: args['rate-limit'] }),
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
