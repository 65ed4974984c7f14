//! The pure core of the toolkit: content model, guide engine, search, notes store, the notes
//! lock's stored form, and dates.
//!
//! Nothing under `domain` may use a browser or UI crate (leptos, web-sys, js-sys, gloo,
//! wasm-bindgen): `tests/architecture.rs` enforces that, so all of it is tested on the host
//! with plain `cargo test`.

pub mod base64;
pub mod bundle;
pub mod content;
pub mod discussion;
pub mod exit_shortcut;
pub mod guide;
pub mod guide_walk;
pub mod handout;
pub mod identifying;
pub mod kv;
pub mod lock;
pub mod next_steps;
pub mod notes;
pub mod order;
pub mod qr;
pub mod query_string;
pub mod routes;
pub mod search;
pub mod site;
pub mod text;
pub mod theme_matrix;
pub mod workdays;
