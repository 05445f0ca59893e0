import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serviceManifests, type ServiceManifest } from '@emporium/contracts';
import { deployFiles } from '../deploy/generate.ts';

const deployDir = new URL('../../deploy/', import.meta.url);

test('the committed deploy files are what `npm run deploy:generate` writes from the manifests', () => {
  const files = deployFiles();
  for (const [path, content] of Object.entries(files)) {
    assert.equal(readFileSync(new URL(path, deployDir), 'utf8'), content, `deploy/${path} differs from the manifests: run npm run deploy:generate`);
  }
  const k8s = readdirSync(new URL('k8s/', deployDir)).filter((f) => f.endsWith('.yaml') && f !== 'namespace.yaml');
  assert.deepEqual(k8s.map((f) => `k8s/${f}`).sort(), Object.keys(files).filter((p) => p.startsWith('k8s/')).sort(), 'a Kubernetes file for no service');
});

test('a new manifest reaches every deploy file', () => {
  const returns: ServiceManifest = { name: 'returns', port: 8007, summary: 'RMA', status: 'running', calls: [], publishes: [], consumes: ['order.paid'], access: [] };
  const files = deployFiles([...serviceManifests.filter((m) => m.name !== 'returns'), returns]);
  assert.match(files['compose.yaml']!, /\n  returns:\n    <<: \*service\n/);
  assert.match(files['compose.yaml']!, /RETURNS_URL: http:\/\/returns:8007/);
  assert.match(files['compose.yaml']!, /REGISTRY_ALLOWED_HOSTS: [a-z,]*returns/);
  assert.match(files['postgres-init.sql']!, /CREATE DATABASE emporium_returns;/);
  assert.match(files['kong.yaml']!, /paths: \[\/api\/v1\/returns\]/);
  assert.match(files['k8s/config.yaml']!, /SERVICE_URLS: .*returns=http:\/\/returns:8007/);
  assert.match(files['k8s/config.yaml']!, /RETURNS_DATABASE_URL: /);
  assert.match(files['k8s/kustomization.yaml']!, /  - returns.yaml\n/);
  assert.match(files['k8s/returns.yaml']!, /containerPort: 8007/);
  assert.match(files['k8s/returns.yaml']!, /key: RETURNS_DATABASE_URL/);
});
