//! Every theme across all briefs, each linking to the briefs it appears in.

use crate::router::A;
use leptos::prelude::*;

use crate::components::page::Page;
use crate::domain::query_string::with_query;

/// `/themes`: the themes and the briefs that share each one.
#[component]
pub fn Themes() -> impl IntoView {
    let library = crate::state::use_state().library();
    let by_theme = library.briefs_by_theme();
    let items = library
        .themes
        .iter()
        .map(|theme| {
            let ids = by_theme.get(theme.id.as_str()).cloned().unwrap_or_default();
            let count = ids.len();
            let briefs = ids
                .into_iter()
                .filter_map(|id| library.brief(id))
                .map(|b| {
                    let href = format!("/briefs/{}", b.id);
                    view! { <li><A href=href>{b.title.clone()}</A></li> }
                })
                .collect_view();
            let filter = with_query("/briefs", &[("theme", &theme.id)]);
            let plural = if count == 1 { "brief" } else { "briefs" };
            view! {
                <li class="theme-index__item">
                    <h2 class="theme-index__name" id=format!("theme-{}", theme.id)>{theme.name.clone()}</h2>
                    <p class="card__meta"><A href=filter>{format!("Show the {count} {plural} on this theme")}</A></p>
                    <ul class="link-list">{briefs}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title="Themes">
            <p class="lead">"Every theme across the learning briefs, and the briefs it appears in."</p>
            <ul class="theme-index">{items}</ul>
        </Page>
    }
}
