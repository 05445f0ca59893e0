/**
 * `npm run new:service <name>`: a working service from the template (app, routes with an example
 * route and schemas, pure domain function, use cases, store, first migration, manifest, README and
 * a passing test), registered in the list of manifests. Then: npm install (links the workspace),
 * npm run deploy:generate, and fill in the manifest and README.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { createService } from './new-service/generate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const name = process.argv[2];
if (!name) {
  console.error('usage: npm run new:service <name>');
  process.exit(2);
}
try {
  const written = await createService(root, name);
  for (const path of written) console.log(`  ${relative(root, path)}`);
  console.log(`\nNext: npm install && npm run deploy:generate && node scripts/test.mjs services/${name}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
