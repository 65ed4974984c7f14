// Section 1: what a first visit transfers. Every file of the build with its raw, gzip and
// brotli size (the prerendered pages as one row), which of them a brief page fetched before it
// was touched, the bytes the browser reports (CDP encodedDataLength) and the server sent for
// the whole first visit (counted by the proxy, the service worker's precache included).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { OUT, log, fileSizes, table, int, kb, ready, serviceWorkerControls } from './lib.mjs';

/// What a brief may fetch before it is touched (issue 15).
export const TARGET_BROTLI = 60_000;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const KINDS = { '.html': 'HTML', '.js': 'JS', '.wasm': 'wasm', '.css': 'CSS', '.webmanifest': 'manifest', '.svg': 'icon', '.png': 'icon' };
function kindOf(path) {
  if (/\/sw\.js$/.test(path)) return 'service worker';
  if (/_bg\.wasm$/.test(path)) return 'wasm (app + content)';
  if (/\.js$/.test(path)) return 'JS glue';
  return KINDS[extname(path)] || 'other';
}

/// Visits `url` in a fresh context and records what the page fetched and the server sent.
export async function firstVisit(browser, server, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => {
    requests.set(e.requestId, { url: e.response.url, status: e.response.status, fromServiceWorker: !!e.response.fromServiceWorker, fromCache: !!e.response.fromDiskCache, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  server.reset();
  await page.goto(url);
  await ready(page, { touch: false });
  await page.waitForLoadState('load');
  await serviceWorkerControls(page);
  await page.waitForTimeout(1500);
  const result = { page, context, cdp, requests: [...requests.values()], serverBytes: server.counter.bytes, serverRequests: [...server.counter.requests] };
  return result;
}

export async function transferSection({ browser, server, dist, briefId, kept, dist10x }) {
  log('section 1: transfer size of a first visit');
  const visit = await firstVisit(browser, server, `${server.base}/briefs/${briefId}`);
  const { requests, serverBytes, serverRequests } = visit;
  await visit.context.close();

  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const precached = new Set(JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)?.[1] || '[]'));
  // A page's address is served from its own index.html.
  const fetchedPaths = new Set(requests.map((r) => {
    const path = new URL(r.url).pathname;
    if (existsSync(join(dist, path)) && statSync(join(dist, path)).isFile()) return path;
    return `${path.replace(/\/$/, '')}/index.html`;
  }));

  const files = filesUnder(dist)
    .map((path) => '/' + relative(dist, path))
    .filter((path) => path !== '/floor.html')
    .map((path) => ({ path, kind: kindOf(path), ...fileSizes(join(dist, path)), fetched: fetchedPaths.has(path), precached: precached.has(path) }))
    .sort((a, b) => Number(b.fetched) - Number(a.fetched) || b.brotli - a.brotli);
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const fetched = files.filter((f) => f.fetched);

  // The prerendered pages not fetched are one row, or the table would run to a hundred lines.
  const otherPages = files.filter((f) => f.kind === 'HTML' && !f.fetched);
  const listed = files.filter((f) => !(f.kind === 'HTML' && !f.fetched));
  const rows = listed.map((f) => [f.path, f.kind, int(f.raw), int(f.gzip), int(f.brotli), f.fetched ? 'yes' : '—', f.precached ? 'yes' : '—']);
  rows.push([`(${otherPages.length} other prerendered pages)`, 'HTML', int(sum(otherPages, 'raw')), int(sum(otherPages, 'gzip')), int(sum(otherPages, 'brotli')), '—',
    otherPages.every((f) => f.precached) ? 'yes' : 'some']);
  rows.push(['**Fetched by the page**', `${fetched.length} files`, int(sum(fetched, 'raw')), int(sum(fetched, 'gzip')), `**${int(sum(fetched, 'brotli'))}**`, '', '']);
  rows.push(['**Whole build**', `${files.length} files`, int(sum(files, 'raw')), int(sum(files, 'gzip')), int(sum(files, 'brotli')), '', '']);
  const content = [];
  for (const name of ['library', 'guides']) {
    if (kept[name]) {
      const s = fileSizes(kept[name]);
      content.push({ name: `${name}.json`, ...s });
      rows.push([`(content: ${name}.json, inside the wasm)`, 'content', int(s.raw), int(s.gzip), int(s.brotli), 'in wasm', '']);
    }
  }
  // The 10x build is made minutes later from the working tree as it is then, so its wasm is
  // only comparable when nobody changed the code in between; its content bundle always is.
  let wasm10x = null;
  let library10x = null;
  if (dist10x) {
    if (existsSync(`${OUT}/library-10x.json`)) {
      library10x = fileSizes(`${OUT}/library-10x.json`);
      rows.push(['(10× content: its library.json, for comparison)', 'content', int(library10x.raw), int(library10x.gzip), int(library10x.brotli), '—', '—']);
    }
    const w = readdirSync(dist10x).find((f) => f.endsWith('_bg.wasm'));
    if (w) {
      wasm10x = fileSizes(join(dist10x, w));
      rows.push(['(10× content: its wasm, built later from the tree as it was then)', 'wasm', int(wasm10x.raw), int(wasm10x.gzip), int(wasm10x.brotli), '—', '—']);
    }
  }

  const pageBytes = requests.reduce((n, r) => n + r.bytes, 0);
  const fetchedBrotli = sum(fetched, 'brotli');
  const buildBrotli = sum(files, 'brotli');
  const measured = [
    ['Files the brief fetched before it was touched, brotli (as served)', int(fetchedBrotli), `${(fetchedBrotli / TARGET_BROTLI).toFixed(2)}× the ${kb(TARGET_BROTLI)} target`],
    ['Browser: sum of CDP encodedDataLength for the page’s requests (bodies + headers)', int(pageBytes), `${requests.length} responses`],
    ['Server: every byte sent on the first visit, page and service worker precache (headers included)', int(serverBytes), `${serverRequests.length} requests; ${(serverBytes / buildBrotli).toFixed(2)}× the build’s brotli total (${int(buildBrotli)})`],
  ];
  const markdown = [
    `First visit to \`/briefs/${briefId}\` in a fresh Chromium profile, served by scripts/serve.mjs (brotli 11 precompressed), not touched: a brief loads the app’s code only when touched or when its notes part comes near the screen. Bytes; KB = 1,000 bytes. The content is compiled into the wasm and written into each prerendered page; its own size is listed for reference.`,
    '',
    table(['File', 'What', 'Raw', 'gzip -9', 'Brotli 11', 'Fetched by page', 'Precached by SW'], rows),
    '',
    table(['Measured on the first visit', 'Bytes', 'Note'], measured),
    '',
    `**Brotli total the brief fetched before it was touched: ${kb(fetchedBrotli)} against a target of ${kb(TARGET_BROTLI)} (${(fetchedBrotli / TARGET_BROTLI).toFixed(2)}×).** Once the page has loaded, the service worker fetches the rest of the build for offline use: the server total includes that, against the build’s brotli total.`,
  ].join('\n');
  return {
    markdown,
    data: {
      url: `/briefs/${briefId}`, target_brotli: TARGET_BROTLI, files, content, wasm_10x: wasm10x, library_10x: library10x,
      fetched_totals: { raw: sum(fetched, 'raw'), gzip: sum(fetched, 'gzip'), brotli: fetchedBrotli },
      build_totals: { raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: buildBrotli },
      server_to_build_brotli: serverBytes / buildBrotli,
      ratio_to_target: fetchedBrotli / TARGET_BROTLI,
      cdp_encoded_bytes: pageBytes, cdp_requests: requests, server_bytes: serverBytes, server_requests: serverRequests,
    },
  };
}
