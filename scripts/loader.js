// The page loader, put inline in every page's <head> by scripts/postbuild.mjs (allowed by its
// hash in the Content-Security-Policy; whole-line comments are left out). The page is already
// whole HTML; this loads the app's code to take it over (`data-hydrate` on #app, from
// src/domain/site.rs says when):
// - `now`: as soon as the code is ready (pages that show the notes, painted until then as
//   "Loading your notes…"; their head preloads the code);
// - `paint`: straight after the first paint, with the code fetched while the page paints
//   (pages that are forms);
// - `touch`: only when the person touches the page or nears a part that needs it (pages that
//   are read, such as a brief).
// It also registers the service worker once the page has loaded.
(() => {
  // Scripts run: parts written for a browser that cannot run the app are hidden (styles.css).
  const root = document.documentElement;
  root.classList.add('js');
  // Shift presses before the code runs still count towards Exit this page (browser/exit.rs).
  const early = (window.__toolkitEarlyKeys = []);
  const remember = (e) => { if (!window.__toolkitStarted) early.push([e.key, e.shiftKey]); };
  addEventListener('keyup', remember, true);
  let started = false;
  // Pages that start after paint fetch the code while the page is being painted.
  let fetched = null;
  const start = () => {
    if (started) return;
    started = true;
    (fetched ? fetched.js : import('__APP_JS__'))
      .then((m) => m.default({ module_or_path: fetched ? fetched.wasm : '__APP_WASM__' }))
      .then(() => { window.__toolkitStarted = true; removeEventListener('keyup', remember, true); })
      .catch((error) => {
        root.classList.remove('js');
        const p = document.createElement('p');
        p.className = 'app__error';
        p.setAttribute('role', 'alert');
        p.textContent = 'Parts of this page need the toolkit\u2019s code, which could not start in this browser: your notes, search and the guide\u2019s questions. Everything else can still be read. Try reloading the page, or use an up-to-date browser.';
        const main = document.getElementById('main');
        if (main) main.prepend(p);
        throw error;
      });
  };
  const whenTouched = () => {
    for (const type of ['pointerdown', 'keydown', 'touchstart', 'focusin']) {
      addEventListener(type, start, { once: true, passive: true, capture: true });
    }
    const near = document.querySelectorAll('[data-hydrate-near]');
    if (near.length && 'IntersectionObserver' in window) {
      const seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { seen.disconnect(); start(); }
      }, { rootMargin: '600px 0px' });
      near.forEach((n) => seen.observe(n));
    }
  };
  // The first frame has been painted by the time a task queued from its animation frame runs.
  const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
  addEventListener('DOMContentLoaded', () => {
    const when = document.getElementById('app')?.dataset.hydrate;
    if (when === 'touch') whenTouched();
    else {
      // Compiled as it arrives, while the page paints (falling back to a plain fetch, which
      // the app's own start-up compiles, if the host sends the code with the wrong type).
      const wasm = fetch('__APP_WASM__');
      fetched = {
        js: import('__APP_JS__'),
        wasm: WebAssembly.compileStreaming
          ? WebAssembly.compileStreaming(wasm).catch(() => fetch('__APP_WASM__'))
          : wasm,
      };
      // An unhandled failure here is reported by start(), which uses the same promises.
      fetched.js.catch(() => {}); fetched.wasm.catch(() => {});
      if (when === 'now') start();
      else afterPaint();
    }
  }, { once: true });
  if ('serviceWorker' in navigator) {
    addEventListener('load', () => {
      navigator.serviceWorker.register('/sw.js').then((reg) => {
        // A new version is waiting: start the app, which offers to reload into it.
        const offer = () => { if (navigator.serviceWorker.controller) start(); };
        if (reg.waiting) offer();
        reg.addEventListener('updatefound', () => {
          const worker = reg.installing;
          if (worker) worker.addEventListener('statechange', () => { if (worker.state === 'installed') offer(); });
        });
      }, () => {});
    }, { once: true });
  }
})();
