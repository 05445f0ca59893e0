/**
 * Writes the deploy files (compose, Kubernetes, Kong, the Postgres init script) from the service
 * manifests: `npm run deploy:generate`. A test fails when the committed files differ from these.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { deployFiles } from './deploy/generate.ts';

const deployDir = new URL('../deploy/', import.meta.url);
const files = deployFiles();
for (const [path, content] of Object.entries(files)) writeFileSync(new URL(path, deployDir), content);
// A service whose manifest is gone leaves no Kubernetes file behind (namespace.yaml is hand-written).
for (const file of readdirSync(new URL('k8s/', deployDir))) {
  if (file.endsWith('.yaml') && file !== 'namespace.yaml' && !(`k8s/${file}` in files)) rmSync(new URL(`k8s/${file}`, deployDir));
}
console.log(`deploy: wrote ${Object.keys(files).length} files`);
