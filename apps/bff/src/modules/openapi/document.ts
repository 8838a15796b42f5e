// The OpenAPI 3.1 document, generated from the shared route list and schemas.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { dryRunVerdictSchema } from '@vpn-console/shared/api/operations';
import { apiRoutes, type RequestBodyRef } from '@vpn-console/shared/api/routes';
import { watchRequestSchema } from '@vpn-console/shared/api/events';
import { z } from 'zod';
import { BFF_VERSION } from '../health/router';
import { requestBodySchemas } from '../request-schemas';

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const bodyFor = (ref: RequestBodyRef): z.ZodType =>
  ref === 'events/watch' ? watchRequestSchema : requestBodySchemas[ref];

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

const STATUS_TEXT: Record<number, string> = {
  400: 'Validation failed (per-field issue codes)',
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
  for (const route of apiRoutes) {
    const p = toOpenApiPath(route.path);
    const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = ('query' in route && route.query !== undefined ? route.query : []).map(
      (name) => ({
        name,
        in: 'query',
        required: false,
        schema: { type: 'string' },
      }),
    );
    const dryRun =
      'dryRun' in route && route.dryRun
        ? [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } }]
        : [];
    const writeHeaders =
      route.method === 'GET' || route.method === 'PUT'
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
    const success = route.success.schema;
    responses[String(route.success.status)] =
      success === 'text/event-stream'
        ? {
            description: 'Server-sent events',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          }
        : success === 'attachment'
          ? {
              description: 'A file (Content-Disposition: attachment; Cache-Control: no-store)',
              content: { 'application/octet-stream': { schema: { type: 'string' } } },
            }
          : route.success.status === 204
            ? { description: 'Done' }
            : {
                description: 'Success',
                content: { 'application/json': { schema: jsonSchema(success, 'output') } },
              };
    if ('dryRun' in route && route.dryRun) {
      responses['200'] = {
        description: 'Dry-run verdict (?dryRun=true)',
        content: { 'application/json': { schema: jsonSchema(dryRunVerdictSchema, 'output') } },
      };
    }
    for (const status of route.errors) {
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
    };
    if ('requestBody' in route && route.requestBody !== undefined) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': { schema: jsonSchema(bodyFor(route.requestBody), 'input') },
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
  };
};
