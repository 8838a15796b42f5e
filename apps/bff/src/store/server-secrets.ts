// Secrets the server makes for itself: 32 random bytes per name, made on first start and kept
// in the store (shared by every replica on the same store, new with a new store).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export type ServerSecretName = 'psk-fingerprint' | 'operation-jobs';

/** The secret `name`, made now if the store has none (replicas starting at once agree). */
export async function serverSecret(db: Kysely<Database>, name: ServerSecretName): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({ name, secret: randomBytes(32).toString('base64url'), created_at: new Date() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.secret, 'base64url');
}
