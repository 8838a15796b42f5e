// Remote-access clients (issue 14): SSL-VPN client certificates (list, create, rename, delete),
// the client bundle (private key inside: operators only, audited like a reveal, no-store), the
// clients connected to a gateway, and an IPsec server's client profile (PSK masked; the file
// with the key is a reveal too). Roles: auth/policy.ts.
import type { PskKeys } from '../secret-view';
import {
  ipsecProfileFormats,
  sslVpnBundleFormats,
  type IpsecClientProfile,
} from '@vpn-console/shared/api/remote-access';
import {
  ipsecClientSettings,
  nativeClientSettingsText,
  swanctlClientConf,
} from '@vpn-console/shared/ipsec-server/client-profile';
import { createSslVpnClientCertResponseSchema } from '@vpn-console/shared/responses/ssl-vpn-client-cert';
import { requestIdResponseSchema } from '@vpn-console/shared/responses/common';
import {
  bundleFileName,
  inlineOpenVpnConfig,
} from '@vpn-console/shared/ssl-vpn-client-cert/bundle';
import {
  createSslVpnClientCertSchema,
  renameSslVpnClientCertSchema,
} from '@vpn-console/shared/ssl-vpn-client-cert/schema';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { CloudError } from '../../cloud/errors';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { HttpError } from '../../http/errors';
import { parseOr400 } from '../../http/validate';
import type { Runtime } from '../../runtime';
import { auditReveal } from '../audit/request-audit';
import { presentIpsecServer } from '../ipsec-servers/present';
import { getIpsecServerRaw } from '../ipsec-servers/service';
import { idParam, regionParam } from '../params';
import { getSslVpnServerRaw } from '../ssl-vpn-servers/service';
import { submitWrite } from '../write';
import { presentClient, presentClientCert } from './present';
import {
  getClientCertDetail,
  getClientCertRaw,
  listClientCertsRaw,
  listClientsRaw,
  withServerAddress,
} from './service';

const KIND = 'ssl-vpn-client-cert' as const;

const formatOf = <const F extends readonly [string, ...string[]]>(req: Request, formats: F) =>
  parseOr400(z.object({ format: z.enum(formats).default(formats[0]) }), req.query).format;

