//! The browser edge of routing: reads the address, keeps it in step with links, Back and
//! Forward, and changes it. In-page `#` links move focus as a browser does without a router.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::router::{provide_router, Location, NavigateOptions};

/// The path the browser is showing.
pub fn current_path() -> String {
    current().0
}

fn current() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let read = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
    };
    (read(web_sys::Location::pathname), read(web_sys::Location::search))
}

/// Provides the address to the app, as it was prerendered (no query), then, once the page is
/// the app's, the query; and keeps it in step with links, Back and Forward.
pub fn provide(path: &str) {
    let location = provide_router(path);
    // Runs once, after hydration: the first render had to match the prerendered page.
    Effect::new(move |_| {
        let (_, search) = current();
        location.search.set(search);
    });
    let Some(window) = web_sys::window() else { return };

    let on_popstate = Closure::<dyn Fn()>::new(move || {
        let (path, search) = current();
        location.pathname.set(path);
        location.search.set(search);
    });
    let _ = window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();

    // Same-origin links become in-app navigations. In-page `#` links are handled earlier, in
    // the capture phase (see `install_in_page_links`), and arrive here already handled.
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
        // A link to another part of this same page is the browser's to follow.
        let here = web_sys::window().map(|w| w.location());
        let same_page = here.is_some_and(|l| {
            l.pathname().ok() == Some(link.pathname()) && l.search().ok() == Some(link.search())
        });
        if same_page && !link.hash().is_empty() {
            return;
        }
        event.prevent_default();
        navigate(
            location,
            &format!("{}{}{}", link.pathname(), link.search(), link.hash()),
            NavigateOptions::default(),
        );
    });
    let _ = window.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// Changes the address (`url` is a path with an optional query and fragment) and shows its page
/// from the top; the app then moves focus to the fragment's target, or the page's heading.
pub fn navigate(location: Location, url: &str, options: NavigateOptions) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if options.replace {
            history.replace_state_with_url(&null, "", Some(url))
        } else {
            history.push_state_with_url(&null, "", Some(url))
        };
    }
    location.set(url);
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// Links within the page (`#id`: the skip link, contents lists, error summaries) move focus to
/// their target, as a browser does without a router. The router would otherwise treat them as
/// navigations, so this listener runs first (capture phase) and handles them itself.
pub fn install_in_page_links(document: &web_sys::Document) {
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|event: web_sys::MouseEvent| {
        if event.default_prevented() || event.button() != 0 || event.ctrl_key() || event.meta_key() {
            return;
        }
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten());
        let Some(link) = link else { return };
        let id = link.get_attribute("href").unwrap_or_default();
        let target = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id.trim_start_matches('#')))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(target) = target else { return };
        event.prevent_default();
        let focusable = matches!(
            target.tag_name().as_str(),
            "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "A"
        );
        if !focusable && !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        target.scroll_into_view();
        let _ = target.focus();
    });
    let _ =
        document.add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    on_click.forget();
}
