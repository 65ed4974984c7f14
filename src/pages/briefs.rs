//! The list of learning briefs, filtered by theme and kind and searched as you type. The
//! filters and the search are kept in the address, so a link or a reload shows the same list.

use std::sync::OnceLock;

use crate::router::use_query_map;
use crate::router::A;
use leptos::prelude::*;

use crate::components::brief_parts::BriefCard;
use crate::components::focus::focus_first;
use crate::components::page::Page;
use crate::components::text::Marked;
use crate::domain::content::Brief;
use crate::domain::query_string::with_query;
use crate::domain::search::{Hit, SearchIndex};

/// The search index, built on first use.
fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(crate::domain::bundle::library()))
}

/// `/briefs?q=&theme=&kind=`: every brief as a card, or the search results.
#[component]
pub fn Briefs() -> impl IntoView {
    let library = crate::state::use_state().library();
    // The filters live in local signals, so typing never waits for the router, and are written
    // to the address with `replaceState` so a reload or a shared link shows the same list. A real
    // navigation (Back, a link) changes the router's query, which resets them. The box follows
    // the signal (setting the same text again leaves the caret where it is).
    let query = use_query_map();
    let from_url = move |key: &str| query.with_untracked(|m| m.get(key).unwrap_or_default());
    let (q, theme, kind) = (
        RwSignal::new(from_url("q")),
        RwSignal::new(from_url("theme")),
        RwSignal::new(from_url("kind")),
    );
    Effect::new(move |_| {
        let map = query.get();
        q.set(map.get("q").unwrap_or_default());
        theme.set(map.get("theme").unwrap_or_default());
        kind.set(map.get("kind").unwrap_or_default());
    });
    // Long result lists show the best few first; a new search starts short again.
    let show_all = RwSignal::new(false);
    let go = move |key: &str, value: String| {
        show_all.set(false);
        match key {
            "q" => q.set(value),
            "theme" => theme.set(value),
            _ => kind.set(value),
        }
        let (qv, tv, kv) = (q.get_untracked(), theme.get_untracked(), kind.get_untracked());
        let url = with_query("/briefs", &[("q", &qv), ("theme", &tv), ("kind", &kv)]);
        replace_url(&url);
    };
    let go_q = go;
    let go_theme = go;
    let go_kind = go;

    let matches_filters = move |b: &Brief| {
        let (t, k) = (theme.get(), kind.get());
        (k.is_empty() || b.kind == k) && (t.is_empty() || library.brief_tags(b).contains(&t.as_str()))
    };
    let hits = Memo::new(move |_| {
        let q = q.get();
        if q.trim().is_empty() {
            return None;
        }
        Some(
            index()
                .search(&q)
                .into_iter()
                .filter(|h| library.brief(&h.id).is_some_and(matches_filters))
                .collect::<Vec<Hit>>(),
        )
    });
    let listed = Memo::new(move |_| library.briefs.iter().filter(|b| matches_filters(b)).count());

    let status = move || {
        let plural = |n: usize| if n == 1 { "brief" } else { "briefs" };
        match hits.get() {
            Some(h) => format!("{} {} match “{}”", h.len(), plural(h.len()), q.get().trim()),
            None => format!("{} {}", listed.get(), plural(listed.get())),
        }
    };

    let theme_options = library
        .themes
        .iter()
        .map(|t| {
            let id = t.id.clone();
            let selected = move || theme.get() == id;
            view! { <option value=t.id.clone() selected=selected>{t.name.clone()}</option> }
        })
        .collect_view();
    let kind_options = library
        .kinds
        .iter()
        .map(|k| {
            let id = k.id.clone();
            let selected = move || kind.get() == id;
            view! { <option value=k.id.clone() selected=selected>{k.name.clone()}</option> }
        })
        .collect_view();

    view! {
        <Page title="Learning briefs">
            <p class="lead">"What reviews found, the key learning and your next steps. Search, or filter by theme and kind of review."</p>
            <ul class="link-list">
                <li><A href="/themes">"Browse all themes"</A></li>
                <li><A href="/glossary">"Glossary of acronyms"</A></li>
            </ul>
            <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
                <label class="label" for="q">"Search the briefs"</label>
                <div class="search__row">
                    <input class="input search__input" id="q" name="q" type="search" autocomplete="off"
                        spellcheck="false" prop:value=move || q.get()
                        on:input=move |ev| go_q("q", event_target_value(&ev))/>
                </div>
            </form>
            <div class="filters">
                <div class="filters__item">
                    <label class="label" for="theme">"Theme"</label>
                    <select class="select" id="theme" on:change=move |ev| go_theme("theme", event_target_value(&ev))>
                        <option value="" selected=move || theme.get().is_empty()>"All themes"</option>
                        {theme_options}
                    </select>
                </div>
                <div class="filters__item">
                    <label class="label" for="kind">"Kind of review"</label>
                    <select class="select" id="kind" on:change=move |ev| go_kind("kind", event_target_value(&ev))>
                        <option value="" selected=move || kind.get().is_empty()>"All kinds"</option>
                        {kind_options}
                    </select>
                </div>
            </div>
            <p class="results-count" role="status">{status}</p>
            {move || match hits.get() {
                Some(hits) => {
                    show_all.track();
                    view! { <SearchResults hits show_all/> }.into_any()
                }
                None => {
                    let cards = library
                        .briefs
                        .iter()
                        .filter(|b| matches_filters(b))
                        .map(|brief| view! { <BriefCard brief/> })
                        .collect_view();
                    view! { <ul class="card-list">{cards}</ul> }.into_any()
                }
            }}
            <h2>"Figures"</h2>
            <ul class="link-list">
                {library.stats.iter().map(|s| {
                    let href = format!("/briefs/{}", s.id);
                    view! { <li><A href=href>{s.title.clone()}</A></li> }
                }).collect_view()}
            </ul>
        </Page>
    }
}

