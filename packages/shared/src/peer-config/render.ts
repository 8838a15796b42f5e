// One entry point for every device template (the files in ./templates, one per device).
import type { PeerDevice } from './devices';
import type { PeerConfig } from './model';
import { renderCiscoAsa } from './templates/cisco-asa';
import { renderCiscoIos } from './templates/cisco-ios';
import { renderFortigate } from './templates/fortigate';
import { renderH3c } from './templates/h3c';
import { renderHuawei } from './templates/huawei';
import { renderJson } from './templates/json';
import { renderJuniperSrx } from './templates/juniper-srx';
import { renderPaloAlto } from './templates/palo-alto';
import { renderPfsense } from './templates/pfsense';
import { renderStrongswan } from './templates/strongswan';

const TEMPLATES: Readonly<Record<PeerDevice, (model: PeerConfig) => string>> = {
  strongswan: renderStrongswan,
  'cisco-ios': renderCiscoIos,
  'cisco-asa': renderCiscoAsa,
  huawei: renderHuawei,
  h3c: renderH3c,
  fortigate: renderFortigate,
  'juniper-srx': renderJuniperSrx,
  'palo-alto': renderPaloAlto,
  pfsense: renderPfsense,
  json: renderJson,
};

/**
 * Renders the peer configuration for a device; with `tunnelId`, only that tunnel (a dual-tunnel
 * connection's "configure this tunnel"). Throws `UnsupportedAlgorithmError` when the device has no
 * name for one of the connection's algorithms, and `RangeError` for an unknown tunnel id.
 */
export function renderPeerConfig(device: PeerDevice, model: PeerConfig, tunnelId?: string): string {
  const tunnels =
    tunnelId === undefined ? model.tunnels : model.tunnels.filter((t) => t.tunnelId === tunnelId);
  if (tunnels.length === 0) throw new RangeError(`no tunnel ${tunnelId ?? ''} on this connection`);
  return TEMPLATES[device]({ ...model, tunnels });
}
