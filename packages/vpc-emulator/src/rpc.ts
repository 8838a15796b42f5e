import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth';
import type { EmulatorCore } from './core';
import { runOperation } from './dispatch';
import { apiErrors } from './errors';
import { readBody, sendJson } from './http';
import { OPERATIONS } from './operations/registry';
import { Params } from './params';

export const API_VERSION = '2016-04-28';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const HTML_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>';

/**
 * One RPC call: parameters from the query string and a form body (body wins), the signature, the
 * version, the action, then an injected fault if one applies, then the action itself.
 * `pending` collects the responses of calls left hanging by a `hang` fault (ended on close).
 */
export async function handleRpc(
  core: EmulatorCore,
  pending: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  requestId: string,
): Promise<void> {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  const query = new Map(new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
  const body = await readBody(req);
  const params = new Map(query);
  const contentType = req.headers['content-type'] ?? '';
  if (body.length > 0 && contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.set(k, v);
  }
  const headerAction = req.headers['x-acs-action'];
  const action = params.get('Action') ?? (typeof headerAction === 'string' ? headerAction : '');
  if (action !== '') core.countCall(action);

  const now = core.clock();
  const method = req.method ?? 'GET';
  if (pathname !== '/' || (method !== 'GET' && method !== 'POST'))
    throw apiErrors.actionNotFound(action);
  const key = authenticate(
    { method, pathname, headers: req.headers, query, params, body },
    core.keys,
    core.nonces,
    now,
  );
  const wait = core.rateLimit?.take(key.accessKeyId, now) ?? 0;
  if (wait > 0) throw apiErrors.throttled(wait);
  const headerVersion = req.headers['x-acs-version'];
  const version = params.get('Version') ?? (typeof headerVersion === 'string' ? headerVersion : '');
  if (version === '') throw apiErrors.missingParameter('Version');
  if (version !== API_VERSION) throw apiErrors.invalidVersion(version);
  if (action === '') throw apiErrors.missingParameter('Action');
  const operation = OPERATIONS.get(action);
  if (operation === undefined) throw apiErrors.actionNotFound(action);

  const fault = core.faults.take(action);
  if (fault !== undefined) {
    switch (fault.kind) {
      case 'latency':
        await sleep(fault.latencyMs ?? 1000);
        break;
      case 'hang':
        pending.add(res);
        res.on('close', () => pending.delete(res));
        return;
      case 'json5xx':
        throw apiErrors.serviceUnavailable();
      case 'html502':
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(HTML_502);
        return;
      case 'throttle':
        throw apiErrors.throttled(fault.retryAfterMs ?? 1000);
      case 'createSucceedsButAnswers500':
        runOperation(core, action, operation, new Params(params), key, core.clock());
        throw apiErrors.internalError();
    }
  }
  const result = runOperation(
    core,
    action,
    operation,
    new Params(params),
    key,
    fault === undefined ? now : core.clock(),
  );
  sendJson(res, 200, { RequestId: requestId, ...result });
}
