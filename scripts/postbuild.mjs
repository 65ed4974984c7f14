// Trunk post-build hook. Runs in trunk's staging directory (TRUNK_STAGING_DIR) before it is
// moved to dist/. In order:
// 1. Replaces trunk's start-up script (and its preload links) with the page loader below, a
//    small inline script allowed by its hash in the Content-Security-Policy: it loads the app's
//    code at once (pages that show the notes, which also preload it), after the page has
//    painted, or, on pages that are read rather than used (a brief), only when the person
//    touches the page or scrolls to the part that needs it.
// 2. Renders every page to HTML with the native build of the same components
//    (src/bin/prerender.rs), one file per address.
// 3. Writes the build's file list and version into the service worker.
import { readFileSync, writeFileSync, readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set; run this through trunk');
  process.exit(1);
}
const fail = (message) => {
  console.error(`postbuild: ${message}`);
  process.exit(1);
};
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 1. The loader.
const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found || found[0].includes(' src=')) fail('trunk\'s inline module script was not found in index.html');
const jsPath = found[1].match(/from\s+'([^']+)'/)?.[1];
const wasmPath = found[1].match(/module_or_path:\s*'([^']+)'/)?.[1];
if (!jsPath || !wasmPath) fail('could not read the module and wasm paths from trunk\'s script');
html = html.replace(found[0], '')
  // Trunk preloads the code on every page; pages load it themselves, when they need it.
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*as="fetch"[^>]*>/g, '');
const loader = readFileSync(new URL('./loader.js', import.meta.url), 'utf8')
  .split('\n').filter((line) => !line.trim().startsWith('//')).join('\n')
  .replaceAll('__APP_JS__', jsPath)
  .replaceAll('__APP_WASM__', wasmPath)
  .trim();
const loaderHash = createHash('sha256').update(loader).digest('base64');
// In the head, so the page is marked as able to run scripts before it paints.
html = html.replace('</head>', `<script>${loader}</script>\n</head>`);
// Pages that start at once fetch the code from the start of their head; the renderer
// (src/bin/prerender.rs) takes these links out of every other page.
if (!html.includes('<title>')) fail('the shell has no <title> to put the preload links before');
html = html.replace('<title>', `<link rel="preload" href="${wasmPath}" as="fetch" crossorigin data-preload>\n  `
  + `<link rel="modulepreload" href="${jsPath}" data-preload>\n  <title>`);
const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval')/;
if (!csp.test(html)) fail('the Content-Security-Policy has no script-src to allow the loader in');
html = html.replace(csp, `$1 'sha256-${loaderHash}'`);
if ((html.match(/<script\b/g) || []).length !== 1) fail('a script other than the loader is left in index.html');
console.log(`postbuild: page loader in place (sha256-${loaderHash})`);

// 2. Every page, rendered from the same components. The renderer must be built with the same
// cfg flags as the wasm (.cargo/config.toml), so no RUSTFLAGS from the environment.
const shellDir = mkdtempSync(join(tmpdir(), 'toolkit-shell-'));
const shellPath = join(shellDir, 'shell.html');
writeFileSync(shellPath, html);
const env = { ...process.env };
delete env.RUSTFLAGS;
delete env.CARGO_ENCODED_RUSTFLAGS;
delete env.CARGO_BUILD_TARGET;
try {
  execFileSync('cargo', ['run', '--quiet', '--offline', '--features', 'ssr', '--bin', 'prerender', '--', dir, shellPath],
    { stdio: 'inherit', env, cwd: process.env.TRUNK_SOURCE_DIR || process.cwd() });
} catch {
  fail('rendering the pages failed (see above)');
} finally {
  rmSync(shellDir, { recursive: true, force: true });
}

// 3. The service worker's list: every file in the build, and a version that changes with any.
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
if (!sw.includes('__BUILD_VERSION__') || !sw.includes('__PRECACHE_FILES__')) fail('sw.js has no placeholders to fill');
const buildVersion = version.digest('hex').slice(0, 16);
sw = sw.replace('__BUILD_VERSION__', buildVersion).replace('__PRECACHE_FILES__', JSON.stringify(files));
writeFileSync(swPath, sw);
console.log(`postbuild: service worker ${buildVersion} precaches ${files.length} files`);
