// The client bundle: Alibaba's ClientConfig with the CA, certificate and key put inline, so one
// `.ovpn` file is all an OpenVPN client needs. The cloud's config names them as files
// (`ca ca.crt`, `cert <id>.crt`, `key <id>.key`); any other line is kept as the cloud wrote it.

/** OpenVPN 2.5+'s default data-channel ciphers (AEAD), kept ahead of the server's cipher. */
const MODERN_DATA_CIPHERS = ['AES-256-GCM', 'AES-128-GCM', 'CHACHA20-POLY1305'] as const;

export interface ClientBundleSource {
  readonly SslVpnClientCertId: string;
  readonly CaCert: string;
  readonly ClientCert: string;
  readonly ClientKey: string;
  readonly ClientConfig: string;
}

const block = (tag: string, pem: string) => `<${tag}>\n${pem.trim()}\n</${tag}>`;

/**
 * The inline `.ovpn`. One addition to the cloud's text: OpenVPN 2.5 and later negotiate the data
 * cipher from `data-ciphers` and ignore `cipher` for it, so a CBC-only server and a 2.6 client
 * find no shared cipher ("AUTH_FAILED … no shared cipher", measured with openvpn 2.6.14). The
 * bundle lists the server's cipher after the modern defaults; older clients skip the line
 * (`ignore-unknown-option`), and `cipher` stays for them and for servers that do not negotiate.
 */
export function inlineOpenVpnConfig(source: ClientBundleSource): string {
  const id = source.SslVpnClientCertId;
  const out: string[] = [];
  const inlined = new Set<string>();
  const put = (tag: string, pem: string) => {
    out.push(block(tag, pem));
    inlined.add(tag);
  };
  for (const raw of source.ClientConfig.split(/\r?\n/)) {
    const line = raw.trim();
    const [directive, value] = line.split(/\s+/, 2);
    if (directive === 'ca' && value !== undefined) put('ca', source.CaCert);
    else if (directive === 'cert' && value === `${id}.crt`) put('cert', source.ClientCert);
    else if (directive === 'key' && value === `${id}.key`) put('key', source.ClientKey);
    else if (directive === 'cipher' && value !== undefined && value !== 'none') {
      out.push(raw);
      const ciphers = [...MODERN_DATA_CIPHERS.filter((c) => c !== value), value];
      out.push('ignore-unknown-option data-ciphers', `data-ciphers ${ciphers.join(':')}`);
    } else out.push(raw);
  }
  // A config that does not name the files still gets the material.
  if (!inlined.has('ca')) out.push(block('ca', source.CaCert));
  if (!inlined.has('cert')) out.push(block('cert', source.ClientCert));
  if (!inlined.has('key')) out.push(block('key', source.ClientKey));
  return `${out.join('\n').trimEnd()}\n`;
}

/** A file name for the bundle: the certificate's name when it is safe in a file name, else its id. */
export function bundleFileName(certId: string, name: string | undefined): string {
  const safe = (name ?? '').replace(/[^A-Za-z0-9._-]/g, '');
  return `${safe === '' ? certId : safe}.ovpn`;
}
