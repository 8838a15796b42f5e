// Demo mode: accounts admin, operator and viewer with passwords generated on first start and
// kept in DATA_DIR/demo-accounts.json (mode 0600), so a restart keeps them.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { demoAccountSchema, type DemoAccount } from '@vpn-console/shared/api/demo';
import { roles } from '@vpn-console/shared/api/session';
import type { Accounts } from '../../auth/accounts';
import { generatePassword } from '../../auth/passwords';

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

const fileSchema = z.object({ accounts: z.array(demoAccountSchema) });

async function readDemoFile(file: string): Promise<DemoAccount[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.accounts : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The demo accounts: read from the file when present (else generated and written), then made
 * to exist in the store with exactly those passwords and roles, enabled.
 */
export async function ensureDemoAccounts(
  dataDir: string,
  accounts: Accounts,
): Promise<DemoAccount[]> {
  const file = path.join(dataDir, DEMO_ACCOUNTS_FILE);
  const known = (await readDemoFile(file)) ?? [];
  const demo: DemoAccount[] = [...roles].reverse().map(
    (role) =>
      known.find((a) => a.username === role && a.role === role) ?? {
        username: role,
        password: generatePassword(),
        role,
      },
  );
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify({ accounts: demo }, null, 2)}\n`, { mode: 0o600 });
  for (const a of demo) {
    const existing = await accounts.findByUsername(a.username);
    if (existing === undefined) {
      await accounts.create(a);
      continue;
    }
    const samePassword = await accounts.passwordMatches(a.username, a.password);
    if (!samePassword || existing.role !== a.role || existing.disabled) {
      await accounts.change(existing.id, {
        role: a.role,
        disabled: false,
        ...(samePassword ? {} : { password: a.password }),
      });
    }
  }
  return demo;
}
