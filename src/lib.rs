//! The safeguarding learning toolkit: a browser-only app for practitioners who work with children.
//!
//! The tree shows the split:
//! - `domain`: the pure core, tested on the host with plain `cargo test`;
//! - `app`, `pages`, `components`, `router`, `state`: the UI, compiled both natively (feature
//!   `ssr`: `bin/prerender.rs` renders every page to HTML at build time) and for the browser
//!   (feature `hydrate`: the wasm takes over those pages);
//! - `browser`: the browser edge (storage, page events, service worker, files, Exit this page,
//!   the address bar), built for wasm32 only; the UI reaches it through `edge`.

pub mod domain;

#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod app;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod components;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod edge;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod pages;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod router;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod state;

#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
pub mod browser;
