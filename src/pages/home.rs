//! The start page: what the toolkit is for and where to go.

use crate::router::A;
use leptos::prelude::*;

use crate::components::page::Page;

/// `/`: a short welcome and the three things a person can do here.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <Page title="Learning from safeguarding reviews">
            <p class="lead">
                "Short learning briefs from reviews of cases where a child died or was seriously harmed, a guide to how reviews are decided, and private notes for your reflection."
            </p>
            <ul class="card-list">
                <li class="card">
                    <h2 class="card__title"><A href="/briefs">"Learning briefs"</A></h2>
                    <p class="card__meta">"Key learning and next steps from published reviews, by theme."</p>
                </li>
                <li class="card">
                    <h2 class="card__title"><A href="/guide">"Review guide"</A></h2>
                    <p class="card__meta">"Could a case lead to a review, who decides, and how long it takes."</p>
                </li>
                <li class="card">
                    <h2 class="card__title"><A href="/notes">"My notes"</A></h2>
                    <p class="card__meta">"Reflections kept on this device only."</p>
                </li>
                <li class="card">
                    <h2 class="card__title"><A href="/notes/next-steps">"My next steps"</A></h2>
                    <p class="card__meta">"Every brief’s next steps, and what you have done about them."</p>
                </li>
            </ul>
        </Page>
    }
}
