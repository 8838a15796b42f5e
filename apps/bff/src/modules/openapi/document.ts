// The OpenAPI 3.1 document, generated from the shared route list and schemas.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { dryRunVerdictSchema } from '@vpn-console/shared/api/operations';
import { apiRoutes, type ApiRoute } from '@vpn-console/shared/api/routes';
import { z } from 'zod';
import { sessionCookieName } from '../../auth/cookies';
import { BFF_VERSION } from '../health/router';
import { requestBodySchemas } from '../request-schemas';

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

const STATUS_TEXT: Record<number, string> = {
  400: 'Validation failed (per-field issue codes)',
  401: 'No session, or the session ended',
  403: 'The role is too low for this route',
  404: 'Not found',
  409: 'Conflict (gateway busy, resource exists, idempotency key reused)',
  413: 'Body too large',
  415: 'Body is not JSON',
  502: 'The cloud failed or answered unexpectedly',
  503: 'Throttled, too many streams, or shutting down',
  504: 'The cloud did not answer in time',
};

export const buildOpenApiDocument = (): JsonSchema => {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorBody = jsonSchema(apiErrorBodySchema, 'output');
  for (const route of apiRoutes as readonly ApiRoute[]) {
    const p = toOpenApiPath(route.path);
    const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = (route.query ?? []).map((name) => ({
      name,
      in: 'query',
      required: false,
      schema: { type: 'string' },
    }));
    const dryRun =
      route.dryRun === true
        ? [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } }]
        : [];
    // Resource writes (202 + operation) take an Idempotency-Key and the tab's stream id.
    const writeHeaders =
      route.success.status !== 202
        ? []
        : [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 64 },
            },
            { name: 'X-Event-Stream', in: 'header', required: false, schema: { type: 'string' } },
          ];
    const responses: Record<string, unknown> = {};
    responses[String(route.success.status)] = successResponse(route.success);
    if (route.dryRun === true) {
      responses['200'] = {
        description: 'Dry-run verdict (?dryRun=true)',
        content: { 'application/json': { schema: jsonSchema(dryRunVerdictSchema, 'output') } },
      };
    }
    const guard = route.role === 'public' ? [] : [401, 403];
    for (const status of [...route.errors, ...guard]) {
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: { 'application/json': { schema: errorBody } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      parameters: [...params, ...query, ...dryRun, ...writeHeaders],
      responses,
      // Who may call it: public, or that role or a higher one (viewer < operator < admin).
      'x-role': route.role,
      security: route.role === 'public' ? [] : [{ session: [] }],
    };
    if (route.requestBody !== undefined) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: jsonSchema(requestBodySchemas[route.requestBody], 'input'),
          },
        },
      };
    }
    paths[p] = { ...paths[p], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'VPN Gateway Console BFF',
      version: BFF_VERSION,
      description:
        'Resource API over the Alibaba Cloud VPC API (VPN Gateway). Writes answer 202 with an operation; live status over SSE at /api/v1/events.',
    },
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          // `__Host-vpnc_session` behind TLS.
          name: sessionCookieName({ secure: false }),
          description: 'The session cookie set by POST /api/v1/session',
        },
      },
    },
  };
};

const successResponse = (success: ApiRoute['success']): Record<string, unknown> => {
  const { schema } = success;
  if (schema === 'none') return { description: 'Done (no body)' };
  if (schema === 'text/event-stream') {
    return {
      description: 'Server-sent events',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    };
  }
  if (schema === 'attachment') {
    return {
      description: 'A file (Content-Disposition: attachment; Cache-Control: no-store)',
      content: { 'application/octet-stream': { schema: { type: 'string' } } },
    };
  }
  if (schema === 'text/plain') {
    return { description: 'Text', content: { 'text/plain': { schema: { type: 'string' } } } };
  }
  if (schema === 'application/json') {
    return { description: 'A JSON document', content: { 'application/json': { schema: {} } } };
  }
  return {
    description: 'Success',
    content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
  };
};
