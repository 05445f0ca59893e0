/**
 * Regenerates web/src/api/schema.d.ts. `npm run api-types -w web` starts the services to read
 * their merged document; `-- --from http://127.0.0.1:8000` reads a running gateway's instead.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { fetchMergedDocument, mergedDocumentOfServices, renderTypes, schemaFile } from './openapi.ts';

const fromIndex = process.argv.indexOf('--from');
const document = fromIndex > 0 ? await fetchMergedDocument(process.argv[fromIndex + 1]!) : await mergedDocumentOfServices();
await mkdir(new URL('.', schemaFile), { recursive: true });
await writeFile(schemaFile, await renderTypes(document));
console.log(`wrote ${schemaFile.pathname}`);
