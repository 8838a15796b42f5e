import { auditPageSchema, type AuditCategory } from '@vpn-console/shared/api/audit';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export interface AuditFilter {
  vpnGatewayId?: string | undefined;
  username?: string | undefined;
  category?: AuditCategory | undefined;
}

const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => ['audit', 'list', filter] as const,
};

const listAudit = (filter: AuditFilter, cursor: number | undefined) =>
  apiRequest(auditPageSchema, pathTo(route.listAudit), {
    query: { ...filter, limit: 50, cursor },
  });

const auditQueryOptions = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => listAudit(filter, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useAudit = (filter: AuditFilter) => useInfiniteQuery(auditQueryOptions(filter));
