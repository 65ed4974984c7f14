//! The document's `<title>`: "<page> – <app name>", set by the page being shown and kept in
//! step when its text changes (a guide question that shows an error, say).

use leptos::prelude::*;

use crate::app::APP_NAME;

/// Sets the document title while this page is shown. The last one set wins.
#[component]
pub fn Title(
    /// The page's part of the title; empty for the app's name alone.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    Effect::new(move |_| {
        let text = text.get();
        let full = if text.is_empty() {
            APP_NAME.to_owned()
        } else {
            format!("{text} – {APP_NAME}")
        };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&full);
        }
    });
}
