import type { DiagnosisCode } from '@vpn-console/shared/history/diagnosis-codes';
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

/** Why a negotiation fails: the first parameter the peer refuses, or phase 2 never answered. */
export interface NegotiationFailure {
  phase: 1 | 2;
  code: DiagnosisCode;
  /** The cloud's sentence. */
  reason: string;
  /** The gateway's value and what the peer device proposes (null for the PSK: never shown). */
  local: string | null;
  remote: string | null;
  /** The IKE notify the gateway receives (strongSwan's words). */
  notify: 'NO_PROPOSAL_CHOSEN' | 'AUTHENTICATION_FAILED' | 'TIMEOUT';
}

const PHASE1_CHECKS = [
  ['IkeVersion', 'ikeVersions', 'IkeVersionMismatch', 'IKE version mismatch'],
  ['IkeMode', 'ikeModes', 'IkeModeMismatch', 'IKE negotiation mode mismatch'],
  ['IkeEncAlg', 'ikeEncAlgs', 'IkeEncAlgMismatch', 'Phase 1 encryption algorithm mismatch'],
  ['IkeAuthAlg', 'ikeAuthAlgs', 'IkeAuthAlgMismatch', 'Phase 1 authentication algorithm mismatch'],
  ['IkePfs', 'ikePfs', 'IkePfsMismatch', 'Phase 1 DH group mismatch'],
] as const;

const PHASE2_CHECKS = [
  ['IpsecEncAlg', 'ipsecEncAlgs', 'IpsecEncAlgMismatch', 'Phase 2 encryption algorithm mismatch'],
  [
    'IpsecAuthAlg',
    'ipsecAuthAlgs',
    'IpsecAuthAlgMismatch',
    'Phase 2 authentication algorithm mismatch',
  ],
  ['IpsecPfs', 'ipsecPfs', 'IpsecPfsMismatch', 'Phase 2 PFS DH group mismatch'],
] as const;

/** The first thing the peer refuses, in the order a negotiation meets them; none: it comes up. */
export function negotiationFailure(
  side: NegotiatingSide,
  peer: PeerProfile,
): NegotiationFailure | undefined {
  for (const [field, accepts, code, reason] of PHASE1_CHECKS) {
    const local = side.IkeConfig[field];
    if (!peer[accepts].includes(local)) {
      return {
        phase: 1,
        code,
        reason,
        local,
        remote: peer[accepts][0] ?? null,
        notify: 'NO_PROPOSAL_CHOSEN',
      };
    }
  }
  if (peer.psk !== undefined && peer.psk !== side.Psk) {
    return {
      phase: 1,
      code: 'PskMismatch',
      reason: 'Pre-shared key mismatch',
      local: null,
      remote: null,
      notify: 'AUTHENTICATION_FAILED',
    };
  }
  if (peer.stallPhase2 === true) {
    return {
      phase: 2,
      code: 'Phase2NegotiationTimeout',
      reason: 'Phase2 negotiation timeout',
      local: null,
      remote: null,
      notify: 'TIMEOUT',
    };
  }
  for (const [field, accepts, code, reason] of PHASE2_CHECKS) {
    const local = side.IpsecConfig[field];
    if (!peer[accepts].includes(local)) {
      return {
        phase: 2,
        code,
        reason,
        local,
        remote: peer[accepts][0] ?? null,
        notify: 'NO_PROPOSAL_CHOSEN',
      };
    }
  }
  return undefined;
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
  const failure = negotiationFailure(side, peer);
  if (failure?.phase === 1) return 'ike_sa_not_established';
  if (elapsed < negotiationMs || failure?.code === 'Phase2NegotiationTimeout') {
    return 'ike_sa_established';
  }
  if (failure !== undefined) return 'ipsec_sa_not_established';
  if (peer.flapMs !== undefined && Math.floor((elapsed - negotiationMs) / peer.flapMs) % 2 === 1) {
    // The line dropped: the gateway's DPD tore the SAs down and renegotiation has not come back.
    return 'ike_sa_not_established';
  }
  return 'ipsec_sa_established';
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
