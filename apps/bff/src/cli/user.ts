// Entry point of the `user` command (`pnpm --filter @vpn-console/bff run user -- add alice
// --role admin`): the same store as the BFF (DATABASE_URL, else PGlite in DATA_DIR).
import { loadConfig } from '../config';
import { openStore } from '../store/store';
import { runUserCommand, UsageError } from './user-command';

async function readStdinLine(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    if (Buffer.isBuffer(chunk)) chunks.push(chunk);
  }
  const first = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  return first === undefined || first === '' ? undefined : first;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(
    config.databaseUrl === undefined
      ? { dataDir: config.dataDir }
      : { databaseUrl: config.databaseUrl },
  );
  try {
    await runUserCommand(process.argv.slice(2), store, {
      stdinPassword: await readStdinLine(),
      out: (line) => process.stdout.write(`${line}\n`),
    });
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof UsageError || error instanceof Error ? error.message : 'user command failed'}\n`,
  );
  process.exitCode = 1;
});
