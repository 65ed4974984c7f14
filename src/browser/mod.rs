//! The browser edge: the only code that uses browser APIs beyond drawing the page (local
//! storage, timers and page events, the service worker, files, Exit this page, the address
//! bar, Web Crypto for the notes lock). It is built for the browser (wasm32) only; the UI
//! reaches it through [`crate::edge`], which does nothing at build time, when pages are only
//! rendered.

pub mod crypto;
pub mod exit;
pub mod files;
pub mod lock;
pub mod notes_sync;
pub mod offline;
pub mod router;
pub mod storage;

use wasm_bindgen::JsCast;

use crate::app::App;

/// Starts the app on a page: takes over the prerendered page (hydrates it) when it was rendered
/// for this address, or draws it afresh when the host answered with another page's file (an
/// address with no file of its own). What only the browser knows (the query, the notes, the
/// service worker) is read in effects, which run once the page is the app's.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    exit::install();
    router::install_in_page_links(&document);
    let Some(root) = document
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let path = router::current_path();
    let prerendered = root
        .get_attribute("data-path")
        .is_some_and(|p| crate::domain::routes::same_page(&p, &path));
    let setup = move || {
        router::provide(&path);
        crate::state::provide_state();
        offline::provide_updates();
        App()
    };
    if prerendered {
        leptos::mount::hydrate_from(root, setup).forget();
    } else {
        root.set_inner_html("");
        leptos::mount::mount_to(root, setup).forget();
    }
}
