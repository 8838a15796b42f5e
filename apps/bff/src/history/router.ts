// The history routes (issue 15; contract in packages/shared/src/history/routes.ts): a gateway's
// recorded timeline and its CSV, a connection's stored log lines and their CSV, the cloud's live
// diagnosis, and the health overview across regions. All reads: viewers may call them.
import {
  historyLaneSchema,
  type Diagnosis,
  type DiagnosisList,
  type HealthOverview,
  type HistoryResponse,
  type StoredLogList,
} from '@vpn-console/shared/history/schema';
import { regionIdSchema, vpnConnectionIdSchema } from '@vpn-console/shared/common/fields';
import { diagnoseVpnConnectionsResponseSchema } from '@vpn-console/shared/responses/vpn-connection-logs';
import type { Request, Response, Router } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { apiRouter } from '../http/api-router';
import { mount } from '../http/mount';
import { notFound } from '../http/errors';
import { parseOr400 } from '../http/validate';
import { idParam, regionParam } from '../modules/params';
import { getVpnConnectionRaw } from '../modules/vpn-connections/service';
import { describeVpnGateway } from '../modules/vpn-gateways/context';
import type { Runtime } from '../runtime';
import type { Database } from '../store/schema';
import { csvLines, toCsv } from './csv';
import { bucketWidthMs, exportGatewayChanges, readGatewayHistory, readSubjectNames } from './read';
import { readHealthOverview, readLogLines } from './store';

const DAY_MS = 86_400_000;

export interface HistoryDeps {
  db: Kysely<Database>;
  retentionDays: number;
  now?: () => number;
}

const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

/** `from`/`to` (ISO; default: the last 24 hours), `from` before `to`. */
const rangeSchema = (now: number) =>
  z
    .object({
      from: instant.optional(),
      to: instant.optional(),
    })
    .transform((q) => {
      const to = q.to ?? new Date(now);
      return { from: q.from ?? new Date(to.getTime() - DAY_MS), to };
    })
    .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['from'] });

const historyQuerySchema = (now: number) =>
  z.intersection(rangeSchema(now), z.object({ vpnConnectionId: vpnConnectionIdSchema.optional() }));

const logQuerySchema = (now: number) =>
  z.intersection(
    rangeSchema(now),
    z.object({
      tunnelId: z
        .string()
        .regex(/^tun-[a-z0-9]{1,64}$/)
        .optional(),
      limit: z
        .string()
        .regex(/^\d{1,5}$/)
        .transform(Number)
        .pipe(z.number().int().min(1).max(10_000))
        .optional(),
    }),
  );

const overviewQuerySchema = z.object({
  q: z.string().max(200).optional(),
  regionId: regionIdSchema.optional(),
  lane: historyLaneSchema.optional(),
});

const csvHeaders = (res: Response, fileName: string) => {
  res.set({
    'Cache-Control': 'no-store',
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'X-Content-Type-Options': 'nosniff',
  });
};

// A byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
const BOM = '\ufeff';

/** Resolves when the response can take more, or is closed. */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

const sendCsv = (res: Response, fileName: string, text: string) => {
  csvHeaders(res, fileName);
  res.send(`${BOM}${text}`);
};

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

