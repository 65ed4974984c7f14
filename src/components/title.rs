//! The document's `<title>`: "<page> – <app name>", set by the page being shown and kept in
//! step when its text changes (a guide question that shows an error, say). At build time the
//! renderer reads it from a [`TitleSink`] and writes it into the page's `<head>`.

use leptos::prelude::*;

use crate::app::APP_NAME;

/// Where the build-time renderer collects a page's title.
#[derive(Clone, Copy)]
pub struct TitleSink(RwSignal<String>);

impl TitleSink {
    /// Provides an empty sink, and returns it.
    pub fn provide() -> Self {
        let sink = TitleSink(RwSignal::new(APP_NAME.to_string()));
        provide_context(sink);
        sink
    }

    /// The title set last.
    pub fn get(&self) -> String {
        self.0.get_untracked()
    }
}

fn full(text: &str) -> String {
    if text.is_empty() {
        APP_NAME.to_owned()
    } else {
        format!("{text} – {APP_NAME}")
    }
}

/// Sets the document title while this page is shown. The last one set wins.
#[component]
pub fn Title(
    /// The page's part of the title; empty for the app's name alone.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    if let Some(sink) = use_context::<TitleSink>() {
        sink.0.set(full(&text.get_untracked()));
    }
    Effect::new(move |_| {
        let title = full(&text.get());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
}
