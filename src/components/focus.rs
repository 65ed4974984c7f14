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
