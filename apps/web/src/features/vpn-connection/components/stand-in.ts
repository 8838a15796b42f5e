// The dry run of a connection whose customer gateway the wizard creates inline (issue 17 item 5):
// the customer gateway is created last, so the cloud checks the connection first with an existing
// customer gateway of the region standing in for the new one.
import type { DryRunVerdict } from '@vpn-console/shared/api/operations';
import type { CustomerGatewayView } from '@vpn-console/shared/api/views';
import type { QueryClient } from '@tanstack/react-query';
import type { MessageKey } from '../../../lib/messages';
import { vpnConnectionKeys } from '../api/keys';

/**
 * The connection of this VPN gateway that already uses a customer gateway (itself or through one
 * of its tunnels), other than `exceptConnectionId` (the one being edited): the cloud allows one
 * connection per VPN gateway and customer gateway (InvalidVpnConnection.AlreadyExists).
 */
export const usedOnGateway = (
  cgw: CustomerGatewayView,
  vpnGatewayId: string,
  exceptConnectionId?: string,
): CustomerGatewayView['usedBy'][number] | undefined =>
  cgw.usedBy.find(
    (u) => u.vpnGatewayId === vpnGatewayId && u.vpnConnectionId !== exceptConnectionId,
  );

/**
 * A customer gateway of the region that no connection of this gateway uses (so the cloud cannot
 * refuse the pair as existing already), with an ASN exactly when the new one has one; from the
 * list the picker loaded.
 */
export const standInCustomerGateway = (
  client: QueryClient,
  regionId: string,
  vpnGatewayId: string,
  withAsn: boolean,
): string | undefined =>
  client
    .getQueryData<{ items: CustomerGatewayView[] }>(vpnConnectionKeys.customerGateways(regionId))
    ?.items.find(
      (c) => (c.asn !== undefined) === withAsn && usedOnGateway(c, vpnGatewayId) === undefined,
    )?.id;

/** Refusals about the stand-in itself say nothing about the new customer gateway's connection. */
const ABOUT_THE_STAND_IN = new Set([
  'InvalidCustomerGatewayInstanceId.NotFound',
  'InvalidVpnConnection.AlreadyExists',
]);

export const standInVerdict = (verdict: DryRunVerdict): DryRunVerdict | { skipped: MessageKey } =>
  !verdict.ok && ABOUT_THE_STAND_IN.has(verdict.error?.code ?? '')
    ? { skipped: 'wizard.connectionCheckLater' }
    : verdict;
