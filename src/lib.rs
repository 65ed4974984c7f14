//! The safeguarding learning toolkit: a browser-only app for practitioners who work with children.
//!
//! `domain` is the pure core, tested on the host. Everything else runs only in the browser:
//! `storage` and `exit` are the thin edges that touch browser APIs, `app` holds the router and
//! layout, `pages` has one file per route and `components` the shared pieces.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod exit;
#[cfg(target_arch = "wasm32")]
pub mod notes_sync;
#[cfg(target_arch = "wasm32")]
pub mod offline;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
