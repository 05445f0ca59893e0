import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AccessRule, ServiceManifest } from '@emporium/contracts';
import { manifestFile, serviceFiles } from './templates.ts';

/** Lower-case letters and digits: the name is also a URL segment, a database name and an env prefix (`<NAME>_URL`). */
export const serviceNamePattern = /^[a-z][a-z0-9]{1,30}$/;

const LIST_MARKER = '  // new services above this line';

/**
 * Creates services/<name>/ from the template and its manifest, and adds the manifest to the one
 * list (packages/contracts/src/services/index.ts) under `root`. A service the design already plans
 * keeps its reserved port and access rules. Returns the files written.
 */
export async function createService(root: string, name: string): Promise<string[]> {
  if (!serviceNamePattern.test(name)) throw new Error(`"${name}" is not a service name: 2 to 31 lower-case letters and digits, starting with a letter`);
  const manifestsDir = join(root, 'packages/contracts/src/services');
  const serviceDir = join(root, 'services', name);
  const manifestPath = join(manifestsDir, `${name}.ts`);
  if (existsSync(serviceDir) || existsSync(manifestPath)) throw new Error(`${name} exists already (services/${name} or its manifest)`);

  // Imported under a query: whoever imports the list after the edit below gets the new one, not this copy.
  const { serviceManifests } = (await import(`${pathToFileURL(join(manifestsDir, 'index.ts')).href}?before=${name}`)) as { serviceManifests: readonly ServiceManifest[] };
  const existing = serviceManifests.find((m) => m.name === name);
  if (existing && existing.status !== 'planned') throw new Error(`${name} has a manifest already`);
  const port = existing?.port ?? Math.max(...serviceManifests.map((m) => m.port)) + 1;
  const access: readonly AccessRule[] = existing?.access ?? [{ methods: '*', path: `/${name}/**`, access: 'authenticated' }];

  const written: string[] = [];
  const write = (path: string, content: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written.push(path);
  };
  for (const [path, content] of Object.entries(serviceFiles({ name, port, access }))) write(join(serviceDir, path), content);
  write(manifestPath, manifestFile({ name, port, access }));

  const indexPath = join(manifestsDir, 'index.ts');
  const index = readFileSync(indexPath, 'utf8');
  if (!index.includes(LIST_MARKER)) throw new Error(`${indexPath} has no "${LIST_MARKER.trim()}" line`);
  const withImport = insertAfterLast(index, '\nimport ', `import { ${name}Manifest } from './${name}.ts';\n`);
  const withExport = insertAfterLast(withImport, '\nexport * from ', `export * from './${name}.ts';\n`);
  writeFileSync(indexPath, withExport.replace(LIST_MARKER, `  ${name}Manifest,\n${LIST_MARKER}`));
  written.push(indexPath);
  return written;
}

/** `text` with `line` inserted after the last line starting with `start` (given with its leading newline). */
function insertAfterLast(text: string, start: string, line: string): string {
  const at = text.indexOf('\n', text.lastIndexOf(start) + 1) + 1;
  return text.slice(0, at) + line + text.slice(at);
}
