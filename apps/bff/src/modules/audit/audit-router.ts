// GET /api/v1/audit: filter by gateway, user, category and time; newest first, paged.
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { auditQuerySchema } from '@vpn-console/shared/api/audit';
import { sendError, zodIssues } from '../../auth/http';
import { principalOf } from '../../auth/principal';
import type { AuditLog } from './audit-log';

export function auditRouter(deps: { readonly audit: AuditLog }): Router {
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
    res.json(await deps.audit.query(parsed.data, principal.role));
  });
  return router;
}
