import { z } from 'zod';
import { ApiErrorBody, errorStatus, type ErrorCode } from '../errors';
import { platformContract } from './contract';
import type { Endpoint } from './endpoint';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return rest;
};

/** Path and query objects become one OpenAPI parameter per property. */
function parameters(where: 'path' | 'query', shape: z.ZodObject<z.ZodRawShape> | undefined): JsonSchema[] {
  if (!shape) return [];
  const schema = toSchema(shape, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

/** Codes any endpoint of this access kind can answer with, besides its own. */
function universalErrors(endpoint: Endpoint): ErrorCode[] {
  const codes: ErrorCode[] = ['internal'];
  if (endpoint.params || endpoint.query || endpoint.body) codes.push('validation_failed');
  if (endpoint.access.kind !== 'public') codes.push('token_missing', 'token_expired', 'token_invalid');
  if (endpoint.access.kind === 'scope') codes.push('forbidden_scope');
  return codes;
}

function responses(endpoint: Endpoint): JsonSchema {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...universalErrors(endpoint), ...endpoint.errors]) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const result: JsonSchema = {
    '200': { description: 'Success', content: { 'application/json': { schema: toSchema(endpoint.output, 'output') } } },
  };
  for (const [status, codes] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    result[String(status)] = {
      description: `Error: ${[...new Set(codes)].join(', ')}`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    };
  }
  return result;
}

function operation(operationId: string, endpoint: Endpoint): JsonSchema {
  const op: JsonSchema = {
    operationId,
    summary: endpoint.summary,
    tags: [endpoint.path.split('/')[2] ?? 'platform'],
    security: endpoint.access.kind === 'public' ? [] : [{ bearer: [] }],
    'x-required-scope': endpoint.access.kind === 'scope' ? endpoint.access.scope : null,
    parameters: [...parameters('path', endpoint.params), ...parameters('query', endpoint.query)],
    responses: responses(endpoint),
  };
  if (endpoint.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(endpoint.body, 'input') } } };
  }
  return op;
}

/** The OpenAPI 3.1 document of the platform contract, generated, never written by hand. */
export function buildOpenApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [operationId, endpoint] of Object.entries(platformContract) as [string, Endpoint][]) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = operation(operationId, endpoint);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Xuntong platform staff API',
      version,
      description: 'The staff API that Xuntong Desk (讯通工作台) is a client of. Generated from shared/platform.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ApiError: toSchema(ApiErrorBody, 'output') },
    },
    paths,
  };
}
