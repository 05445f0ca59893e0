import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run), driven by playwright-core. */
export const chromiumPath = '/usr/bin/chromium';
export const artifactsDir = new URL('../../artifacts/web/', import.meta.url).pathname;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/**
 * A fresh browser profile (its own storage) on the gateway. Requests off this machine (the demo
 * catalog's image URLs) are refused at once, so the pages show their image placeholders.
 */
export async function newContext(browser: Browser, baseURL: string, locale = 'en-US'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: desktop, locale });
  context.setDefaultTimeout(30_000);
  await context.route((url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost', (route) => route.abort());
  return context;
}

/** Full-page screenshots at desktop and phone width, saved as test artifacts (not committed). */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: `${artifactsDir}${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(phone);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))); // laid out anew
  await page.screenshot({ path: `${artifactsDir}${name}-phone.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }

/** axe-core's serious and critical violations (WCAG 2.x A/AA rules) on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
