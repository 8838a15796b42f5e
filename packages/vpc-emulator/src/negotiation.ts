import type { Gateway, IkeConfig, IpsecConfig, PeerProfile } from './state';

/**
 * The emulated negotiation between the VPN gateway and the simulated peer behind a customer
 * gateway: what the wire formats report as `Status`. It knows nothing of the wire: a single-tunnel
 * connection and each tunnel of a dual-tunnel connection are one `NegotiatingSide` each.
 */
export type NegotiationStatus =
  | 'ike_sa_not_established'
  | 'ike_sa_established'
  | 'ipsec_sa_not_established'
  | 'ipsec_sa_established';

/** The settings one tunnel negotiates with, and when it (re)starts negotiating. */
export interface NegotiatingSide {
  IkeConfig: IkeConfig;
  IpsecConfig: IpsecConfig;
  Psk: string;
  /** Epoch ms when negotiation (re)starts: the end of the `updating` phase of the last change. */
  NegotiationStartsAt: number;
}

function phase1Accepted(side: NegotiatingSide, peer: PeerProfile): boolean {
  const ike = side.IkeConfig;
  return (
    peer.ikeVersions.includes(ike.IkeVersion) &&
    peer.ikeModes.includes(ike.IkeMode) &&
    peer.ikeEncAlgs.includes(ike.IkeEncAlg) &&
    peer.ikeAuthAlgs.includes(ike.IkeAuthAlg) &&
    peer.ikePfs.includes(ike.IkePfs) &&
    (peer.psk === undefined || peer.psk === side.Psk)
  );
}

function phase2Accepted(side: NegotiatingSide, peer: PeerProfile): boolean {
  const ipsec = side.IpsecConfig;
  return (
    peer.stallPhase2 !== true &&
    peer.ipsecEncAlgs.includes(ipsec.IpsecEncAlg) &&
    peer.ipsecAuthAlgs.includes(ipsec.IpsecAuthAlg) &&
    peer.ipsecPfs.includes(ipsec.IpsecPfs)
  );
}

/**
 * Negotiation status at `now`: nothing before the change has landed, phase 1 after half of
 * `negotiationMs`, the final state (what the simulated peer accepts) after `negotiationMs`.
 * No gateway, no peer or a financially locked gateway: nothing is negotiated.
 */
export function negotiationStatus(
  side: NegotiatingSide,
  gateway: Gateway | undefined,
  peer: PeerProfile | undefined,
  now: number,
  negotiationMs: number,
): NegotiationStatus {
  if (gateway === undefined || peer === undefined || gateway.BusinessStatus === 'FinancialLocked') {
    return 'ike_sa_not_established';
  }
  const elapsed = now - side.NegotiationStartsAt;
  if (elapsed < negotiationMs / 2) return 'ike_sa_not_established';
  if (!phase1Accepted(side, peer)) return 'ike_sa_not_established';
  if (elapsed < negotiationMs || peer.stallPhase2 === true) return 'ike_sa_established';
  return phase2Accepted(side, peer) ? 'ipsec_sa_established' : 'ipsec_sa_not_established';
}

/** Lifecycle `State` of a connection or tunnel: `updating` until its change has landed. */
export function lifecycleState(side: NegotiatingSide, now: number): 'active' | 'updating' {
  return now < side.NegotiationStartsAt ? 'updating' : 'active';
}

/** BGP and health-check results follow the tunnel: `success` once IPsec is up, else `failed`. */
export function probeStatus(
  enabled: boolean,
  status: NegotiationStatus,
): '' | 'success' | 'failed' {
  if (!enabled) return '';
  return status === 'ipsec_sa_established' ? 'success' : 'failed';
}
