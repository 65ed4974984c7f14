// Trunk post-build hook. Runs in trunk's staging directory (TRUNK_STAGING_DIR) before it is
// moved to dist/. It moves trunk's inline start-up <script type="module"> into boot-<hash>.js,
// so the page needs no inline script and the Content-Security-Policy can forbid it. The boot
// script also shows a plain message if the app cannot start.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set; run this through trunk');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found || found[0].includes(' src=')) {
  console.error('postbuild: trunk\'s inline module script was not found in index.html');
  process.exit(1);
}
// Trunk's script uses a static import, which cannot sit inside try/catch: rebuild it with a
// dynamic import so a failure to load can be shown to the person.
const jsPath = found[1].match(/from\s+'([^']+)'/)?.[1];
const wasmPath = found[1].match(/module_or_path:\s*'([^']+)'/)?.[1];
if (!jsPath || !wasmPath) {
  console.error('postbuild: could not read the module and wasm paths from trunk\'s script');
  process.exit(1);
}
const body = `try {
  const bindings = await import('${jsPath}');
  const wasm = await bindings.default({ module_or_path: '${wasmPath}' });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  const app = document.getElementById('app');
  if (app) {
    app.textContent = '';
    const p = document.createElement('p');
    p.className = 'app__error';
    p.setAttribute('role', 'alert');
    p.textContent = 'The toolkit could not start in this browser. Try reloading the page, or use an up-to-date browser with JavaScript turned on.';
    app.appendChild(p);
  }
  throw error;
}
`;
const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(dir, name), body);
html = html.replace(found[0], `<script type="module" src="/${name}"></script>`);
if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) {
  console.error('postbuild: an inline script is still left in index.html');
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`postbuild: moved the start-up script to ${name}`);

// Write this build's file list and version into the service worker, so it precaches exactly
// what was built and a new build replaces the old caches.
function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
const swPath = join(dir, 'sw.js');
const files = filesUnder(dir)
  .filter((path) => path !== swPath)
  .map((path) => '/' + relative(dir, path).split(sep).join('/'))
  .sort();
const version = createHash('sha256');
for (const url of files) version.update(url).update(readFileSync(join(dir, url)));
let sw = readFileSync(swPath, 'utf8');
if (!sw.includes('__BUILD_VERSION__') || !sw.includes('__PRECACHE_FILES__')) {
  console.error('postbuild: sw.js has no placeholders to fill');
  process.exit(1);
}
const buildVersion = version.digest('hex').slice(0, 16);
sw = sw.replace('__BUILD_VERSION__', buildVersion).replace('__PRECACHE_FILES__', JSON.stringify(files));
writeFileSync(swPath, sw);
console.log(`postbuild: service worker ${buildVersion} precaches ${files.length} files`);
