//! Pieces of a brief shared by the list, the themes page and the brief page: cards, theme tags
//! and the source-and-edition line.

use crate::router::A;
use leptos::prelude::*;

use crate::domain::content::{Brief, Library};

/// The kind of a brief as a person reads it ("Serious Case Review").
pub fn kind_name(library: &Library, kind: &str) -> String {
    library
        .kind(kind)
        .map(|k| k.name.clone())
        .unwrap_or_else(|| kind.to_owned())
}

/// A brief as a card in a list: kind, title, date and themes.
#[component]
pub fn BriefCard(
    /// The brief to show.
    brief: &'static Brief,
) -> impl IntoView {
    let library = crate::state::use_state().library();
    let href = format!("/briefs/{}", brief.id);
    let tags = library
        .brief_tags(brief)
        .into_iter()
        .filter_map(|t| library.theme(t))
        .map(|t| view! { <li class="tags__item">{t.name.clone()}</li> })
        .collect_view();
    view! {
        <li class="card">
            <p class="card__kind">{kind_name(library, &brief.kind)}</p>
            <h2 class="card__title"><A href=href>{brief.title.clone()}</A></h2>
            {brief.date.clone().map(|d| view! { <p class="card__meta">{d}</p> })}
            <p class="visually-hidden">"Themes:"</p>
            <ul class="tags">{tags}</ul>
        </li>
    }
}

/// Where a brief comes from and the edition of Working Together its source was written under.
#[component]
pub fn SourceLine(
    /// The ids of the sources, main one first.
    sources: &'static [String],
    /// Where in the sources, if known.
    locator: Option<&'static str>,
) -> impl IntoView {
    let library = crate::state::use_state().library();
    let items = sources
        .iter()
        .filter_map(|id| library.source(id))
        .map(|s| {
            let date = s.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            view! {
                <li>
                    <cite>{s.title.clone()}</cite>
                    {format!(" — {}{date}. ", s.publisher)}
                    <strong>{format!("Written under Working Together to Safeguard Children {}.", s.working_together)}</strong>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="source">
            <h2 class="source__heading">"Source"</h2>
            <ul class="source__list">{items}</ul>
            {locator.map(|l| view! { <p class="source__locator">{format!("See {l}.")}</p> })}
            <p class="hint">"Working Together to Safeguard Children was last revised in 2023. Check the current edition before acting on this."</p>
        </div>
    }
}
