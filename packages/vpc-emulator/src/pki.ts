import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * The X.509 material of an emulated SSL-VPN server, made with node-forge (RSA keys come from Node's
 * native generator through it): one CA per server, a server certificate and client certificates
 * signed by that CA. PEM throughout; keys are PKCS#1 (`BEGIN RSA PRIVATE KEY`) as Alibaba returns
 * them.
 */
export interface CertifiedKey {
  readonly cert: string;
  readonly key: string;
}

const KEY_BITS = 2048;
/** Certificates start an hour before their creation, so a client clock slightly behind accepts them. */
const BACKDATE_MS = 3_600_000;
const CA_YEARS = 10;

function serialNumber(): string {
  // A positive 64-bit serial (the first bit cleared so DER does not read it as negative).
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return `01${bytes.toString('hex')}`;
}

function addYears(epochMs: number, years: number): Date {
  const date = new Date(epochMs);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
}

interface Subject {
  readonly commonName: string;
  readonly notBefore: number;
  readonly notAfter: Date;
}

function build(
  subject: Subject,
  publicKey: forge.pki.rsa.PublicKey,
  issuer: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | undefined,
  signingKey: forge.pki.rsa.PrivateKey,
  extensions: object[],
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(subject.notBefore - BACKDATE_MS);
  cert.validity.notAfter = subject.notAfter;
  const attrs = [
    { shortName: 'C', value: 'CN' },
    { shortName: 'O', value: 'Alibaba Cloud VPN Gateway (emulated)' },
    { shortName: 'CN', value: subject.commonName },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(issuer === undefined ? attrs : issuer.cert.subject.attributes);
  cert.setExtensions([
    ...extensions,
    { name: 'subjectKeyIdentifier' },
    ...(issuer === undefined
      ? []
      : [
          {
            name: 'authorityKeyIdentifier',
            keyIdentifier: issuer.cert.generateSubjectKeyIdentifier().getBytes(),
          },
        ]),
  ]);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

/** forge writes CRLF; Alibaba's PEM (and every OpenVPN example) uses LF. */
const lf = (text: string) => text.replace(/\r\n/g, '\n');

function pem(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): CertifiedKey {
  return { cert: lf(forge.pki.certificateToPem(cert)), key: lf(forge.pki.privateKeyToPem(key)) };
}

/** A self-signed CA for one SSL-VPN server, valid ten years from `createdAt`. */
export function createCa(serverId: string, createdAt: number): CertifiedKey {
  const keys = forge.pki.rsa.generateKeyPair({ bits: KEY_BITS });
  const cert = build(
    { commonName: `${serverId} CA`, notBefore: createdAt, notAfter: addYears(createdAt, CA_YEARS) },
    keys.publicKey,
    undefined,
    keys.privateKey,
    [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  );
  return pem(cert, keys.privateKey);
}

function issue(
  ca: CertifiedKey,
  subject: Subject,
  usage: { serverAuth: true } | { clientAuth: true },
): CertifiedKey {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const keys = forge.pki.rsa.generateKeyPair({ bits: KEY_BITS });
  const cert = build(subject, keys.publicKey, { cert: caCert, key: caKey }, caKey, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', ...usage },
  ]);
  return pem(cert, keys.privateKey);
}

/** The server certificate (CN = the server id, `serverAuth`), valid as long as the CA. */
export function issueServerCert(
  ca: CertifiedKey,
  serverId: string,
  createdAt: number,
): CertifiedKey {
  return issue(
    ca,
    { commonName: serverId, notBefore: createdAt, notAfter: addYears(createdAt, CA_YEARS) },
    { serverAuth: true },
  );
}

/** A client certificate (CN = the certificate id, `clientAuth`) valid from `createdAt` to `endsAt`. */
export function issueClientCert(
  ca: CertifiedKey,
  certId: string,
  createdAt: number,
  endsAt: number,
): CertifiedKey {
  return issue(
    ca,
    { commonName: certId, notBefore: createdAt, notAfter: new Date(endsAt) },
    { clientAuth: true },
  );
}
