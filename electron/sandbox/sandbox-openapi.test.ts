import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformApiVersion, platformContract } from '../../shared/platform/contract';
import { buildOpenApiDocument } from '../../shared/platform/openapi';
import { startTestSandbox, temporaryFolder } from '../../test/fixtures/sandbox';
import type { RunningSandbox } from './server';

const folder = temporaryFolder();
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { listings: 10 });
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

type Document = { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document listing every declared endpoint', async () => {
    const served = (await (await fetch(`${sandbox.url}/openapi.json`)).json()) as Document;
    expect(served.openapi).toBe('3.1.0');
    const result = await new Validator().validate(served as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const [name, endpoint] of Object.entries(platformContract)) {
      const operation = served.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      expect(operation?.operationId, name).toBe(name);
      expect(Object.keys(operation!.responses)).toContain('200');
    }
    const operations = Object.values(served.paths).flatMap((p) => Object.keys(p));
    expect(operations).toHaveLength(Object.keys(platformContract).length);
  });

  it('documents the error shape and the scope of each endpoint', async () => {
    const served = (await (await fetch(`${sandbox.url}/openapi.json`)).json()) as Document & {
      components: { schemas: { ApiError: { properties: Record<string, unknown>; required: string[] } } };
    };
    expect(served.components.schemas.ApiError.required).toEqual(expect.arrayContaining(['code', 'message']));
    expect(Object.keys(served.components.schemas.ApiError.properties)).toEqual(expect.arrayContaining(['code', 'message', 'path']));
    const decide = served.paths['/v1/moderation/decisions']!.post as unknown as { 'x-required-scope': string; responses: Record<string, unknown> };
    expect(decide['x-required-scope']).toBe('moderation:decide');
    expect(Object.keys(decide.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '422']));
  });

  it('is the same document that resources/openapi.json holds', () => {
    const committed = JSON.parse(readFileSync(new URL('../../resources/openapi.json', import.meta.url), 'utf8')) as unknown;
    expect(committed, 'run `npm run openapi` after changing the contract').toEqual(buildOpenApiDocument(platformApiVersion));
  });
});
