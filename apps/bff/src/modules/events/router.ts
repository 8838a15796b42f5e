// GET /api/v1/events: one SSE stream per tab; PUT /api/v1/events/:streamId/watch changes what
// it watches.
import { watchRequestSchema, type GatewayRef } from '@vpn-console/shared/api/events';
import type { Request, Response, Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { z } from 'zod';
import { HttpError, validationFailed } from '../../http/errors';
import { parseOr400 } from '../../http/validate';
import type { Runtime } from '../../runtime';
import type { WindowLimits } from '../../auth/store-limits';
import { principalOf } from '../../auth/principal';
import { parseGatewayList, StreamCapError, TooManyStreamsError } from '../../status/hub';
import { WatchAdmission, WatchBudgetError } from './watch-admission';

const querySchema = z.object({ gateways: z.string().max(8000).optional() });

/** Who owns a stream (the security layer sets `res.locals.sessionId`). */
const ownerOf = (locals: Record<string, unknown>): string | undefined =>
  typeof locals.sessionId === 'string' ? locals.sessionId : undefined;

/** `windows`: the security layer's limits in the store (the watch budget, for every replica). */
export const eventsRouter = (runtime: Runtime, windows: WindowLimits): Router => {
  const router = apiRouter();
  const admission = new WatchAdmission({
    // The shared region lists (one listing serves the list pages and the watch checks); a region
    // the cloud refuses for good has no gateways, a transient failure is left to the caller.
    listGatewayIds: async (regionId) =>
      (await runtime.gatewayLists.region(regionId)).items.map((g) => g.id),
    isPolled: (ref) => runtime.hub.isPolled(ref),
    callsPerMinute: runtime.config.status.watchCallsPerMinute,
    windows,
  });
  /** Only existing gateways, within the account's budget of cloud calls (429 past it). */
  const admitted = async (req: Request, res: Response, refs: readonly GatewayRef[]) => {
    try {
      return await admission.admit(principalOf(req)?.accountId ?? 'anonymous', refs);
    } catch (error) {
      if (error instanceof WatchBudgetError) {
        res.set('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
      }
      throw error;
    }
  };

  mount(router, 'events', async (req, res) => {
    const query = parseOr400(querySchema, req.query);
    let refs: GatewayRef[] = [];
    if (query.gateways !== undefined) {
      const parsed = parseGatewayList(query.gateways);
      if (!parsed) {
        throw validationFailed([{ path: 'gateways', code: 'INVALID_FORMAT' }]);
      }
      refs = parsed;
    }
    if (refs.length > 200)
      throw validationFailed([{ path: 'gateways', code: 'TOO_BIG', params: { max: 200 } }]);
    refs = await admitted(req, res, refs);
    req.socket.setNoDelay(true);
    // Streams live long: no request timeout on this socket.
    req.setTimeout(0);
    try {
      await runtime.hub.open(res, ownerOf(res.locals), refs, principalOf(req)?.accountId);
    } catch (error) {
      if (error instanceof StreamCapError) {
        // The caller's own cap: close a tab (or wait for one to close) and retry.
        res.set('Retry-After', '30');
        throw new HttpError(
          429,
          'TooManyStreams',
          `Too many open event streams for this ${error.scope}.`,
        );
      }
      if (error instanceof TooManyStreamsError) {
        throw new HttpError(503, 'TooManyStreams', 'Too many open event streams.');
      }
      throw error;
    }
  });

  mount(router, 'watch', async (req, res) => {
    const streamId = parseOr400(z.uuid(), req.params.streamId, 'streamId');
    const body = parseOr400(watchRequestSchema, req.body);
    // Only the session that opened a stream may change it; anyone else is told it does not exist.
    if (!runtime.hub.ownsStream(streamId, ownerOf(res.locals))) {
      throw new HttpError(404, 'NotFound', 'No such event stream.');
    }
    const refs = await admitted(req, res, body.gateways);
    const found = await runtime.hub.watch(streamId, refs, {
      owner: ownerOf(res.locals),
    });
    if (!found) throw new HttpError(404, 'NotFound', 'No such event stream.');
    res.status(204).end();
  });

  return router;
};