/** A file that carries a secret: never cached, never sniffed, always saved rather than shown. */
const sendSecretFile = (res: Response, fileName: string, type: string, text: string) => {
  res.set({
    'Cache-Control': 'no-store',
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(text);
};

const failureCode = (error: unknown) =>
  error instanceof HttpError || error instanceof CloudError ? error.code : undefined;

export const remoteAccessRouter = (runtime: Runtime, keys: PskKeys): Router => {
  const router = apiRouter();
  const { cloud } = runtime;
  const now = () => Date.now();

  /** The certificate and the gateway whose write lane its changes take. */
  const certWithGateway = async (regionId: string, id: string) => {
    const cert = await getClientCertRaw(cloud, regionId, id);
    const server = await getSslVpnServerRaw(cloud, regionId, cert.SslVpnServerId ?? '');
    return { cert, vpnGatewayId: server.VpnGatewayId ?? '' };
  };

  mount(router, 'listSslVpnClientCerts', async (req, res) => {
    const regionId = regionParam(req);
    const serverId = idParam.sslVpnServer(req);
    await getSslVpnServerRaw(cloud, regionId, serverId);
    const certs = await listClientCertsRaw(cloud, regionId, { sslVpnServerId: serverId });
    const at = now();
    res.json({
      items: certs.map((c) => presentClientCert(c, regionId, at)),
      totalCount: certs.length,
    });
  });

  mount(router, 'createSslVpnClientCert', async (req, res) => {
    const regionId = regionParam(req);
    const serverId = idParam.sslVpnServer(req);
    const value = parseOr400(createSslVpnClientCertSchema, req.body ?? {});
    const server = await getSslVpnServerRaw(cloud, regionId, serverId);
    await submitWrite(runtime, req, res, {
      action: 'create',
      resourceKind: KIND,
      regionId,
      vpnGatewayId: server.VpnGatewayId ?? '',
      value: { sslVpnServerId: serverId, ...value },
      rpc: (clientToken) => ({
        action: 'CreateSslVpnClientCert',
        params: {
          RegionId: regionId,
          SslVpnServerId: serverId,
          Name: value.name,
          ClientToken: clientToken,
        },
      }),
      responseSchema: createSslVpnClientCertResponseSchema,
      resourceIdOf: (created) => created.SslVpnClientCertId,
      readBack: async () => {
        const certs = await listClientCertsRaw(cloud, regionId, { sslVpnServerId: serverId });
        const found = certs.find((c) => c.Name === value.name);
        return found ? { landed: true, resourceId: found.SslVpnClientCertId } : { landed: false };
      },
    });
  });

  mount(router, 'renameSslVpnClientCert', async (req, res) => {
    const regionId = regionParam(req);
    const id = idParam.sslVpnClientCert(req);
    const value = parseOr400(renameSslVpnClientCertSchema, req.body ?? {});
    const { cert, vpnGatewayId } = await certWithGateway(regionId, id);
    await submitWrite(runtime, req, res, {
      action: 'change',
      resourceKind: KIND,
      regionId,
      vpnGatewayId,
      resourceId: id,
      value,
      audit: { before: { name: cert.Name ?? '' }, requested: value },
      rpc: (clientToken) => ({
        action: 'ModifySslVpnClientCert',
        params: {
          RegionId: regionId,
          SslVpnClientCertId: id,
          Name: value.name,
          ClientToken: clientToken,
        },
      }),
      responseSchema: requestIdResponseSchema,
    });
  });

  mount(router, 'deleteSslVpnClientCert', async (req, res) => {
    const regionId = regionParam(req);
    const id = idParam.sslVpnClientCert(req);
    const { cert, vpnGatewayId } = await certWithGateway(regionId, id);
    await submitWrite(runtime, req, res, {
      action: 'delete',
      resourceKind: KIND,
      regionId,
      vpnGatewayId,
      resourceId: id,
      value: { id },
      audit: { before: presentClientCert(cert, regionId, now()) },
      rpc: (clientToken) => ({
        action: 'DeleteSslVpnClientCert',
        params: { RegionId: regionId, SslVpnClientCertId: id, ClientToken: clientToken },
      }),
      responseSchema: requestIdResponseSchema,
      readBack: async () => {
        const certs = await listClientCertsRaw(cloud, regionId, { sslVpnClientCertId: id });
        return { landed: !certs.some((c) => c.SslVpnClientCertId === id) };
      },
    });
  });

  // The bundle holds the client's private key: the reveal is recorded before the key is read
  // (no record, no key), a failed read adds a failure record; the file is never cached or logged.
  mount(router, 'downloadSslVpnClientBundle', async (req, res) => {
    const regionId = regionParam(req);
    const id = idParam.sslVpnClientCert(req);
    formatOf(req, sslVpnBundleFormats);
    const { cert, vpnGatewayId } = await certWithGateway(regionId, id);
    const target = { regionId, vpnGatewayId, resourceType: KIND, resourceId: id };
    const action = 'downloadSslVpnClientBundle';
    await auditReveal(req, target, 'success', undefined, action);
    let detail;
    try {
      detail = await getClientCertDetail(cloud, regionId, id);
    } catch (error) {
      await auditReveal(req, target, 'failure', failureCode(error), action);
      throw error;
    }
    sendSecretFile(
      res,
      bundleFileName(id, cert.Name),
      'application/x-openvpn-profile',
      inlineOpenVpnConfig(detail),
    );
  });

  mount(router, 'listSslVpnClients', async (req, res) => {
    const regionId = regionParam(req);
    const vpnGatewayId = idParam.vpnGateway(req);
    const [clients, certs] = await Promise.all([
      listClientsRaw(cloud, regionId, vpnGatewayId),
      listClientCertsRaw(cloud, regionId, {}),
    ]);
    const names = new Map(certs.map((c) => [c.SslVpnClientCertId, c.Name ?? '']));
    res.json({ items: clients.map((c) => presentClient(c, names)), totalCount: clients.length });
  });

  const ipsecView = async (regionId: string, id: string) => {
    const raw = await getIpsecServerRaw(cloud, regionId, id);
    return {
      raw,
      view: await withServerAddress(cloud, regionId, presentIpsecServer(raw, regionId, keys)),
    };
  };

  mount(router, 'getIpsecClientProfile', async (req, res) => {
    const regionId = regionParam(req);
    const { view } = await ipsecView(regionId, idParam.ipsecServer(req));
    const profile: IpsecClientProfile = {
      ipsecServerId: view.id,
      vpnGatewayId: view.vpnGatewayId,
      settings: ipsecClientSettings(view),
      ...(view.psk === undefined ? {} : { psk: view.psk }),
      swanctlConf: swanctlClientConf(view, undefined),
    };
    res.json(profile);
  });

  mount(router, 'downloadIpsecClientProfile', async (req, res) => {
    const regionId = regionParam(req);
    const id = idParam.ipsecServer(req);
    const format = formatOf(req, ipsecProfileFormats);
    const target = { regionId, resourceType: 'ipsec-server', resourceId: id };
    const action = 'downloadIpsecClientProfile';
    let found;
    try {
      found = await ipsecView(regionId, id);
    } catch (error) {
      await auditReveal(req, target, 'failure', failureCode(error), action);
      throw error;
    }
    const { raw, view } = found;
    // Recorded (awaited) before the key leaves: no record, no key.
    await auditReveal(
      req,
      { ...target, vpnGatewayId: view.vpnGatewayId },
      'success',
      undefined,
      action,
    );
    const psk = raw.Psk ?? '';
    if (format === 'swanctl') {
      sendSecretFile(res, `${id}.swanctl.conf`, 'text/plain', swanctlClientConf(view, psk));
    } else {
      sendSecretFile(
        res,
        `${id}.ikev2-settings.txt`,
        'text/plain',
        nativeClientSettingsText(view, psk),
      );
    }
  });

  return router;
};
