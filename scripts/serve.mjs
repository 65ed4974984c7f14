// Serves a built dist/ folder the way a static host would: files as they are, each page's own
// index.html for its address, every note's page for /notes/<id>, the not-found page (status
// 404) for any other address, brotli or gzip when the browser accepts it, long caching for
// hashed files. Usage: node scripts/serve.mjs [dir] [port] [host]
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { promisify } from 'node:util';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const root = normalize(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8080);
const host = process.argv[4] || '127.0.0.1';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);
const cache = new Map();

async function resolve(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep) && file !== root) return null;
  const isFile = async (f) => { try { return (await stat(f)).isFile(); } catch { return false; } };
  if (await isFile(file)) return { file, status: 200 };
  if (extname(path)) return undefined;
  // A page of the app: its own file, every note's page, or the not-found page.
  const own = join(file, 'index.html');
  if (await isFile(own)) return { file: own, status: 200 };
  if (/^\/notes\/[^/]+\/?$/.test(path)) return { file: join(root, 'notes', '_note', 'index.html'), status: 200 };
  return { file: join(root, '404.html'), status: 404 };
}

// Compressed copies are kept in memory, keyed by modification time so a rebuild is served.
// Brotli at its best quality takes seconds for the wasm, so every file is compressed once,
// before the server starts answering, as a static host compresses at deploy time.
async function encoded(file, encoding) {
  const { mtimeMs } = await stat(file);
  const key = `${file}|${encoding}|${mtimeMs}`;
  if (!cache.has(key)) {
    cache.set(key, readFile(file).then((raw) =>
      encoding === 'br' ? brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : encoding === 'gzip' ? gzipAsync(raw, { level: 9 }) : raw));
  }
  return cache.get(key);
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

const server = createServer(async (req, res) => {
  const found = await resolve(req.url || '/');
  if (!found) {
    res.writeHead(found === null ? 400 : 404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(found === null ? 'Bad request' : 'Not found');
    return;
  }
  const { file, status } = found;
  const ext = extname(file);
  const accepts = String(req.headers['accept-encoding'] || '');
  const encoding = !compressible.has(ext) ? null : accepts.includes('br') ? 'br' : accepts.includes('gzip') ? 'gzip' : null;
  const body = await encoded(file, encoding);
  const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file);
  const headers = {
    'content-type': types[ext] || 'application/octet-stream',
    'content-length': body.length,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'accept-encoding',
  };
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});

const files = (await filesUnder(root)).filter((f) => compressible.has(extname(f)));
await Promise.all(files.flatMap((f) => [encoded(f, 'br'), encoded(f, 'gzip')]));

server.listen(port, host, () => {
  // Port 0 asks the system for a free port; say which one was given.
  console.log(`Serving ${root} at http://${host}:${server.address().port} (press Ctrl+C to stop)`);
});
