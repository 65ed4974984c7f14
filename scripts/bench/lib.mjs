// Shared pieces of the benchmark: statistics, markdown tables, running commands, serving a
// build behind a byte-counting proxy, launching Debian's Chromium, and timing an action inside
// the page from the click to the next frame after the page has changed.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const OUT = `${ROOT}/target/bench`;
export const CHROMIUM = '/usr/bin/chromium';
export const QUICK = process.env.BENCH_QUICK === '1';

/// The flags the end-to-end tests give Chromium (playwright.config.ts).
export const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--no-sandbox',
];

const started = Date.now();
/// Progress goes to stderr, so stdout carries only the report.
export function log(...words) {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.error(`[bench ${s}s]`, ...words);
}

// ---- numbers ----

/// The value at quantile `q` (0..1) of `xs`, by the nearest-rank method.
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/// Median, p95 and the count, as a JSON-friendly object.
export const summary = (xs) => ({ n: xs.length, median: median(xs), p95: quantile(xs, 0.95), max: Math.max(...xs) });

export const ms = (x) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-GB')) + ' ms' : 'n/a');
export const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-GB') : 'n/a');
export const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1000).toFixed(1) + ' KB' : 'n/a');
export const pct = (x) => (Number.isFinite(x) ? (x * 100).toFixed(1) + '%' : 'n/a');

/// Sizes of a file's bytes as a static host serves them: raw, gzip -9, brotli 11 (as serve.mjs).
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
export const fileSizes = (path) => sizes(readFileSync(path));

// ---- markdown ----

/// A markdown table; numbers are right-aligned.
export function table(headers, rows) {
  // A column is right-aligned when every non-empty cell is a number (bold, ≈ or a unit allowed).
  const numeric = (cell) => /^(\*\*)?[-≈~]?[\d.,]+( ?(ms|KB|%|×))?(\*\*)?$|^n\/a$/.test(cell);
  const right = headers.map((_, i) => rows.some((r) => String(r[i] ?? '') !== '') && rows.every((r) => String(r[i] ?? '') === '' || numeric(String(r[i]))));
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), `|${right.map((r) => (r ? '---:' : '---')).join('|')}|`, ...rows.map(line)].join('\n');
}

// ---- processes ----

/// Runs a command, streaming its output to stderr; resolves with its stdout.
export function run(cmd, args, { env = {}, cwd = ROOT, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; if (!quiet) process.stderr.write(d); });
    child.stderr.on('data', (d) => { err += d; if (!quiet) process.stderr.write(d); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${err.slice(-3000)}`))));
  });
}
/// Like `run`, but resolves with stdout and stderr and never echoes.
export function capture(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => resolve({ code: -1, out, err: String(e) }));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

// ---- serving ----

/// Serves `dir` with scripts/serve.mjs on a free port, behind a proxy that counts every byte the
/// server sends and every request line the browser sends, whichever tab or worker sends it.
export async function serve(dir) {
  const server = spawn('node', ['scripts/serve.mjs', dir, '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave a server behind, even if the benchmark stops with an error.
  const stopServer = () => server.kill();
  process.on('exit', stopServer);
  const upstream = await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (d) => {
      seen += d;
      const found = seen.match(/at http:\/\/([0-9.]+):(\d+)/);
      if (found) resolve({ host: found[1], port: Number(found[2]) });
    });
    server.stderr.on('data', (d) => process.stderr.write(d));
    server.on('exit', (code) => reject(new Error(`serve.mjs ${dir} stopped (${code})`)));
  });
  const counter = { bytes: 0, requests: [] };
  const sockets = new Set();
  const proxy = createServer((client) => {
    const up = connect(upstream.port, upstream.host);
    sockets.add(client);
    sockets.add(up);
    client.on('data', (d) => {
      for (const m of String(d).matchAll(/(?:^|\r\n)(GET|HEAD|POST) (\S+) HTTP\/1\.[01]\r\n/g)) counter.requests.push(`${m[1]} ${m[2]}`);
    });
    up.on('data', (d) => { counter.bytes += d.length; });
    client.pipe(up);
    up.pipe(client);
    const close = () => { client.destroy(); up.destroy(); sockets.delete(client); sockets.delete(up); };
    client.on('error', close);
    up.on('error', close);
    client.on('close', close);
    up.on('close', close);
  });
  const port = await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy.address().port)));
  return {
    base: `http://127.0.0.1:${port}`,
    counter,
    reset() { counter.bytes = 0; counter.requests = []; },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(resolve));
      server.kill();
      process.off('exit', stopServer);
    },
  };
}

// ---- the browser ----

export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/// Waits until the app has mounted: the loading line is gone and a heading is shown.
/// Waits until the page is shown; unless `{ touch: false }`, touches it (as a person's first
/// tap would, which is when a read page loads its code) and waits until the app has taken it
/// over.
export async function ready(page, { touch = true } = {}) {
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  if (!touch) return;
  await page.evaluate(() => {
    if (document.getElementById('app')?.dataset.hydrate === 'touch') dispatchEvent(new Event('pointerdown'));
  });
  await page.waitForFunction(() => window.__toolkitStarted === true, null, { timeout: 60_000 });
}

/// Waits until a service worker controls the page and has finished installing (precaching).
export async function serviceWorkerControls(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/// Does `act` inside the page and times it: from just before the action until the page shows
/// what `until` describes ({h1: text it has}, {h1Not: text it had}, {count: {selector, atLeast}},
/// {text: text anywhere in `main`}),
/// then to the next animation frame. `act` is {click: selector, text?: text the element has}.
/// Returns { dom, frame } in milliseconds.
export async function timeInPage(page, act, until, timeout = 30_000) {
  return page.evaluate(async ({ act, until, timeout }) => {
    const main = document.querySelector('main') || document.body;
    const met = () => {
      const h1 = document.querySelector('main h1')?.textContent;
      if (until.h1 !== undefined && !(h1 || '').includes(until.h1)) return false;
      if (until.h1Not !== undefined && (h1 === undefined || h1 === until.h1Not)) return false;
      if (until.count) {
        if (document.querySelectorAll(until.count.selector).length < until.count.atLeast) return false;
      }
      if (until.text && !main.textContent.includes(until.text)) return false;
      return true;
    };
    const target = [...document.querySelectorAll(act.click)].find((el) => !act.text || el.textContent.trim().startsWith(act.text));
    if (!target) throw new Error(`nothing to click: ${act.click} ${act.text || ''}`);
    let observer;
    const shown = new Promise((resolve, reject) => {
      observer = new MutationObserver(() => { if (met()) resolve(performance.now()); });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => reject(new Error(`timed out waiting for ${JSON.stringify(until)}`)), timeout);
    });
    const t0 = performance.now();
    target.click();
    const dom = met() ? performance.now() : await shown;
    observer.disconnect();
    const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    return { dom: dom - t0, frame: frame - t0 };
  }, { act, until, timeout });
}
