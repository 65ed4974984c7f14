// Section 6: a repeat visit once the service worker controls the page. After a first visit has
// installed it (and it has precached the build), the page is reloaded and the bytes that cross
// the network are counted twice: by the proxy in front of the server (every byte the server
// sent, whoever asked: page, service worker or browser) and by CDP for the page's own requests.
import { log, table, int, ready } from './lib.mjs';
import { firstVisit } from './transfer.mjs';

export async function repeatSection({ browser, server, briefId }) {
  log('section 6: repeat visit with the service worker');
  const url = `${server.base}/briefs/${briefId}`;
  const visit = await firstVisit(browser, server, url);
  const { page, context, cdp } = visit;
  const requests = new Map();
  const track = (session) => {
    session.on('Network.responseReceived', (e) => {
      requests.set(e.requestId, { url: new URL(e.response.url).pathname, fromServiceWorker: !!e.response.fromServiceWorker, bytes: 0 });
    });
    session.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  };
  track(cdp);

  const rows = [];
  const data = [];
  for (const [name, open] of [
    ['Reload', async () => { await page.reload(); return page; }],
    ['New tab, same address', async () => {
      const tab = await context.newPage();
      const session = await context.newCDPSession(tab);
      await session.send('Network.enable');
      track(session);
      await tab.goto(url);
      return tab;
    }],
  ]) {
    requests.clear();
    server.reset();
    const shown = await open();
    await ready(shown);
    await shown.waitForTimeout(2000);
    const list = [...requests.values()];
    const viaSw = list.filter((r) => r.fromServiceWorker).length;
    const pageBytes = list.filter((r) => !r.fromServiceWorker).reduce((n, r) => n + r.bytes, 0);
    const { bytes, requests: reached } = server.counter;
    rows.push([name, int(bytes), String(reached.length), reached.join(', ') || '—', `${viaSw} of ${list.length}`, int(pageBytes)]);
    data.push({ name, server_bytes: bytes, server_requests: [...reached], cdp_requests: list });
  }
  await context.close();
  const reached = data.flatMap((d) => d.server_requests);
  const onlySw = reached.length > 0 && reached.every((r) => r === 'GET /sw.js');
  const verdict = reached.length === 0
    ? 'Nothing reached the server: 0 bytes.'
    : onlySw
      ? `The app's own files all came from the service worker's cache. The only request on the network is the browser's update check for /sw.js, which it makes on each navigation, bypassing the HTTP cache (scripts/serve.mjs sends sw.js with \`no-cache\`); the update banner depends on it. To reach 0 the check would have to be cached (e.g. \`max-age\` on sw.js with \`updateViaCache: 'all'\`), delaying updates.`
      : `Requests reached the server: ${[...new Set(reached)].join(', ')}.`;
  const markdown = [
    `A first visit to \`/briefs/${briefId}\` in a fresh profile, then waiting until the service worker controls the page and has precached the build. Then the page is reloaded, and the same address is opened in a new tab. **Network bytes** are every byte the server sent, counted by a TCP proxy in front of it, so requests from the page, the service worker and the browser itself all count. The CDP columns are the page’s own view of its requests: how many were answered by the service worker, and the bytes of any that were not. Target: 0 bytes.`,
    '',
    table(['Visit', 'Network bytes', 'Requests reaching the server', 'Which', 'Page responses from the SW (CDP)', 'Page bytes not from the SW (CDP)'], rows),
    '',
    verdict,
  ].join('\n');
  return { markdown, data };
}
