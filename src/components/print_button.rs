//! A button that opens the browser's print dialogue (where "Save as PDF" is offered). Hidden
//! when the page cannot run the app's code, since it would do nothing there.

use leptos::prelude::*;

/// "Print …": prints the page as its print stylesheet lays it out.
#[component]
pub fn PrintButton(
    /// What the button says, such as "Print this brief".
    label: &'static str,
    /// Drawn as the page's main button rather than a secondary one.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    let class = if primary {
        "button"
    } else {
        "button button--secondary"
    };
    view! {
        <p class="no-print js-only">
            <button class=class type="button" on:click=|_| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }>{label}</button>
        </p>
    }
}
