//! The frame for anything that shows the person's notes: the notes are read from this browser
//! only once the page is the app's, so a prerendered page (and the first moment in the browser)
//! says they are loading, and a browser that cannot run the app says why.

use leptos::prelude::*;

use crate::components::focus::refocus_if_lost;
use crate::components::lock_box::LockBox;
use crate::components::page::Page;
use crate::state::lock::use_lock;
use crate::state::use_notes;

/// `children` once the notes are read; until then, "Loading your notes…"; while they are
/// locked, the passphrase box.
#[component]
pub fn WithNotes(
    /// What shows the notes.
    children: ChildrenFn,
    /// A heading for the page while loading, when the children bring their own.
    #[prop(optional)]
    title: Option<&'static str>,
) -> impl IntoView {
    let notes = use_notes();
    let lock = use_lock();
    // Unlocked: the passphrase box goes, and focus with it; it moves to the notes (a brief's
    // notes heading, or the page's main part) rather than to the top of the page.
    Effect::new(move |was_hidden: Option<bool>| {
        let hidden = lock.hides_notes();
        if was_hidden == Some(true) && !hidden {
            refocus_if_lost(&["brief-notes-heading", "main"]);
        }
        hidden
    });
    move || {
        if lock.hides_notes() {
            return match title {
                Some(title) => view! { <Page title=title><LockBox/></Page> }.into_any(),
                None => view! { <LockBox/> }.into_any(),
            };
        }
        if notes.loaded() {
            return children().into_any();
        }
        // Shown only where the page's loader has not marked the page as able to run the app
        // (scripts off, or the app's code failed to start): see `no-js-only` in the styles.
        let loading = view! {
            <div class="notes-loading">
                <p class="notes-loading__text" role="status">"Loading your notes…"</p>
                <p class="no-js-only">"Your notes need a browser that runs this toolkit's code (JavaScript and WebAssembly). Everything else here can be read without it."</p>
            </div>
        };
        match title {
            Some(title) => view! { <Page title=title>{loading}</Page> }.into_any(),
            None => loading.into_any(),
        }
    }
}
