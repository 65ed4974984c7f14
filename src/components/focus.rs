//! Moving focus to something once it has been drawn: an error summary, a result that was just
//! shown, the field a hint was about.

use leptos::prelude::*;

/// Focuses the element with this id after the next frame is drawn.
pub fn focus_by_id(id: &'static str) {
    focus_when_drawn(move |d| d.get_element_by_id(id));
}

/// Focuses the first element matching this CSS selector after the next frame is drawn.
pub fn focus_first(selector: String) {
    focus_when_drawn(move |d| d.query_selector(&selector).ok().flatten());
}

fn focus_when_drawn(find: impl FnOnce(&web_sys::Document) -> Option<web_sys::Element> + 'static) {
    request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| find(&d))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// If focus was lost (it is on the page's body, as when the focused control was removed),
/// focuses the first of these ids that exists, after the next frame is drawn.
pub fn refocus_if_lost(ids: &'static [&'static str]) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let lost = document
            .active_element()
            .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
        if !lost {
            return;
        }
        let el = ids
            .iter()
            .find_map(|id| document.get_element_by_id(id))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}
