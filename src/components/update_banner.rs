//! "A new version is available": the banner the browser edge's service worker code raises when
//! a new build is installed and waiting. Versions swap only when the person presses Reload.

use leptos::prelude::*;

/// Whether a new version of the app is installed and waiting.
#[derive(Clone, Copy)]
pub struct Updates {
    waiting: RwSignal<bool>,
}

impl Updates {
    /// Provides the handle, with nothing waiting, and returns it.
    pub fn provide() -> Self {
        let updates = Updates {
            waiting: RwSignal::new(false),
        };
        provide_context(updates);
        updates
    }

    /// True when a new version is ready and the person has not reloaded yet.
    pub fn available(&self) -> bool {
        self.waiting.get()
    }

    /// Says a new version is (or is no longer) waiting.
    pub fn set_waiting(&self, waiting: bool) {
        self.waiting.set(waiting);
    }
}

/// "A new version is available", with a Reload button, shown only when one is waiting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let updates = use_context::<Updates>();
    view! {
        <div class="update-banner-region" aria-live="polite">
            {move || updates.is_some_and(|u| u.available()).then(|| view! {
                <div class="update-banner">
                    <p class="update-banner__text">"A new version of the toolkit is available. Reload the page when you are ready to use it."</p>
                    <button class="button button--secondary" type="button" on:click=move |_| crate::edge::apply_update()>"Reload"</button>
                </div>
            })}
        </div>
    }
}
