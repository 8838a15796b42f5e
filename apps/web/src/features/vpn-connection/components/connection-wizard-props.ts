// What both connection wizards (single- and dual-tunnel) are given.
import type { VpnConnectionView, VpnGatewayView } from '@vpn-console/shared/api/views';

export interface ConnectionWizardProps {
  gateway: VpnGatewayView;
  /** The gateway's connections (whose BGP tunnel CIDRs a new tunnel cannot take). */
  connections?: readonly VpnConnectionView[];
  /** The connection an edit starts from (none: a create). */
  existing?: VpnConnectionView;
  onSucceeded: () => void;
  onCancel: () => void;
}
