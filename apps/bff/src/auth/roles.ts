// Roles and what each may do. The order matters: each role may do everything the one before may.
import type { Role } from '@vpn-console/shared/api/session';

const roleRank: Readonly<Record<Role, number>> = { viewer: 1, operator: 2, admin: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return roleRank[role] >= roleRank[needed];
}
