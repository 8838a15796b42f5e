// The one set of migrations, run on start on PGlite and on PostgreSQL alike. Append only: a
// released migration is never edited; a change is a new numbered entry.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001-accounts-sessions-audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`role in ('viewer', 'operator', 'admin')`),
        )
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) =>
          c.notNull().references('accounts.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sessions_account_id')
        .on('sessions')
        .column('account_id')
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('actor_role', 'text')
        .addColumn('region_id', 'text')
        .addColumn('gateway_id', 'text')
        .addColumn('resource_type', 'text')
        .addColumn('resource_id', 'text')
        .addColumn('request_id', 'text')
        .addColumn('client_ip', 'text')
        .addColumn('detail', 'jsonb', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema
        .createIndex('audit_log_gateway_at')
        .on('audit_log')
        .columns(['gateway_id', 'at'])
        .execute();
      await db.schema
        .createIndex('audit_log_actor_at')
        .on('audit_log')
        .columns(['actor_name', 'at'])
        .execute();
    },
  },
  // Issue 10: the intent of a write is stored before the cloud call (outcome `pending`) and
  // completed with the outcome after; `operation_id` lets any process complete it later.
  '0002-audit-intents': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_log').addColumn('operation_id', 'text').execute();
      await db.schema
        .createIndex('audit_log_operation_id')
        .on('audit_log')
        .column('operation_id')
        .execute();
    },
  },
  // Issue 10: secrets the server makes for itself on first start (the PSK fingerprint key), kept
  // in the store so every replica shares them and a new store means new ones.
  '0003-server-secrets': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('server_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  // Issue 16: leases (one holder per name across replicas: a gateway's poller, a deployment's
  // recorder) and durable operations (any replica answers, settles or resumes them).
  '0004-leases-operations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('acquired_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('operations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
        .addColumn('lane_key', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .addColumn('fingerprint', 'text')
        .addColumn('origin_stream_id', 'text')
        .addColumn('operation', 'jsonb', (c) => c.notNull())
        .addColumn('job', 'jsonb')
        .addColumn('owner', 'text')
        .addColumn('owner_expires_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('operations_open_lane')
        .on('operations')
        .columns(['lane_key', 'seq'])
        .where(sql<boolean>`state not in ('succeeded', 'failed')`)
        .execute();
      await db.schema
        .createIndex('operations_created_at')
        .on('operations')
        .column('created_at')
        .execute();
    },
  },
  // Issue 17: user names are unique whatever their case (`OPERATOR` is `operator`), and the
  // last successful login is kept. `username_key` is the lower-case name; a store that already
  // holds names differing only in case keeps every account and its login (the oldest gets the
  // plain key, a later one its key suffixed with its id), so the migration never fails or locks
  // anyone out; only new names are held to the rule.
  '0005-account-name-key-last-login': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('accounts')
        .addColumn('username_key', 'text')
        .addColumn('last_login_at', 'timestamptz')
        .execute();
      await sql`update accounts set username_key = lower(username)`.execute(db);
      await sql`update accounts a set username_key = lower(a.username) || ' ' || a.id
        where exists (select 1 from accounts b
          where lower(b.username) = lower(a.username)
            and (b.created_at < a.created_at or (b.created_at = a.created_at and b.id < a.id)))`.execute(
        db,
      );
      await db.schema
        .alterTable('accounts')
        .alterColumn('username_key', (c) => c.setNotNull())
        .execute();
      await db.schema
        .createIndex('accounts_name_key_unique')
        .unique()
        .on('accounts')
        .column('username_key')
        .execute();
    },
  },
  // Issue 16: the last state the poller of a gateway published (other replicas read it when a
  // NOTIFY names the gateway, or when their first stream starts watching it).
  '0005-gateway-status': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('gateway_status')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('status', 'jsonb', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  // Issue 15: the status history (changes only, with the time first seen), the value in force
  // per subject and lane (change detection across restarts, the health overview), the negotiation
  // log lines kept past the cloud's 10 minutes and where each connection's log was read up to.
  '0006-history': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('history_current')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('region_id', 'text', (c) => c.notNull())
        .addColumn('gateway_id', 'text', (c) => c.notNull())
        .addColumn('gateway_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('connection_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('tunnel_index', 'integer')
        .addColumn('lane', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('since', 'timestamptz', (c) => c.notNull())
        .addColumn('seen_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('history_current_region')
        .on('history_current')
        .column('region_id')
        .execute();
      await db.schema
        .createTable('history_changes')
        .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('region_id', 'text', (c) => c.notNull())
        .addColumn('gateway_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('connection_id', 'text')
        .addColumn('lane', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('history_changes_gateway_at')
        .on('history_changes')
        .columns(['gateway_id', 'at'])
        .execute();
      await db.schema
        .createIndex('history_changes_at')
        .on('history_changes')
        .column('at')
        .execute();
      await db.schema
        .createTable('history_logs')
        .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('region_id', 'text', (c) => c.notNull())
        .addColumn('connection_id', 'text', (c) => c.notNull())
        .addColumn('tunnel_id', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('line', 'text', (c) => c.notNull())
        .addUniqueConstraint('history_logs_line', ['connection_id', 'tunnel_id', 'line'])
        .execute();
      await db.schema
        .createIndex('history_logs_connection_at')
        .on('history_logs')
        .columns(['connection_id', 'at'])
        .execute();
      await db.schema
        .createTable('history_log_cursors')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('fetched_to', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  // Issue 16: failed-login back-off shared by every replica (was per process).
  '0007-login-failures': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_failures')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('last_at', 'bigint', (c) => c.notNull())
        .addColumn('until', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  // Issue 16: one row per open event stream, so the stream caps count every replica's streams;
  // its replica renews `expires_at`, a dead replica's rows expire.
  '0008-stream-slots': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stream_slots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('session', 'text')
        .addColumn('account', 'text')
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('stream_slots_holder')
        .on('stream_slots')
        .column('holder')
        .execute();
    },
  },
  // Issue 15: a lane's changes in time order straight from an index, so the history route's
  // per-lane sums (window over each lane) and its "down since" walk need no sort of the rows.
  '0009-history-lane-index': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('history_changes_lane_at')
        .on('history_changes')
        .columns(['gateway_id', 'kind', 'subject_id', 'lane', 'at', 'id'])
        .execute();
    },
  },
  // Issue 16: the account's budget of upstream calls, one token bucket for every replica.
  '0010-call-budget': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('call_budget')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('state', 'jsonb', (c) => c.notNull())
        .execute();
    },
  },
  // Issue 16: a stream's admission in one round trip (it was six: begin, lock, delete, count,
  // insert, commit; 1,000 streams took 12 s more to connect). The function takes the advisory
  // lock for its statement's transaction; each statement in it sees what the previous holder
  // committed. Answers 'admitted', or the cap that refused: 'deployment', 'session', 'account'.
  '0011-stream-slot-admission': {
    async up(db: Kysely<unknown>) {
      await sql`
        create function stream_slot_admit(
          p_id text, p_holder text, p_session text, p_account text,
          p_now timestamptz, p_expires_at timestamptz,
          p_max integer, p_max_session integer, p_max_account integer
        ) returns text language plpgsql volatile as $$
        declare
          n_all bigint;
          n_session bigint;
          n_account bigint;
        begin
          perform pg_advisory_xact_lock(160016);
          delete from stream_slots where expires_at <= p_now;
          select count(*),
              count(*) filter (where session = p_session),
              count(*) filter (where account = p_account)
            into n_all, n_session, n_account
            from stream_slots;
          if n_all >= p_max then return 'deployment'; end if;
          if p_session is not null and n_session >= p_max_session then return 'session'; end if;
          if p_account is not null and n_account >= p_max_account then return 'account'; end if;
          insert into stream_slots (id, holder, session, account, expires_at)
            values (p_id, p_holder, p_session, p_account, p_expires_at);
          return 'admitted';
        end
        $$`.execute(db);
    },
  },
};

/** Migrations from code (not files on disk), so the tsup bundle carries them. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export const migrationNames: readonly string[] = Object.keys(migrations);
