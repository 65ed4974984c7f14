//! The app's root: the layout around the routed page. The browser edge (`browser::start`) and
//! the build-time renderer (`bin/prerender.rs`) each provide the address and state, then draw it.

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::domain::routes::Page;
use crate::pages;
use crate::router::{use_location, use_route};

/// The name shown in the header and in every page title.
pub const APP_NAME: &str = "Safeguarding learning toolkit";

/// The whole app: layout around the routed page. Expects the address, the state and the updates
/// handle to be provided (see `browser::start`).
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Header/>
        <crate::components::update_banner::UpdateBanner/>
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
            Page::NotesNextSteps => notes_next_steps::NotesNextSteps().into_any(),
            Page::NotesDelete => notes_delete::NotesDelete().into_any(),
            Page::NotesLock => notes_lock::NotesLock().into_any(),
            Page::Note => notes_edit::EditNote().into_any(),
            Page::About => about::About().into_any(),
            Page::NotFound => not_found::NotFound().into_any(),
        }
    }
}

/// After an in-app navigation to a new path, moves focus to the page's heading so that screen
/// reader users hear the new page, as they would after a full page load; or, when the address
/// names a part of the page (`#next-steps`), to that part, as the browser would.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        // A new path is a new page (each guide question has its own); a change of query alone
        // (reading it after the page is the app's, or a filter) is not.
        let _page = location.pathname.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            // A link to a part of a page (`/briefs/child-b#next-steps`) goes to that part.
            let window = web_sys::window();
            let hash = window
                .as_ref()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default();
            let document = window.and_then(|w| w.document());
            let id = hash.trim_start_matches('#');
            let part = document
                .as_ref()
                .and_then(|d| (!id.is_empty()).then(|| d.get_element_by_id(id)).flatten());
            let is_part = part.is_some();
            let target = part
                .or_else(|| document.and_then(|d| d.query_selector("main h1").ok().flatten()))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let Some(target) = target {
                if !target.has_attribute("tabindex") {
                    let _ = target.set_attribute("tabindex", "-1");
                }
                if is_part {
                    target.scroll_into_view();
                }
                let _ = target.focus();
            }
        });
    });
}
