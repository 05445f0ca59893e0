// Runs every test file (services/*/test, packages/*/test, scripts/test, e2e/, web/test) with node's test runner.
// Files run as many at a time as the machine has cores (at least two): each starts its own isolated platform.
// The timeout only guards against a hang (it also bounds a whole file); no test relies on it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';

function findTests(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (entry.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const roots = ['packages', 'services', 'scripts', 'e2e', 'web'].filter((r) => { try { return statSync(r).isDirectory(); } catch { return false; } });
const filter = process.argv.slice(2);
const files = roots.flatMap((r) => findTests(r)).filter((f) => filter.length === 0 || filter.some((p) => f.includes(p))).sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${Math.max(2, availableParallelism())}`, '--test-timeout=600000', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
