// The toolkit's service worker: after one online visit, every page works offline.
// scripts/postbuild.mjs replaces the two placeholders below with this build's version and the
// list of every file in the build, so nothing here is typed by hand.
const VERSION = '__BUILD_VERSION__';
const FILES = __PRECACHE_FILES__;
const CACHE = `toolkit-${VERSION}`;

// The file holding the page at `path`: its own, every note's page for /notes/<id>, or the
// not-found page (as scripts/serve.mjs and a static host answer).
function pageFile(path) {
  const clean = path.replace(/\/+$/, '');
  const own = `${clean}/index.html`;
  if (FILES.includes(own)) return own;
  if (/^\/notes\/[^/]+$/.test(clean)) return '/notes/_note/index.html';
  return '/404.html';
}

self.addEventListener('install', (event) => {
  // Precache the whole build. The new worker then waits: the page offers "Reload" and only a
  // person's click swaps versions, never in the middle of typing.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('toolkit-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page was written at build time: serve this build's copy of it, online or offline.
    event.respondWith(caches.open(CACHE).then(async (cache) =>
      (await cache.match(pageFile(url.pathname))) || fetch(request)));
    return;
  }
  // Hashed files never change: cache first, then the network.
  event.respondWith(caches.open(CACHE).then(async (cache) =>
    (await cache.match(request)) || fetch(request)));
});
