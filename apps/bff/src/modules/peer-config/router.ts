// The peer configuration of an IPsec-VPN connection, rendered for a device (issue 13). Operators
// and admins only (auth/policy.ts); every export is audited before the file is sent, like a PSK
// reveal, and never cached.
import { peerConfigRequestSchema } from '@vpn-console/shared/api/peer-config';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import { vpnConnectionIdSchema } from '@vpn-console/shared/common/fields';
import { UnsupportedAlgorithmError } from '@vpn-console/shared/peer-config/algorithm-names';
import { PEER_DEVICE_INFO } from '@vpn-console/shared/peer-config/devices';
import { peerConfigFrom } from '@vpn-console/shared/peer-config/model';
import { renderPeerConfig } from '@vpn-console/shared/peer-config/render';
import { downloadVpnConnectionConfigResponseSchema } from '@vpn-console/shared/responses/vpn-connection-config';
import type { Router } from 'express';
import { CloudError } from '../../cloud/errors';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { HttpError, validationFailed } from '../../http/errors';
import { parseOr400 } from '../../http/validate';
import type { Runtime } from '../../runtime';
import { auditPeerConfigExport } from '../audit/request-audit';
import { regionParam } from '../params';
import { getVpnConnectionRaw } from '../vpn-connections/service';

const errorCodeOf = (error: unknown): string | undefined =>
  error instanceof HttpError || error instanceof CloudError ? error.code : undefined;

export const peerConfigRouter = (runtime: Runtime): Router => {
  const router = apiRouter();
  mount(router, 'exportPeerConfig', async (req, res) => {
    const regionId = regionParam(req);
    const id = parseOr400(vpnConnectionIdSchema, req.params.id, 'vpnConnectionId');
    const body = parseOr400(peerConfigRequestSchema, req.body ?? {});
    const target = {
      regionId,
      resourceId: id,
      device: body.device,
      tunnelId: body.tunnelId,
      revealPsk: body.revealPsk,
    };
    let content: string;
    let vpnGatewayId: string | undefined;
    try {
      const connection = await getVpnConnectionRaw(runtime.cloud, regionId, id);
      vpnGatewayId = connection.VpnGatewayId;
      const { data: download } = await runtime.cloud.call(
        'DownloadVpnConnectionConfig',
        { VpnConnectionId: id },
        { regionId, schema: downloadVpnConnectionConfigResponseSchema },
      );
      const model = peerConfigFrom({
        download,
        connection,
        regionId,
        mask: body.revealPsk ? undefined : PSK_MASK,
      });
      content = renderPeerConfig(body.device, model, body.tunnelId);
    } catch (error) {
      const refused =
        error instanceof UnsupportedAlgorithmError
          ? validationFailed([
              {
                path: 'device',
                code: 'PEER_DEVICE_ALGORITHM_UNSUPPORTED',
                params: { algorithm: error.algorithm },
              },
            ])
          : error instanceof RangeError
            ? validationFailed([
                {
                  path: 'tunnelId',
                  code: 'TUNNEL_NOT_FOUND',
                  params: { tunnelId: body.tunnelId ?? '' },
                },
              ])
            : error;
      await auditPeerConfigExport(
        req,
        { ...target, vpnGatewayId },
        'failure',
        errorCodeOf(refused),
      );
      throw refused;
    }
    await auditPeerConfigExport(req, { ...target, vpnGatewayId }, 'success');
    const info = PEER_DEVICE_INFO[body.device];
    res.set('Cache-Control', 'no-store');
    res.json({
      device: body.device,
      fileName: `${id}${body.tunnelId === undefined ? '' : `-${body.tunnelId}`}-${info.fileSuffix}`,
      mediaType: info.mediaType,
      content,
      pskRevealed: body.revealPsk,
    });
  });
  return router;
};
