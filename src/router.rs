//! The browser edge of routing: the current address as signals, links that change it without a
//! page load, Back and Forward, and the hooks pages use. Matching paths to pages is pure, in
//! `domain::routes`. It replaces leptos_router, which cost this app far more bytes than the
//! little it needs (see the README's Performance section).

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::domain::routes::{match_path, parse_query, Matched};

/// The address being shown.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, such as `/briefs/child-b`.
    pub pathname: RwSignal<String>,
    /// The query string with its `?`, or empty.
    pub search: RwSignal<String>,
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

/// Reads the window's address into signals and keeps them in step with links, Back and Forward.
pub fn provide_router() {
    let (path, search) = current();
    let location = Location {
        pathname: RwSignal::new(path),
        search: RwSignal::new(search),
    };
    provide_context(location);
    let Some(window) = web_sys::window() else { return };

    let on_popstate = Closure::<dyn Fn()>::new(move || {
        let (path, search) = current();
        location.pathname.set(path);
        location.search.set(search);
    });
    let _ = window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();

    // Same-origin links become in-app navigations. In-page `#` links are handled earlier, in
    // the capture phase (see `app::install_in_page_links`), and arrive here already handled.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
        if event.default_prevented()
            || event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(link) = link else { return };
        let own_window = link.target().is_empty() || link.target() == "_self";
        let origin = web_sys::window().and_then(|w| w.location().origin().ok());
        if !own_window || link.has_attribute("download") || Some(link.origin()) != origin {
            return;
        }
        event.prevent_default();
        go(
            location,
            &format!("{}{}", link.pathname(), link.search()),
            NavigateOptions::default(),
        );
    });
    let _ = window.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

fn current() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let read = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
    };
    (read(web_sys::Location::pathname), read(web_sys::Location::search))
}

/// Changes the address (`url` is a path with an optional query) and shows its page from the top.
fn go(location: Location, url: &str, options: NavigateOptions) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if options.replace {
            history.replace_state_with_url(&null, "", Some(url))
        } else {
            history.push_state_with_url(&null, "", Some(url))
        };
    }
    let (path, search) = match url.split_once('?') {
        Some((p, s)) => (p.to_string(), format!("?{s}")),
        None => (url.to_string(), String::new()),
    };
    location.pathname.set(path);
    location.search.set(search);
    window.scroll_to_with_x_and_y(0.0, 0.0);
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
    move |url: &str, options: NavigateOptions| go(location, url, options)
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
