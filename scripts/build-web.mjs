// Builds the web app (web/dist) when its sources changed since the last build, so `npm start` and
// `npm test` always serve a current build without rebuilding every time. Run by prestart/pretest.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const web = new URL('../web/', import.meta.url).pathname;
const stampFile = join(web, 'dist', '.build-stamp');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((entry) => files(join(path, entry)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap((input) => files(join(web, input)))) hash.update(file).update(readFileSync(file));
const stamp = hash.digest('hex');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(web, 'dist', 'index.html'))) {
  process.exit(0);
}
console.log('Building the web app (web/dist)…');
const started = Date.now();
const result = spawnSync('npm', ['run', 'build', '--silent', '--', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampFile, stamp);
console.log(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
