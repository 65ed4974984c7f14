//! App-wide state, provided once at the root: small `Copy` handles with named commands.

use leptos::prelude::*;

use crate::domain::content::Library;

/// Read access to the bundled content; more state (notes) joins it as issues land.
#[derive(Clone, Copy)]
pub struct AppState {
    library: &'static Library,
}

impl AppState {
    /// The bundled, build-checked content.
    pub fn library(&self) -> &'static Library {
        self.library
    }
}

/// Provides the app state to every component below the root.
pub fn provide_state() {
    provide_context(AppState {
        library: crate::domain::bundle::library(),
    });
}

/// The app state provided at the root.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
