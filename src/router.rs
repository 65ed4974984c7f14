//! The app's routing as the UI sees it: the address being shown as signals, links, and the
//! hooks pages use. Matching paths to pages is pure, in `domain::routes`; reading and changing
//! the browser's address is the browser edge's (`browser::router`). It replaces leptos_router,
//! which cost this app far more bytes than the little it needs (README, Performance).

use leptos::prelude::*;

use crate::domain::routes::{match_path, parse_query, Matched};

/// The address being shown.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, such as `/briefs/child-b`.
    pub pathname: RwSignal<String>,
    /// The query string with its `?`, or empty. Pages are prerendered without one, so in the
    /// browser it is read only once the page is the app's.
    pub search: RwSignal<String>,
}

impl Location {
    /// Show `url` (a path with an optional query).
    pub fn set(&self, url: &str) {
        // The fragment is the browser's (kept in the address; see `FocusOnNavigate`).
        let url = url.split_once('#').map_or(url, |(before, _)| before);
        let (path, search) = match url.split_once('?') {
            Some((p, s)) => (p.to_string(), format!("?{s}")),
            None => (url.to_string(), String::new()),
        };
        self.pathname.set(path);
        self.search.set(search);
    }
}

/// How to navigate: push a new history entry (the default) or replace the current one.
#[derive(Debug, Clone, Copy, Default)]
pub struct NavigateOptions {
    /// Replace the current entry instead of adding one.
    pub replace: bool,
}

/// The decoded pairs of the query string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// The first value for `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// The path's parameters: only `id` exists in this app.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Option<String>);

impl Params {
    /// The parameter `key` (`"id"`).
    pub fn get(&self, key: &str) -> Option<String> {
        (key == "id").then(|| self.0.clone()).flatten()
    }
}

/// Provides the address `path`, with no query, to everything below; returns it.
pub fn provide_router(path: &str) -> Location {
    let location = Location {
        pathname: RwSignal::new(path.to_string()),
        search: RwSignal::new(String::new()),
    };
    provide_context(location);
    location
}

/// The address being shown.
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(|| Location {
        pathname: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
    })
}

/// A function that navigates within the app.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let location = use_location();
    move |url: &str, options: NavigateOptions| crate::edge::navigate(location, url, options)
}

/// The page and id the current path matches.
pub fn use_route() -> Memo<Matched> {
    let location = use_location();
    Memo::new(move |_| match_path(&location.pathname.get()))
}

/// The current path's `id`.
pub fn use_params_map() -> Memo<Params> {
    let location = use_location();
    Memo::new(move |_| Params(match_path(&location.pathname.get()).id))
}

/// The current query string's pairs.
pub fn use_query_map() -> Memo<Query> {
    let location = use_location();
    Memo::new(move |_| Query(parse_query(&location.search.get())))
}

/// A link within the app. It is marked `aria-current="page"` on its own page and on the pages
/// below it (except the home link), so the navigation shows where you are.
#[component]
pub fn A(
    /// Where the link goes: a path with an optional query.
    #[prop(into)]
    href: String,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let target = href.split(['?', '#']).next().unwrap_or_default().to_string();
    let current = move || {
        location.pathname.with(|path| {
            let path = path.trim_end_matches('/');
            let target = target.trim_end_matches('/');
            path == target || (!target.is_empty() && path.starts_with(&format!("{target}/")))
        })
    };
    view! { <a href=href aria-current=move || current().then_some("page")>{children()}</a> }
}
