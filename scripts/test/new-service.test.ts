import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Contracts from '@emporium/contracts';
import { serviceManifests } from '@emporium/contracts';
import { createService } from '../new-service/generate.ts';
import { deployFiles } from '../deploy/generate.ts';

/**
 * Generates a service into a throwaway copy of the repository's manifests (inside the repo, so the
 * generated code resolves the real kit from node_modules; `.tmp/` is ignored by git, the type check
 * and the test runner), then type-checks it and runs the test it comes with.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const root = join(repo, '.tmp', `new-service-${randomBytes(4).toString('hex')}`);
const name = 'sample';

before(async () => {
  mkdirSync(join(root, 'node_modules/@emporium'), { recursive: true });
  cpSync(join(repo, 'packages/contracts'), join(root, 'packages/contracts'), { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/test') });
  // Another version, so the type checker does not merge this copy with the real package (same name@version).
  const packageJson = join(root, 'packages/contracts/package.json');
  writeFileSync(packageJson, readFileSync(packageJson, 'utf8').replace('"version": "0.1.0"', '"version": "0.0.0-copy"'));
  // The generated service imports its manifest from @emporium/contracts: this copy, with it listed.
  symlinkSync(join(root, 'packages/contracts'), join(root, 'node_modules/@emporium/contracts'), 'dir');
  await createService(root, name);
});
after(() => rmSync(root, { recursive: true, force: true }));

test('the service is listed once, with the next free port, in the start order and the deploy files', async () => {
  const copy = (await import(pathToFileURL(join(root, 'packages/contracts/src/index.ts')).href)) as typeof Contracts;
  const manifest = copy.manifestOf(name);
  assert.equal(manifest.port, Math.max(...serviceManifests.map((m) => m.port)) + 1);
  assert.equal(manifest.status, 'running');
  assert.deepEqual(copy.accessRulesOf().filter((r) => r.path.startsWith(`/${name}`)), [{ methods: '*', path: `/${name}/**`, access: 'authenticated' }]);
  assert.ok(copy.startOrder().includes(name));
  assert.equal(copy.startOrder().at(-1), 'gateway');
  const files = deployFiles(copy.serviceManifests);
  assert.match(files[`k8s/${name}.yaml`]!, new RegExp(`containerPort: ${manifest.port}`));
  assert.match(files['compose.yaml']!, new RegExp(`\\n  ${name}:\\n`));
});

test('it type-checks with the rest of the contracts', () => {
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ extends: join(repo, 'tsconfig.json'), include: ['services/*/src', 'services/*/test', 'packages/contracts/src'] }));
  const tsc = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

test('its own test passes: it starts, migrates and answers its example route', () => {
  // Without NODE_TEST_CONTEXT the child reports in TAP on stdout rather than to this runner.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', join(root, `services/${name}/test/${name}.test.ts`)], { encoding: 'utf8', cwd: repo, env });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /# pass 3/);
});

test('names that cannot be a service, or one that exists, are refused without writing anything', async () => {
  await assert.rejects(createService(root, 'Bad-Name'), /not a service name/);
  await assert.rejects(createService(root, name), /exists already/);
  await assert.rejects(createService(root, 'cart'), /exists already|has a manifest already/);
  assert.equal(existsSync(join(root, 'services/Bad-Name')), false);
  assert.equal(readFileSync(join(root, 'packages/contracts/src/services/index.ts'), 'utf8').split(`${name}Manifest,`).length, 2);
});
