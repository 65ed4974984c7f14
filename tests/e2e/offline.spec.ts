// Offline and installable: after one online visit every page works offline, a new build is
// offered as an update and applied only when the person presses Reload, and the manifest makes
// the app installable. Each test serves its own copy of the build, so it can change it.
import { test, expect, ready, expectNoAxeViolations, prerenderedPages } from './helpers';
import { spawn, ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const DIST = process.env.DIST || 'dist';

/// Serves a copy of the build on a free port, with the same server as `make serve`.
async function serveCopy(): Promise<{ dir: string; server: ChildProcess; base: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'toolkit-offline-'));
  cpSync(DIST, dir, { recursive: true });
  const server = spawn('node', ['scripts/serve.mjs', dir, '0'], { stdio: 'pipe' });
  const base = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (d) => {
      const found = String(d).match(/at (http:\/\/[0-9.:]+)/);
      if (found) resolve(found[1]);
    });
    server.on('exit', () => reject(new Error('server stopped')));
  });
  return { dir, server, base };
}

async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one online visit, every route and an unopened brief work offline', async ({ page, context }) => {
  test.setTimeout(120_000);
  const { dir, server, base } = await serveCopy();
  try {
    await page.goto(`${base}/`);
    await ready(page);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    for (const [path, heading] of [
      ['/', 'Learning from safeguarding reviews'], ['/briefs', 'Learning briefs'], ['/themes', 'Themes'],
      ['/briefs/jtai-neglect', 'Joint Targeted Area Inspection'], ['/guide', 'Review guide'],
      ['/guide/review-threshold/steps', 'How a review happens'], ['/notes', 'My notes'], ['/about', 'About this toolkit'],
      ['/glossary', 'Glossary'], ['/not-a-page', 'Page not found'],
      ['/briefs/child-e/discuss', 'Child E'], ['/briefs/child-e/handout', 'Child E'],
    ]) {
      await page.goto(`${base}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    }
    // Every page the build wrote, each its own page, reloaded offline; and the app's code still
    // takes one over.
    for (const path of prerenderedPages(dir)) {
      await page.goto(`${base}${path}`);
      await expect(page.locator('main h1')).toBeVisible();
      await page.reload();
      await expect(page.locator('main h1')).toBeVisible();
      expect(await page.evaluate(() => document.getElementById('app')?.dataset.path)).toBeTruthy();
    }
    await page.goto(`${base}/briefs/child-b`);
    await ready(page);
    await expect(page.getByText('0 of 4 next steps done')).toBeVisible();
  } finally {
    await context.setOffline(false);
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a new build is offered as an update and applied only on Reload', async ({ page }) => {
  // Two service-worker installs, each precaching the whole build, plus axe: on two busy cores
  // this took longer than the default 30 s once.
  test.setTimeout(90_000);
  const { dir, server, base } = await serveCopy();
  try {
    await page.goto(`${base}/briefs`);
    await ready(page);
    await waitForServiceWorker(page);
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);
    // A second build: the post-build step gives it a new version in sw.js.
    const swPath = join(dir, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const version = sw.match(/const VERSION = '([0-9a-f]+)'/)![1];
    writeFileSync(swPath, sw.replace(`'${version}'`, `'${version.split('').reverse().join('')}'`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByText('A new version of the toolkit is available.');
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page, 'update banner');
    // Nothing has swapped yet: the old version still controls the page and its cache is kept.
    expect(await page.evaluate(() => caches.keys())).toContain(before[0]);
    await page.getByRole('searchbox').fill('typing is not interrupted');
    await page.waitForTimeout(500);
    await expect(page.getByRole('searchbox')).toHaveValue('typing is not interrupted');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await ready(page);
    await expect(banner).toBeHidden();
    await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain(before[0]);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the manifest is valid and the app is installable', async ({ page, baseURL }) => {
  await page.goto('/');
  await ready(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await page.request.get(`${baseURL}${href}`);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Safeguarding learning toolkit', display: 'standalone', start_url: '/' });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  for (const icon of manifest.icons) {
    const png = await page.request.get(`${baseURL}${icon.src}`);
    expect(png.ok(), icon.src).toBe(true);
    expect(png.headers()['content-type']).toBe('image/png');
  }
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  // Chromium's own check: the installability errors it reports for this page.
  const cdp = await page.context().newCDPSession(page);
  await waitForServiceWorker(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, which Chromium reports by itself; every other
  // installability criterion (manifest, icons, service worker, secure origin) must pass.
  const errors = installabilityErrors.map((e: { errorId: string }) => e.errorId);
  expect(errors.filter((id: string) => id !== 'in-incognito')).toEqual([]);
});
