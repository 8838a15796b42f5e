// The raw DownloadVpnConnectionConfig answer (PSKs masked unless revealed), for tools of your own.
import type { PeerConfig } from '../model';

export function renderJson(model: PeerConfig): string {
  return `${JSON.stringify(model.raw, null, 2)}\n`;
}
