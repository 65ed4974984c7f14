//! The app's root: mounts it, provides shared state, draws the layout and routes to pages.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::layout::{Footer, Header};
use crate::pages;

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
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    leptos::mount::mount_to(root, App).forget();
}

/// The whole app: layout around the routed page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::state::provide_state();
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { APP_NAME.to_owned() } else { format!("{page} – {APP_NAME}") }
        }/>
        <Router>
            <Header/>
            <FocusOnNavigate/>
            <main class="main" id="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home/>
                    <Route path=path!("/briefs") view=pages::briefs::Briefs/>
                    <Route path=path!("/briefs/:id") view=pages::brief::BriefPage/>
                    <Route path=path!("/themes") view=pages::themes::Themes/>
                    <Route path=path!("/guide") view=pages::guide::Guide/>
                    <Route path=path!("/guide/:id") view=pages::guide_flow::GuideFlow/>
                    <Route path=path!("/guide/:id/outcome") view=pages::guide_outcome::GuideOutcome/>
                    <Route path=path!("/guide/:id/steps") view=pages::guide::GuideSteps/>
                    <Route path=path!("/notes") view=pages::notes::Notes/>
                    <Route path=path!("/about") view=pages::about::About/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

/// After an in-app navigation to a new path, moves focus to the page's heading so that screen
/// reader users hear the new page, as they would after a full page load.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _path = location.pathname.get();
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
