// GET /api/v1/audit: filter by gateway, user, category and time; newest first, paged.
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { auditQuerySchema, type AuditPage } from '@vpn-console/shared/api/audit';
import { sendError, zodIssues } from '../../auth/http';
import { principalOf } from '../../auth/principal';
import type { AuditLog } from './audit-log';

/** A gateway's name now (the region's shared, short-lived list), or undefined when unknown. */
export type GatewayNameOf = (regionId: string, vpnGatewayId: string) => Promise<string | undefined>;

/**
 * Names each entry's gateway beside its id (issue 17: the log showed ids only). A gateway that
 * is gone, or a region that cannot be listed now, leaves the id alone.
 */
const withGatewayNames = async (page: AuditPage, nameOf: GatewayNameOf): Promise<AuditPage> => {
  const keys = [
    ...new Set(
      page.items.flatMap((e) =>
        e.regionId === null || e.vpnGatewayId === null ? [] : [`${e.regionId}/${e.vpnGatewayId}`],
      ),
    ),
  ];
  const names = new Map(
    await Promise.all(
      keys.map(async (key): Promise<[string, string | undefined]> => {
        const [regionId = '', id = ''] = key.split('/');
        return [key, await nameOf(regionId, id).catch(() => undefined)];
      }),
    ),
  );
  return {
    ...page,
    items: page.items.map((e) => {
      const name = names.get(`${e.regionId ?? ''}/${e.vpnGatewayId ?? ''}`);
      return name === undefined || name === '' ? e : { ...e, vpnGatewayName: name };
    }),
  };
};

export function auditRouter(deps: {
  readonly audit: AuditLog;
  readonly gatewayName?: GatewayNameOf | undefined;
}): Router {
  const router = apiRouter();
  mount(router, 'listAudit', async (req, res) => {
    const principal = principalOf(req);
    if (principal === undefined) {
      sendError(res, 401, 'Unauthenticated');
      return;
    }
    const parsed = auditQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      sendError(res, 400, 'ValidationFailed', zodIssues(parsed.error));
      return;
    }
    res.set('Cache-Control', 'no-store');
    const page = await deps.audit.query(parsed.data, principal.role);
    res.json(
      deps.gatewayName === undefined ? page : await withGatewayNames(page, deps.gatewayName),
    );
  });
  return router;
}
