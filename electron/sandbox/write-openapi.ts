import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../../shared/platform/openapi';
import { platformApiVersion } from '../../shared/platform/contract';

/** Writes the generated document to resources/ for readers without a running sandbox. */
const target = new URL('../../resources/openapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(platformApiVersion), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
