import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EmulatorCore } from './core';
import { faultRuleSchema } from './faults';
import { parseJsonBody, readBody, sendJson } from './http';
import { peerProfileSchema } from './state';

export const CONTROL_PREFIX = '/__emulator/';

const gatewayStatusBodySchema = z.object({
  status: z.enum(['active', 'updating']).optional(),
  forMs: z.number().int().nonnegative().optional(),
  businessStatus: z.enum(['Normal', 'FinancialLocked']).optional(),
});
const resetBodySchema = z.object({ seed: z.enum(['empty', 'demo', 'scale']) });

type ControlAnswer = [number, unknown];

const bad = (message: string): ControlAnswer => [400, { error: message }];

/** The unsigned test API under `/__emulator/` (served only with `faultControl`). */
function control(core: EmulatorCore, method: string, path: string, json: unknown): ControlAnswer {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  if (route === 'POST /faults') {
    const rule = faultRuleSchema.safeParse(json);
    if (!rule.success) return bad(rule.error.message);
    core.faults.inject(rule.data);
    return [200, { faults: core.faults.list() }];
  }
  if (route === 'DELETE /faults') {
    core.faults.clear();
    return [200, { faults: [] }];
  }
  if (route === 'GET /faults') return [200, { faults: core.faults.list() }];
  if (route === 'GET /calls') {
    return [
      200,
      { calls: Object.fromEntries(core.callCounts), rateLimited: core.rateLimit?.refused ?? 0 },
    ];
  }
  if (route === 'DELETE /calls') {
    core.callCounts.clear();
    return [200, { calls: {} }];
  }
  if (route === 'GET /state') return [200, core.state];
  if (route === 'POST /reset') {
    const parsed = resetBodySchema.safeParse(json);
    if (!parsed.success) return bad(parsed.error.message);
    core.reset(parsed.data.seed);
    return [200, { seed: parsed.data.seed }];
  }
  const gatewayMatch = /^POST \/gateways\/([^/]+)\/status$/.exec(route);
  if (gatewayMatch?.[1] !== undefined) {
    const parsed = gatewayStatusBodySchema.safeParse(json);
    if (!parsed.success) return bad(parsed.error.message);
    const id = decodeURIComponent(gatewayMatch[1]);
    if (!core.hasGateway(id)) return [404, { error: 'no such gateway' }];
    if (parsed.data.status !== undefined)
      core.setGatewayStatus(id, parsed.data.status, parsed.data.forMs);
    if (parsed.data.businessStatus !== undefined)
      core.setBusinessStatus(id, parsed.data.businessStatus);
    return [200, { ok: true }];
  }
  const pkiMatch = /^GET \/ssl-vpn-servers\/([^/]+)\/pki$/.exec(route);
  if (pkiMatch?.[1] !== undefined) {
    const id = decodeURIComponent(pkiMatch[1]);
    if (!core.hasSslVpnServer(id)) return [404, { error: 'no such SSL-VPN server' }];
    return [200, core.sslVpnServerPki(id)];
  }
  const peerMatch = /^PUT \/customer-gateways\/([^/]+)\/peer$/.exec(route);
  if (peerMatch?.[1] !== undefined) {
    const parsed = peerProfileSchema.safeParse(json);
    if (!parsed.success) return bad(parsed.error.message);
    const id = decodeURIComponent(peerMatch[1]);
    if (!core.hasCustomerGateway(id)) return [404, { error: 'no such customer gateway' }];
    core.setPeerProfile(id, parsed.data);
    return [200, { ok: true }];
  }
  return [404, { error: 'unknown control route' }];
}

export async function handleControl(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const json = parseJsonBody(await readBody(req));
  const [status, body] = control(core, req.method ?? 'GET', path, json);
  sendJson(res, status, body);
}
