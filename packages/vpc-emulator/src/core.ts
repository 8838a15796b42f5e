import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { NonceStore, type AccessKey } from './auth';
import { FaultBoard } from './faults';
import { serverPki } from './operations/ssl-vpn-client-certs';
import { AccountRateLimit } from './rate-limit';
import { demoState } from './seed';
import { scaleState, type ScaleOptions } from './seed-scale';
import {
  emptyState,
  peerProfileSchema,
  stateSchema,
  type EmulatorState,
  type PeerProfile,
} from './state';

export type SeedName = 'empty' | 'demo' | 'scale';

/** What the cloud side of an SSL-VPN server holds: enough to stand up a real OpenVPN server as it. */
export interface SslVpnServerPki {
  SslVpnServerId: string;
  VpnGatewayId: string;
  /** The gateway's SSL-VPN public address (clients connect to it). */
  InternetIp: string;
  Proto: string;
  Port: number;
  Cipher: string;
  Compress: boolean;
  ClientIpPool: string;
  LocalSubnet: string;
  CaCert: string;
  ServerCert: string;
  ServerKey: string;
  /** Client certificates that exist (CN = id); any other certificate of this CA is revoked. */
  ClientCertIds: string[];
}

export interface CoreOptions {
  seed: SeedName;
  accessKeys: readonly AccessKey[];
  updatingMs: number;
  negotiationMs: number;
  stateFile: string | undefined;
  clock: () => number;
  /** The scale seed's options (regions, gateways, connections per gateway, seed number). */
  scale?: ScaleOptions | undefined;
  /** Calls per second each AccessKey may make; past it `Throttling.User` (default: no limit). */
  rateLimit?: number | undefined;
}

/**
 * Everything one running emulator holds besides its HTTP server: the cloud's state (and where it
 * is saved), the keys and nonces of the signature checks, the fault board, the call counts, and the
 * test-facing levers on the state. The RPC and control handlers both work on one of these.
 */
export class EmulatorCore {
  readonly clock: () => number;
  readonly updatingMs: number;
  readonly negotiationMs: number;
  readonly keys: ReadonlyMap<string, AccessKey>;
  readonly nonces = new NonceStore();
  readonly faults = new FaultBoard();
  readonly callCounts = new Map<string, number>();
  readonly rateLimit: AccountRateLimit | undefined;
  state: EmulatorState;
  private readonly stateFile: string | undefined;
  private readonly scale: ScaleOptions | undefined;

  constructor(options: CoreOptions) {
    this.clock = options.clock;
    this.updatingMs = options.updatingMs;
    this.negotiationMs = options.negotiationMs;
    this.stateFile = options.stateFile;
    this.scale = options.scale;
    this.rateLimit =
      options.rateLimit === undefined ? undefined : new AccountRateLimit(options.rateLimit);
    this.keys = new Map(options.accessKeys.map((k) => [k.accessKeyId, k]));
    this.state =
      this.stateFile !== undefined && existsSync(this.stateFile)
        ? stateSchema.parse(JSON.parse(readFileSync(this.stateFile, 'utf8')))
        : this.seedState(options.seed);
  }

  seedState(seed: SeedName): EmulatorState {
    if (seed === 'scale') return scaleState(this.clock(), this.updatingMs, this.scale);
    return seed === 'demo' ? demoState(this.clock(), this.updatingMs) : emptyState();
  }

  /** Write the state file (atomically), when there is one. */
  save(): void {
    if (this.stateFile === undefined) return;
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.stateFile);
  }

  countCall(action: string): void {
    this.callCounts.set(action, (this.callCounts.get(action) ?? 0) + 1);
  }

  hasGateway(id: string): boolean {
    return this.state.gateways.some((g) => g.VpnGatewayId === id);
  }

  hasCustomerGateway(id: string): boolean {
    return this.state.customerGateways.some((c) => c.CustomerGatewayId === id);
  }

  setGatewayStatus(id: string, status: 'active' | 'updating', forMs?: number): void {
    this.gateway(id).UpdatingUntil =
      status === 'updating' ? this.clock() + (forMs ?? this.updatingMs) : 0;
    this.save();
  }

  setBusinessStatus(id: string, status: 'Normal' | 'FinancialLocked'): void {
    this.gateway(id).BusinessStatus = status;
    this.save();
  }

  setPeerProfile(id: string, profile: PeerProfile): void {
    const cgw = this.state.customerGateways.find((c) => c.CustomerGatewayId === id);
    if (cgw === undefined) throw new Error(`No customer gateway ${id}`);
    cgw.PreviousPeer = cgw.Peer;
    cgw.PeerChangedAt = this.clock();
    cgw.Peer = peerProfileSchema.parse(profile);
    this.save();
  }

  hasSslVpnServer(id: string): boolean {
    return this.state.sslServers.some((s) => s.SslVpnServerId === id);
  }

  /** The server side of an SSL-VPN server (its CA and certificate are made on first need, then kept). */
  sslVpnServerPki(id: string): SslVpnServerPki {
    const server = this.state.sslServers.find((s) => s.SslVpnServerId === id);
    if (server === undefined) throw new Error(`No SSL-VPN server ${id}`);
    const gateway = this.gateway(server.VpnGatewayId);
    const hadPki = server.Pki !== undefined;
    const pki = serverPki(server);
    if (!hadPki) this.save();
    return {
      SslVpnServerId: server.SslVpnServerId,
      VpnGatewayId: server.VpnGatewayId,
      InternetIp: gateway.SslVpnInternetIp,
      Proto: server.Proto,
      Port: server.Port,
      Cipher: server.Cipher,
      Compress: server.Compress,
      ClientIpPool: server.ClientIpPool,
      LocalSubnet: server.LocalSubnet,
      CaCert: pki.ca.cert,
      ServerCert: pki.server.cert,
      ServerKey: pki.server.key,
      ClientCertIds: this.state.sslClientCerts
        .filter((c) => c.SslVpnServerId === id)
        .map((c) => c.SslVpnClientCertId),
    };
  }

  reset(seed: SeedName): void {
    this.state = this.seedState(seed);
    this.save();
  }

  snapshot(): EmulatorState {
    return stateSchema.parse(JSON.parse(JSON.stringify(this.state)));
  }

  private gateway(id: string) {
    const gateway = this.state.gateways.find((g) => g.VpnGatewayId === id);
    if (gateway === undefined) throw new Error(`No VPN gateway ${id}`);
    return gateway;
  }
}
