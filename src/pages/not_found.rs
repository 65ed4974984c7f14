//! The page shown for an address the toolkit does not have.

use crate::router::A;
use leptos::prelude::*;

use crate::components::page::Page;

/// Any unknown address: says so and offers the ways on.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"If you typed the web address, check it is correct."</p>
            <p>"If you followed a link or a bookmark, the page may have moved. You can:"</p>
            <ul>
                <li><A href="/briefs">"browse the learning briefs"</A></li>
                <li><A href="/guide">"use the review guide"</A></li>
                <li><A href="/">"go to the start page"</A></li>
            </ul>
        </Page>
    }
}
