// An OpenVPN server configuration standing in for the cloud side of an Alibaba SSL-VPN server,
// written here from a plain description (the emulator's view: CA, server certificate and key,
// protocol, port, cipher, compression, client pool, subnets, which client certificates exist) so
// the side under test (the console's client bundle) is checked against something it did not write.

export interface OpenVpnServerSide {
  readonly listenAddress: string;
  /** `UDP` or `TCP` (Alibaba's Proto). */
  readonly proto: string;
  readonly port: number;
  /** Alibaba's Cipher: the only data-channel cipher the server offers. */
  readonly cipher: string;
  readonly compress: boolean;
  /** The client pool, e.g. `10.210.0.0/24` (each client gets a /30 from it: `topology net30`). */
  readonly clientIpPool: string;
  readonly localSubnets: readonly string[];
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  /** Directory holding one (empty) file per client certificate that exists (its CN): others are refused. */
  readonly clientConfigDir: string;
}

function maskOf(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((shift) => String((bits >>> shift) & 0xff)).join('.');
}

function network(cidr: string): { address: string; mask: string } {
  const [address, prefix] = cidr.split('/');
  return { address: address ?? '', mask: maskOf(Number(prefix ?? '32')) };
}

const block = (tag: string, pem: string) => `<${tag}>\n${pem.trim()}\n</${tag}>`;

export function openVpnServerConf(side: OpenVpnServerSide): string {
  const pool = network(side.clientIpPool);
  return [
    'dev tun',
    `proto ${side.proto.toUpperCase() === 'TCP' ? 'tcp-server' : 'udp'}`,
    `local ${side.listenAddress}`,
    `port ${String(side.port)}`,
    'topology net30',
    `server ${pool.address} ${pool.mask}`,
    ...side.localSubnets.map((s) => {
      const n = network(s);
      return `push "route ${n.address} ${n.mask}"`;
    }),
    block('ca', side.caCert),
    block('cert', side.serverCert),
    block('key', side.serverKey),
    'dh none',
    // The cloud offers its configured cipher only; a 2.6 server negotiates it with NCP.
    `data-ciphers ${side.cipher}`,
    'verify-client-cert require',
    // A deleted (revoked) certificate has no file here and is refused.
    `client-config-dir ${side.clientConfigDir}`,
    'ccd-exclusive',
    ...(side.compress ? ['comp-lzo'] : []),
    'keepalive 10 60',
    'verb 3',
    '',
  ].join('\n');
}
