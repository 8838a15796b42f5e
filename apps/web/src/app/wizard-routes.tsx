// Wizard routes: compose the gateways feature (the gateway and its resources) with a wizard, and
// land on the gateway page when the operation is done (each write refreshes what it changed).
import { Alert, Loader } from '@mantine/core';
import type { VpnGatewayDetailView } from '@vpn-console/shared/api/views';
import { useCallback, type ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
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

function WithGateway({ render }: { render: (ctx: WizardContext) => ReactNode }) {
  const { t } = useI18n();
  const { regionId = '', gatewayId = '', resourceId } = useParams();
  const { canWrite } = useCapabilities();
  const navigate = useNavigate();
  const gateway = useGateway(regionId, gatewayId);
  const back = `/regions/${regionId}/gateways/${gatewayId}`;
  const done = useCallback(() => {
    void navigate(back);
  }, [navigate, back]);
  const cancel = useCallback(() => {
    void navigate(back);
  }, [navigate, back]);
  if (!canWrite) return <Alert color="yellow">{t('wizard.viewerNoAccess')}</Alert>;
  if (gateway.isPending) return <Loader aria-label={t('common.loading')} />;
  if (gateway.data === undefined) return <Alert color="red">{t('wizard.loadFailed')}</Alert>;
  return render({ detail: gateway.data, resourceId, done, cancel });
}

export function IpsecServerWizardRoute() {
  return (
    <WithGateway
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
      render={({ detail, resourceId, done, cancel }) => {
        const existing = detail.vpnConnections.find((c) => c.id === resourceId);
        if (resourceId !== undefined && existing === undefined) return <Navigate to=".." replace />;
        // A dual-tunnel gateway takes only dual-tunnel connections (issue 12); the others keep
        // the single-tunnel wizard unchanged.
        const Chosen = detail.dualTunnel ? DualTunnelWizard : VpnConnectionWizard;
        return (
          <Chosen
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

export function SslVpnServerWizardRoute() {
  return (
    <WithGateway
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
