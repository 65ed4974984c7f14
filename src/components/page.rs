//! The frame every page shares: its `<title>` and its one `<h1>`.

use crate::components::title::Title;
use leptos::prelude::*;

/// A page's title and main heading, followed by its content.
#[component]
pub fn Page(
    /// The page's name: the `<h1>` and the start of the `<title>`.
    #[prop(into)]
    title: Signal<String>,
    /// The page's content, after the heading.
    children: Children,
) -> impl IntoView {
    view! {
        <Title text=title/>
        <h1>{title}</h1>
        {children()}
    }
}
