//! The private notes page.

use leptos::prelude::*;

use crate::components::page::Page;

/// `/notes`: private reflection notes kept on this device.
#[component]
pub fn Notes() -> impl IntoView {
    view! {
        <Page title="My notes">
            <p class="lead">"Your notes stay on this device. Do not record names or details that could identify a child or family."</p>
            <p>"Coming soon: writing, exporting and importing notes."</p>
        </Page>
    }
}
