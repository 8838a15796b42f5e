// Wizard routes: compose the gateways feature (the gateway and its resources) with a wizard, and
// land on the gateway page's tab of the resource when the operation is done (each write refreshes
// what it changed). A wizard the gateway cannot take (issue 17: locked, SSL-VPN off, a version
// without IPsec server, its one server there) does not start: the reason shows instead.
import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import type { VpnGatewayDetailView } from '@vpn-console/shared/api/views';
import { gatewayActionBlock, type GatewayAction } from '@vpn-console/shared/common/gateway-actions';
import { gatewayActionBlockText } from '@vpn-console/shared/errors/gateway-action-texts';
import { useCallback, type ReactNode } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useGateway } from '../features/gateways/api/get-gateway';
import { IpsecServerWizard } from '../features/ipsec-server/components/ipsec-server-wizard';
import { SslVpnServerWizard } from '../features/ssl-vpn-server/components/ssl-vpn-server-wizard';
import { DualTunnelWizard } from '../features/vpn-connection/components/dual-tunnel-wizard';
import { VpnConnectionWizard } from '../features/vpn-connection/components/vpn-connection-wizard';
import { useI18n } from '../lib/i18n';
import { useCapabilities } from '../lib/session';

interface WizardContext {
  detail: VpnGatewayDetailView;
  resourceId: string | undefined;
  done: () => void;
  cancel: () => void;
}

type GatewayTab = 'ipsec-server' | 'ssl-vpn' | 'connections';

/** Why a wizard does not start, and the way back to the gateway's tab. */
function CannotStart({ back, title, text }: { back: string; title?: string; text: string }) {
  const { t } = useI18n();
  return (
    <Alert color="yellow" role="alert" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        <Anchor component={Link} to={back}>
          {t('wizard.backToGateway')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

function WithGateway({
  tab,
  createAction,
  render,
}: {
  /** The gateway page's tab that shows this resource. */
  tab: GatewayTab;
  createAction: GatewayAction;
  render: (ctx: WizardContext) => ReactNode;
}) {
  const { t, catalogLocale } = useI18n();
  const { regionId = '', gatewayId = '', resourceId } = useParams();
  const { canWrite } = useCapabilities();
  const navigate = useNavigate();
  const gateway = useGateway(regionId, gatewayId);
  const back = `/regions/${regionId}/gateways/${gatewayId}?tab=${tab}`;
  const done = useCallback(() => {
    void navigate(back);
  }, [navigate, back]);
  const cancel = useCallback(() => {
    void navigate(back);
  }, [navigate, back]);
  // A viewer who follows a wizard's link (or types it) learns why and has the way back, as on a
  // gateway that cannot take the action (it only said why, with nowhere to go).
  if (!canWrite) return <CannotStart back={back} text={t('wizard.viewerNoAccess')} />;
  if (gateway.isPending) return <Loader aria-label={t('common.loading')} />;
  if (gateway.data === undefined) return <Alert color="red">{t('wizard.loadFailed')}</Alert>;
  const detail = gateway.data;
  const block = gatewayActionBlock(
    detail,
    {
      ipsecServers: detail.ipsecServer === null ? 0 : 1,
      sslVpnServers: detail.sslVpnServers.length,
    },
    resourceId === undefined ? createAction : 'change',
  );
  if (block !== undefined) {
    return (
      <CannotStart
        back={back}
        title={t('wizard.cannotStart')}
        text={gatewayActionBlockText(block, catalogLocale)}
      />
    );
  }
  return render({ detail, resourceId, done, cancel });
}

export function IpsecServerWizardRoute() {
  return (
    <WithGateway
      tab="ipsec-server"
      createAction="createIpsecServer"
      render={({ detail, resourceId, done, cancel }) => {
        const existing = resourceId === undefined ? undefined : (detail.ipsecServer ?? undefined);
        if (resourceId !== undefined && existing?.id !== resourceId)
          return <Navigate to=".." replace />;
        return (
          <IpsecServerWizard
            gateway={detail}
            {...(existing === undefined ? {} : { existing })}
            onSucceeded={done}
            onCancel={cancel}
          />
        );
      }}
    />
  );
}

export function VpnConnectionWizardRoute() {
  return (
    <WithGateway
      tab="connections"
      createAction="createVpnConnection"
      render={({ detail, resourceId, done, cancel }) => {
        const existing = detail.vpnConnections.find((c) => c.id === resourceId);
        if (resourceId !== undefined && existing === undefined) return <Navigate to=".." replace />;
        // A dual-tunnel gateway takes only dual-tunnel connections (issue 12); the others keep
        // the single-tunnel wizard unchanged.
        const Chosen = detail.dualTunnel ? DualTunnelWizard : VpnConnectionWizard;
        return (
          <Chosen
            gateway={detail}
            connections={detail.vpnConnections}
            {...(existing === undefined ? {} : { existing })}
            onSucceeded={done}
            onCancel={cancel}
          />
        );
      }}
    />
  );
}

export function SslVpnServerWizardRoute() {
  return (
    <WithGateway
      tab="ssl-vpn"
      createAction="createSslVpnServer"
      render={({ detail, resourceId, done, cancel }) => {
        const existing = detail.sslVpnServers.find((c) => c.id === resourceId);
        if (resourceId !== undefined && existing === undefined) return <Navigate to=".." replace />;
        return (
          <SslVpnServerWizard
            gateway={detail}
            {...(existing === undefined ? {} : { existing })}
            onSucceeded={done}
            onCancel={cancel}
          />
        );
      }}
    />
  );
}
