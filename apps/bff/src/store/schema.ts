// Table types of the store (one schema for PGlite and PostgreSQL; see migrations.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date, Date>;
type Json = ColumnType<unknown, string, string>;

export interface AccountsTable {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the opaque session id; the id itself is never stored. */
  id_hash: string;
  account_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
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

export interface ServerSecretsTable {
  name: string;
  /** base64url of random bytes. */
  secret: string;
  created_at: Timestamp;
}

export interface Database {
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  server_secrets: ServerSecretsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
