//! The app's root: mounts it, provides shared state, draws the layout and routes to pages.

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::domain::routes::Page;
use crate::pages;
use crate::router::{provide_router, use_location, use_route};

/// The name shown in the header and in every page title.
pub const APP_NAME: &str = "Safeguarding learning toolkit";

/// Mounts the app into `#app`, replacing the loading message, and starts the exit control.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(loading) = document.get_element_by_id("app-loading") {
        loading.remove();
    }
    crate::exit::install();
    install_in_page_links(&document);
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    leptos::mount::mount_to(root, App).forget();
}

/// Links within the page (`#id`: the skip link, contents lists, error summaries) move focus to
/// their target, as a browser does without a router. The router would otherwise treat them as
/// navigations, so this listener runs first (capture phase) and handles them itself.
fn install_in_page_links(document: &web_sys::Document) {
    use wasm_bindgen::{closure::Closure, JsCast};
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

/// The whole app: layout around the routed page.
#[component]
pub fn App() -> impl IntoView {
    crate::state::provide_state();
    crate::offline::provide_updates();
    provide_router();
    view! {
        <Header/>
        <crate::offline::UpdateBanner/>
        <FocusOnNavigate/>
        <main class="main" id="main" tabindex="-1">
            <Routes/>
        </main>
        <Footer/>
    }
}

/// The page for the current path. A new page is built only when the page or its id changes;
/// a change of query alone (each guide question, say) is the same page reading its query.
#[component]
fn Routes() -> impl IntoView {
    let route = use_route();
    move || {
        use pages::*;
        match route.get().page {
            Page::Home => home::Home().into_any(),
            Page::Briefs => briefs::Briefs().into_any(),
            Page::Brief => brief::BriefPage().into_any(),
            Page::Discuss => discuss::DiscussPage().into_any(),
            Page::Handout => handout::HandoutPage().into_any(),
            Page::Themes => themes::Themes().into_any(),
            Page::Glossary => glossary::Glossary().into_any(),
            Page::Guide => guide::Guide().into_any(),
            Page::GuideFlow => guide_flow::GuideFlow().into_any(),
            Page::GuideOutcome => guide_outcome::GuideOutcome().into_any(),
            Page::GuideSteps => guide::GuideSteps().into_any(),
            Page::Notes => notes::Notes().into_any(),
            Page::NotesNew => notes_edit::NewNote().into_any(),
            Page::NotesImport => notes_import::NotesImport().into_any(),
            Page::NotesCpd => notes_cpd::NotesCpd().into_any(),
            Page::NotesDelete => notes_delete::NotesDelete().into_any(),
            Page::Note => notes_edit::EditNote().into_any(),
            Page::About => about::About().into_any(),
            Page::NotFound => not_found::NotFound().into_any(),
        }
    }
}

/// After an in-app navigation to a new path, moves focus to the page's heading so that screen
/// reader users hear the new page, as they would after a full page load.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        // Query changes count too: each guide question is a new page at the same path.
        let _page = (location.pathname.get(), location.search.get());
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            let heading = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("main h1").ok().flatten())
                .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
            if let Some(heading) = heading {
                let _ = heading.set_attribute("tabindex", "-1");
                let _ = heading.focus();
            }
        });
    });
}
