//! The review-threshold guide.

use leptos::prelude::*;

use crate::components::page::Page;

/// `/guide`: the review-threshold and next-steps guide.
#[component]
pub fn Guide() -> impl IntoView {
    view! {
        <Page title="Review guide">
            <p class="lead">"Could a case lead to a review, who decides, how long it takes and what happens next."</p>
            <p>"Coming soon: the guide is being written from the published sources."</p>
        </Page>
    }
}
