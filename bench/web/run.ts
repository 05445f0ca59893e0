/**
 * Web app budgets: build time, the JavaScript the first page loads (gzipped), and the time from
 * navigation to the first product list in Chromium on loopback, against the platform with the demo
 * catalog. `npm run bench:web`; BENCH_RUNS (default 7) page loads, median and worst reported.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { TestPlatform } from '@emporium/kit/testing';
import { platformServices } from '../../scripts/platform-services.ts';
import { launchBrowser, newContext } from '../../web/test/browser.ts';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const web = new URL('../../web/', import.meta.url).pathname;
const outDir = mkdtempSync(join(tmpdir(), 'emporium-web-'));

const started = performance.now();
const build = spawnSync('npm', ['run', 'build', '--silent', '--', '--outDir', outDir, '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const buildSeconds = (performance.now() - started) / 1000;

// What index.html makes the browser fetch before the first render: the entry script and its preloads.
const index = readFileSync(join(outDir, 'index.html'), 'utf8');
const scripts = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gzipped = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(outDir, path))).length, 0);

const platform = await TestPlatform.start(await platformServices(), {
  env: { catalog: { SEED_DEMO: '1' }, inventory: { SEED_DEMO: '1' }, gateway: { WEB_DIST_DIR: outDir, RATE_LIMIT_MAX: '100000' } },
});
const browser = await launchBrowser();
const timings: number[] = [];
try {
  for (let i = 0; i <= runs; i++) {
    const context = await newContext(browser, platform.url('gateway'));
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto('/products');
    await page.getByTestId('product-list').waitFor();
    if (i > 0) timings.push(performance.now() - t0); // the first load warms the services' caches
    await context.close();
  }
} finally {
  await browser.close();
  await platform.stop();
  rmSync(outDir, { recursive: true, force: true });
}
timings.sort((a, b) => a - b);
console.log(`build: ${buildSeconds.toFixed(1)} s`);
console.log(`first-page JavaScript: ${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
console.log(`time to first product list (cold browser profile, ${timings.length} loads): median ${timings[Math.floor(timings.length / 2)]!.toFixed(0)} ms, worst ${timings.at(-1)!.toFixed(0)} ms`);