export const historyRouter = (runtime: Runtime, deps: HistoryDeps): Router => {
  const router = apiRouter();
  const now = deps.now ?? Date.now;

  const mustExist = async (regionId: string, gatewayId: string, connectionId?: string) => {
    await describeVpnGateway(runtime.cloud, regionId, gatewayId);
    if (connectionId === undefined) return;
    const connection = await getVpnConnectionRaw(runtime.cloud, regionId, connectionId);
    if (connection.VpnGatewayId !== gatewayId) throw notFound('VPN connection');
  };

  /** The scope and window of a history request. */
  const historyRequest = (req: Request) => {
    const regionId = regionParam(req);
    const gatewayId = idParam.vpnGateway(req);
    const q = parseOr400(historyQuerySchema(now()), req.query);
    const query = { regionId, gatewayId, from: q.from, to: q.to, connectionId: q.vpnConnectionId };
    return { ...q, ...query, query };
  };

  mount(router, 'getGatewayHistory', async (req, res) => {
    const q = historyRequest(req);
    const found = await readGatewayHistory(deps.db, q.query);
    // Nothing recorded: a gateway (or connection) the cloud does not know is a 404; one it knows
    // that the recorder has not seen yet is an empty history. Only then is the cloud asked.
    if (found === undefined) await mustExist(q.regionId, q.gatewayId, q.vpnConnectionId);
    const body: HistoryResponse = {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      subjects: found?.subjects ?? [],
      summaries: found?.summaries ?? [],
      baseline: found?.baseline ?? [],
      changes: found?.changes ?? [],
      bucketMs: found?.bucketMs ?? bucketWidthMs(q.from.getTime(), q.to.getTime()),
      reduced: found?.reduced ?? [],
      observedAt: found?.observedAt ?? null,
      retentionDays: deps.retentionDays,
    };
    res.json(body);
  });

  // Every row, a page at a time: a month of per-minute changes is written as it is read.
  mount(router, 'exportGatewayHistory', async (req, res) => {
    const q = historyRequest(req);
    const subjects = await readSubjectNames(deps.db, q.query);
    if (subjects.size === 0) await mustExist(q.regionId, q.gatewayId, q.vpnConnectionId);
    csvHeaders(res, `history-${q.gatewayId}-${stamp(q.from)}.csv`);
    res.write(
      BOM +
        csvLines([
          [
            'at',
            'regionId',
            'vpnGatewayId',
            'kind',
            'subjectId',
            'vpnConnectionId',
            'name',
            'lane',
            'value',
          ],
        ]),
    );
    for await (const page of exportGatewayChanges(deps.db, q.query)) {
      const text = csvLines(
        page.map((c) => [
          c.at,
          c.regionId,
          c.vpnGatewayId,
          c.kind,
          c.subjectId,
          c.vpnConnectionId ?? '',
          subjects.get(`${c.kind}|${c.subjectId}`) ?? '',
          c.lane,
          c.value,
        ]),
      );
      // Wait for the socket to drain before reading the next page; stop if the client left.
      if (!res.write(text)) await drained(res);
      if (res.destroyed) return;
    }
    res.end();
  });

  const logs = async (req: Request, defaultLimit: number): Promise<StoredLogList> => {
    const regionId = regionParam(req);
    const id = idParam.vpnConnection(req);
    const q = parseOr400(logQuerySchema(now()), req.query);
    return readLogLines(deps.db, regionId, id, {
      from: q.from,
      to: q.to,
      limit: q.limit ?? defaultLimit,
      ...(q.tunnelId === undefined ? {} : { tunnelId: q.tunnelId }),
    });
  };

  mount(router, 'listVpnConnectionLogs', async (req, res) => {
    res.json(await logs(req, 1000));
  });

  mount(router, 'exportVpnConnectionLogs', async (req, res) => {
    const list = await logs(req, 10_000);
    sendCsv(
      res,
      `logs-${idParam.vpnConnection(req)}.csv`,
      toCsv(
        ['at', 'vpnConnectionId', 'tunnelId', 'line'],
        list.items.map((l) => [l.at, l.vpnConnectionId, l.tunnelId ?? '', l.line]),
      ),
    );
  });

  mount(router, 'diagnoseVpnConnection', async (req, res) => {
    const regionId = regionParam(req);
    const id = idParam.vpnConnection(req);
    const connection = await getVpnConnectionRaw(runtime.cloud, regionId, id);
    const { data } = await runtime.cloud.call(
      'DiagnoseVpnConnections',
      { VpnGatewayId: connection.VpnGatewayId, 'VpnConnectionIds.1': id, PageSize: 50 },
      { regionId, schema: diagnoseVpnConnectionsResponseSchema },
    );
    const items = (data.VpnConnections ?? [])
      .filter((d) => (d.FailedReasonCode ?? '') !== '' && d.Severity !== 'Normal')
      .map((d): Diagnosis => ({
        vpnConnectionId: d.VpnConnectionId ?? id,
        tunnelId: d.TunnelId === undefined || d.TunnelId === '' ? null : d.TunnelId,
        code: d.FailedReasonCode ?? '',
        reason: d.FailedReason ?? '',
        severity: d.Severity ?? 'Warn',
        localValue:
          d.MismatchLocalParam === undefined || d.MismatchLocalParam === ''
            ? null
            : d.MismatchLocalParam,
        remoteValue:
          d.MismatchRemoteParam === undefined || d.MismatchRemoteParam === ''
            ? null
            : d.MismatchRemoteParam,
        sourceLog: d.SourceLog === undefined || d.SourceLog === '' ? null : d.SourceLog,
        failedAt: d.FailedTime === undefined ? null : new Date(d.FailedTime).toISOString(),
      }));
    const body: DiagnosisList = { items, checkedAt: new Date(now()).toISOString() };
    res.json(body);
  });

  mount(router, 'getHealthOverview', async (req, res) => {
    const q = parseOr400(overviewQuerySchema, req.query);
    const overview: HealthOverview = await readHealthOverview(deps.db, {
      ...(q.q === undefined ? {} : { q: q.q }),
      ...(q.regionId === undefined ? {} : { regionId: q.regionId }),
      ...(q.lane === undefined ? {} : { lane: q.lane }),
    });
    res.json(overview);
  });

  return router;
};
