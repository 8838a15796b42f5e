import { describe, expect, it } from 'vitest';
import { bundleFileName, inlineOpenVpnConfig } from './bundle';

const source = {
  SslVpnClientCertId: 'vsc-1',
  CaCert: '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n',
  ClientCert: '-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n',
  ClientKey: '-----BEGIN RSA PRIVATE KEY-----\nKEY\n-----END RSA PRIVATE KEY-----\n',
};

describe('inlineOpenVpnConfig', () => {
  it('replaces the file references with inline blocks and lists the cipher for data-ciphers', () => {
    const text = inlineOpenVpnConfig({
      ...source,
      ClientConfig:
        'client\nproto tcp\nca ca.crt\ncert vsc-1.crt\nkey vsc-1.key\ncipher AES-256-CBC\ncomp-lzo\nverb 4',
    });
    expect(text).toBe(
      [
        'client',
        'proto tcp',
        '<ca>',
        '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----',
        '</ca>',
        '<cert>',
        '-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----',
        '</cert>',
        '<key>',
        '-----BEGIN RSA PRIVATE KEY-----\nKEY\n-----END RSA PRIVATE KEY-----',
        '</key>',
        'cipher AES-256-CBC',
        'ignore-unknown-option data-ciphers',
        'data-ciphers AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305:AES-256-CBC',
        'comp-lzo',
        'verb 4',
        '',
      ].join('\n'),
    );
  });

  it('appends the material when the config names no files, and adds nothing for cipher none', () => {
    const text = inlineOpenVpnConfig({ ...source, ClientConfig: 'client\ncipher none\n' });
    expect(text).not.toContain('data-ciphers');
    expect(text.match(/<\/(ca|cert|key)>/g)).toEqual(['</ca>', '</cert>', '</key>']);
  });
});

describe('bundleFileName', () => {
  it('uses a file-safe name, else the id', () => {
    expect(bundleFileName('vsc-1', 'alice-laptop')).toBe('alice-laptop.ovpn');
    expect(bundleFileName('vsc-1', '办公室')).toBe('vsc-1.ovpn');
    expect(bundleFileName('vsc-1', undefined)).toBe('vsc-1.ovpn');
  });
});
