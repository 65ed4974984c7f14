//! The browser edge of "Exit this page": wires the static button in `index.html` and the
//! Shift-three-times shortcut (counted by [`crate::domain::exit_shortcut`]) to the page.
//!
//! Where the control goes is configured in one place: the button's `href` in `index.html`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent};

use crate::domain::exit_shortcut::{self, ExitShortcut, Reaction, PRESS_TIMEOUT_MS};

const BUTTON_ID: &str = "exit-this-page-button";
const STATUS_ID: &str = "exit-this-page-status";
const INDICATOR_ID: &str = "exit-this-page-indicator";
const HIDE_CLASS: &str = "exit-this-page-hide-content";
const OVERLAY_CLASS: &str = "exit-this-page-overlay";

struct Shortcut {
    counter: Cell<ExitShortcut>,
    press_timer: Cell<Option<i32>>,
    message_timer: Cell<Option<i32>>,
    on_timeout: RefCell<Option<Closure<dyn Fn()>>>,
}

/// Attaches the click handler, the keyboard shortcut and the back-forward-cache handler.
pub fn install() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    if let Some(button) = document.get_element_by_id(BUTTON_ID) {
        let click = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            event.prevent_default();
            exit_now();
        });
        let _ = button.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        click.forget();
    }

    let shortcut = Rc::new(Shortcut {
        counter: Cell::new(ExitShortcut::new()),
        press_timer: Cell::new(None),
        message_timer: Cell::new(None),
        on_timeout: RefCell::new(None),
    });
    let for_timeout = Rc::clone(&shortcut);
    *shortcut.on_timeout.borrow_mut() = Some(Closure::new(move || {
        let mut counter = for_timeout.counter.get();
        let reaction = counter.timeout();
        for_timeout.counter.set(counter);
        for_timeout.press_timer.set(None);
        react(&for_timeout, reaction);
    }));
    // Keys let go before this code ran (the page loader keeps them) count as if pressed now.
    for (is_shift, shift_held) in early_keys() {
        let mut counter = shortcut.counter.get();
        let reaction = counter.key_up(is_shift, shift_held);
        shortcut.counter.set(counter);
        react(&shortcut, reaction);
    }
    let keyup = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
        if typing_on_touch_device(&event) {
            return;
        }
        let mut counter = shortcut.counter.get();
        let reaction = counter.key_up(event.key() == "Shift", event.shift_key());
        shortcut.counter.set(counter);
        react(&shortcut, reaction);
    });
    let _ = document.add_event_listener_with_callback_and_bool("keyup", keyup.as_ref().unchecked_ref(), true);
    keyup.forget();

    // Coming back with the Back button may restore the hidden page from the cache: show it again.
    let pageshow = Closure::<dyn Fn()>::new(restore_page);
    let _ = window.add_event_listener_with_callback("pageshow", pageshow.as_ref().unchecked_ref());
    pageshow.forget();
}

/// The keys let go before the app's code ran, as (was it Shift, was Shift held), oldest first:
/// the page loader keeps them in `window.__toolkitEarlyKeys` as `[key, shiftKey]` pairs.
fn early_keys() -> Vec<(bool, bool)> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Ok(list) = js_sys::Reflect::get(&window, &"__toolkitEarlyKeys".into()) else {
        return Vec::new();
    };
    let Some(list) = list.dyn_ref::<js_sys::Array>() else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<js_sys::Array>().ok()?;
            let key = pair.get(0).as_string()?;
            Some((key == "Shift", pair.get(1).as_bool().unwrap_or(false)))
        })
        .collect()
}

/// Hides the page at once, says "Loading." and goes to the configured neutral site.
pub fn exit_now() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    set_status(&document, "");
    if let Some(body) = document.body() {
        let _ = body.class_list().add_1(HIDE_CLASS);
        if let Ok(overlay) = document.create_element("div") {
            overlay.set_class_name(OVERLAY_CLASS);
            let _ = overlay.set_attribute("role", "alert");
            overlay.set_text_content(Some(exit_shortcut::LOADING));
            let _ = body.append_child(&overlay);
        }
    }
    let href = document
        .get_element_by_id(BUTTON_ID)
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_else(|| "about:blank".to_owned());
    let _ = window.location().set_href(&href);
}

fn restore_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = document.body() {
        let _ = body.class_list().remove_1(HIDE_CLASS);
    }
    if let Ok(overlays) = document.query_selector_all(&format!(".{OVERLAY_CLASS}")) {
        for i in 0..overlays.length() {
            if let Some(node) = overlays.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                node.remove();
            }
        }
    }
}

fn react(shortcut: &Rc<Shortcut>, reaction: Reaction) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    clear_timer(&shortcut.message_timer);
    match reaction {
        Reaction::Ignore => {}
        Reaction::Progress { presses, message } => {
            set_status(&document, message);
            show_indicator(&document, presses);
            clear_timer(&shortcut.press_timer);
            if let Some(callback) = shortcut.on_timeout.borrow().as_ref() {
                let id = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.as_ref().unchecked_ref(),
                    PRESS_TIMEOUT_MS as i32,
                );
                shortcut.press_timer.set(id.ok());
            }
        }
        Reaction::Expired => {
            clear_timer(&shortcut.press_timer);
            show_indicator(&document, 0);
            set_status(&document, exit_shortcut::EXPIRED);
            // Clear the message after a while, as the GOV.UK component does.
            let clear = Closure::once_into_js(|| {
                if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                    set_status(&d, "");
                }
            });
            let id = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                clear.unchecked_ref(),
                PRESS_TIMEOUT_MS as i32,
            );
            shortcut.message_timer.set(id.ok());
        }
        Reaction::Exit => {
            clear_timer(&shortcut.press_timer);
            show_indicator(&document, 0);
            exit_now();
        }
    }
}

fn clear_timer(timer: &Cell<Option<i32>>) {
    if let (Some(id), Some(window)) = (timer.take(), web_sys::window()) {
        window.clear_timeout_with_handle(id);
    }
}

fn set_status(document: &Document, message: &str) {
    if let Some(status) = document.get_element_by_id(STATUS_ID) {
        status.set_text_content(Some(message));
    }
}

fn show_indicator(document: &Document, presses: u8) {
    let Some(indicator) = document.get_element_by_id(INDICATOR_ID) else {
        return;
    };
    let _ = indicator
        .class_list()
        .toggle_with_force("exit-this-page__indicator--visible", presses > 0);
    let lights = indicator.children();
    for i in 0..lights.length() {
        if let Some(light) = lights.item(i) {
            let _ = light
                .class_list()
                .toggle_with_force("exit-this-page__light--on", i < u32::from(presses));
        }
    }
}

/// True when the key-up comes from typing in a text field on a touch device, where Shift is
/// pressed to type capitals and must not count towards leaving the page.
fn typing_on_touch_device(event: &KeyboardEvent) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let touch = window.navigator().max_touch_points() > 0
        || window
            .match_media("(pointer: coarse)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    touch
        && event
            .target()
            .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            .is_some_and(|el| is_text_field(&el))
}

fn is_text_field(el: &HtmlElement) -> bool {
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(
                kind.as_str(),
                "button"
                    | "checkbox"
                    | "radio"
                    | "submit"
                    | "reset"
                    | "range"
                    | "color"
                    | "file"
                    | "image"
                    | "hidden"
            )
        }
        _ => false,
    }
}