/// Writes the address without a new history entry and without a router navigation.
fn replace_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// How many results are drawn before "Show all": enough to scan, few enough that each key
/// typed redraws the list within a frame however many briefs a partnership bundles.
pub const FIRST_RESULTS: usize = 20;

/// Ranked search results with the matching words marked: the best [`FIRST_RESULTS`], then a
/// button for the rest.
#[component]
fn SearchResults(
    /// The hits, best first.
    hits: Vec<Hit>,
    /// Whether every hit is drawn.
    show_all: RwSignal<bool>,
) -> impl IntoView {
    if hits.is_empty() {
        return view! {
            <div class="empty">
                <p>"No briefs match your search. Check the spelling, try fewer or different words, or clear the theme and kind filters."</p>
            </div>
        }
        .into_any();
    }
    let total = hits.len();
    let shown = if show_all.get_untracked() {
        total
    } else {
        total.min(FIRST_RESULTS)
    };
    let items = hits
        .into_iter()
        .take(shown)
        .map(|hit| {
            let href = format!("/briefs/{}", hit.id);
            let snippets = hit
                .snippets
                .into_iter()
                .map(|s| view! { <li><Marked text=s.text marks=s.marks/></li> })
                .collect_view();
            view! {
                <li class="result">
                    <h2 class="result__title"><A href=href><Marked text=hit.title marks=hit.title_marks/></A></h2>
                    <ul class="result__snippets">{snippets}</ul>
                </li>
            }
        })
        .collect_view();
    let more = (shown < total).then(|| {
        view! {
            <p class="results-more">{format!("Showing the best {shown} of {total}.")}</p>
            <p>
                <button class="button button--secondary" type="button" on:click=move |_| {
                    show_all.set(true);
                    // Focus goes to the first result that was not shown before.
                    focus_first(format!(".results > li:nth-child({}) a", shown + 1));
                }>{format!("Show all {total} results")}</button>
            </p>
        }
    });
    view! { <ol class="results">{items}</ol>{more} }.into_any()
}
