// Table types of the store (one schema for PGlite and PostgreSQL; see migrations.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date, Date>;
type Json = ColumnType<unknown, string, string>;

interface AccountsTable {
  id: string;
  username: string;
  /** lower(username), unique: names differ by more than case (migration 0005). */
  username_key: string;
  password_hash: string;
  role: string;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

interface SessionsTable {
  /** SHA-256 (hex) of the opaque session id; the id itself is never stored. */
  id_hash: string;
  account_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  category: string;
  action: string;
  outcome: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  region_id: string | null;
  gateway_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  /** The operation a `config` intent belongs to (issue 10); null for other entries. */
  operation_id: ColumnType<string | null, string | null | undefined, string | null>;
  detail: Json;
}

interface ServerSecretsTable {
  name: string;
  /** base64url of random bytes. */
  secret: string;
  created_at: Timestamp;
}

interface LeasesTable {
  name: string;
  /** The replica (its instance id) that holds the lease until `expires_at`. */
  holder: string;
  expires_at: Timestamp;
  acquired_at: Timestamp;
}

interface OperationsTable {
  id: string;
  /** Submission order: FIFO per lane across replicas. */
  seq: Generated<string | number>;
  /** The write lane: `<region>/<gateway>` or `<region>/<kind>`. */
  lane_key: string;
  state: string;
  idempotency_key: string | null;
  fingerprint: string | null;
  origin_stream_id: string | null;
  /** The operation as the API shows it (queue position aside). */
  operation: Json;
  /** What a replica needs to resend the write (action, params with the ClientToken). */
  job: ColumnType<unknown, string | null, string | null>;
  /** The replica running the operation, while its heartbeat (`owner_expires_at`) is fresh. */
  owner: string | null;
  owner_expires_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface GatewayStatusTable {
  /** `<region>/<gateway>`. */
  key: string;
  /** The GatewayStatusEntry its poller published last. */
  status: Json;
  updated_at: Timestamp;
}

/** The value in force per subject and lane (issue 15); `key` = region|kind|subject|lane. */
export interface HistoryCurrentTable {
  key: string;
  region_id: string;
  gateway_id: string;
  gateway_name: string;
  kind: string;
  subject_id: string;
  connection_id: string | null;
  name: string;
  tunnel_index: number | null;
  lane: string;
  value: string;
  /** First seen with this value. */
  since: Timestamp;
  /** Last seen at all. */
  seen_at: Timestamp;
}

export interface HistoryChangesTable {
  id: Generated<string>;
  region_id: string;
  gateway_id: string;
  kind: string;
  subject_id: string;
  connection_id: string | null;
  lane: string;
  value: string;
  at: Timestamp;
}

interface HistoryLogsTable {
  id: Generated<string>;
  region_id: string;
  connection_id: string;
  /** '' for a single-tunnel connection. */
  tunnel_id: string;
  at: Timestamp;
  line: string;
}

interface HistoryLogCursorsTable {
  /** region|connection|tunnel. */
  key: string;
  /** The end of the last window read (the next one starts here). */
  fetched_to: Timestamp;
}

interface LoginFailuresTable {
  /** `user:<name>` or `ip:<address>`. */
  key: string;
  count: number;
  /** Epoch milliseconds (the back-off's clock). */
  last_at: ColumnType<string | number, number, number>;
  until: ColumnType<string | number, number, number>;
}

interface StreamSlotsTable {
  /** The stream's id. */
  id: string;
  /** The replica serving it; renews `expires_at` every heartbeat. */
  holder: string;
  /** The session hash that opened it (per-session cap). */
  session: string | null;
  /** The account that opened it (per-account cap). */
  account: string | null;
  expires_at: Timestamp;
}

interface CallBudgetTable {
  /** One bucket per cloud account (one account per deployment). */
  key: string;
  /** The bucket's BucketState (cloud/budget.ts). */
  state: Json;
}

export interface Database {
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  server_secrets: ServerSecretsTable;
  leases: LeasesTable;
  operations: OperationsTable;
  gateway_status: GatewayStatusTable;
  history_current: HistoryCurrentTable;
  history_changes: HistoryChangesTable;
  history_logs: HistoryLogsTable;
  history_log_cursors: HistoryLogCursorsTable;
  login_failures: LoginFailuresTable;
  stream_slots: StreamSlotsTable;
  call_budget: CallBudgetTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type OperationRow = Selectable<OperationsTable>;
