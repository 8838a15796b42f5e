// The devices the console writes a peer configuration for (issue 13). One id per template file in
// ./templates; labels are product names (the same in both languages).
import { z } from 'zod';

export const PEER_DEVICES = [
  'strongswan',
  'cisco-ios',
  'cisco-asa',
  'huawei',
  'h3c',
  'fortigate',
  'juniper-srx',
  'palo-alto',
  'pfsense',
  'json',
] as const;
export const peerDeviceSchema = z.enum(PEER_DEVICES);
export type PeerDevice = z.infer<typeof peerDeviceSchema>;

export interface PeerDeviceInfo {
  readonly label: string;
  /** Name of the downloaded file, after the connection id. */
  readonly fileSuffix: string;
  readonly mediaType: string;
}

export const PEER_DEVICE_INFO: Readonly<Record<PeerDevice, PeerDeviceInfo>> = {
  strongswan: {
    label: 'strongSwan (swanctl.conf)',
    fileSuffix: 'swanctl.conf',
    mediaType: 'text/plain',
  },
  'cisco-ios': {
    label: 'Cisco IOS / IOS XE',
    fileSuffix: 'cisco-ios.txt',
    mediaType: 'text/plain',
  },
  'cisco-asa': { label: 'Cisco ASA', fileSuffix: 'cisco-asa.txt', mediaType: 'text/plain' },
  huawei: { label: 'Huawei USG / AR', fileSuffix: 'huawei.txt', mediaType: 'text/plain' },
  h3c: { label: 'H3C (Comware 7)', fileSuffix: 'h3c.txt', mediaType: 'text/plain' },
  fortigate: {
    label: 'FortiGate (FortiOS CLI)',
    fileSuffix: 'fortigate.txt',
    mediaType: 'text/plain',
  },
  'juniper-srx': {
    label: 'Juniper SRX (Junos)',
    fileSuffix: 'juniper-srx.txt',
    mediaType: 'text/plain',
  },
  'palo-alto': { label: 'Palo Alto PAN-OS', fileSuffix: 'pan-os.txt', mediaType: 'text/plain' },
  pfsense: {
    label: 'pfSense / OPNsense (steps)',
    fileSuffix: 'pfsense-steps.txt',
    mediaType: 'text/plain',
  },
  json: {
    label: 'Raw JSON (DownloadVpnConnectionConfig)',
    fileSuffix: 'peer-config.json',
    mediaType: 'application/json',
  },
};
