//! `/briefs/<id>/discuss`: team discussion mode for a shared screen. Large type, one slide at a
//! time; Next and Previous by buttons, arrow keys, Space and swipe; Escape goes back to the brief.
//! The slide number is kept in the address (`?at=2`) so a reload stays on the same theme.

use crate::components::title::Title;
use crate::router::A;
use crate::router::{use_navigate, use_query_map};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::discuss_slides::{EndSlide, StartSlide, ThemeSlide};
use crate::components::discuss_timer::DiscussTimer;
use crate::domain::content::Brief;
use crate::domain::discussion::{key_action, swipe_action, Action, Deck, KeyTarget, Slide};
use crate::pages::brief::for_brief;

/// The class on `<html>` while discussion mode is open: it hides the site's header and footer.
/// A prerendered discussion page carries it from the start.
pub const MODE_CLASS: &str = "is-discussing";

/// Finds the brief, or shows the not-found page.
#[component]
pub fn DiscussPage() -> impl IntoView {
    for_brief(|brief| view! { <Discussion brief/> }.into_any())
}

/// The slides of one brief and the controls that move through them.
#[component]
fn Discussion(
    /// The brief being discussed.
    brief: &'static Brief,
) -> impl IntoView {
    let library = crate::state::use_state().library();
    let deck = Deck {
        themes: brief.themes.len(),
    };
    // Prerendered pages have no query: the slide in the address is read once the page is the
    // app's (a reload in the middle of a discussion stays on its slide).
    let at = RwSignal::new(0);
    let query = use_query_map();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let asked = query.with(|q| q.get("at"));
        if asked.is_some() {
            at.set(deck.parse_at(asked.as_deref()));
        }
        asked.is_some()
    });
    let navigate = use_navigate();
    let back = format!("/briefs/{}", brief.id);
    let announcement = RwSignal::new(String::new());

    let go = {
        let back = back.clone();
        move |action: Action| {
            if action == Action::Leave {
                navigate(&back, Default::default());
                return;
            }
            let next = deck.after(at.get_untracked(), action);
            if next != at.get_untracked() {
                at.set(next);
                replace_query(next);
                announcement.set(announce(brief, deck, next));
            }
        }
    };

    Effect::new(|_| set_mode_class(true));
    on_cleanup(|| set_mode_class(false));
    let keys = {
        let go = go.clone();
        window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
            if ev.default_prevented() {
                return;
            }
            let other = ev.ctrl_key() || ev.alt_key() || ev.meta_key();
            if let Some(action) = key_action(&ev.key(), ev.shift_key(), other, key_target(&ev)) {
                ev.prevent_default();
                go(action);
            }
        })
    };
    on_cleanup(move || keys.remove());

    let touch_start = StoredValue::new(None::<(f64, f64)>);
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "touch" && ev.is_primary() {
            touch_start.set_value(Some((f64::from(ev.client_x()), f64::from(ev.client_y()))));
        }
    };
    let on_pointer_up = {
        let go = go.clone();
        move |ev: web_sys::PointerEvent| {
            if let Some((x, y)) = touch_start.get_value() {
                touch_start.set_value(None);
                let (dx, dy) = (f64::from(ev.client_x()) - x, f64::from(ev.client_y()) - y);
                if let Some(action) = swipe_action(dx, dy) {
                    go(action);
                }
            }
        }
    };
    let (prev, next) = (go.clone(), go);
    let theme_questions = &library.discussion.theme_questions[..];
    let closing_questions = &library.discussion.closing_questions[..];
    let slide = move || match deck.slide(at.get()) {
        Slide::Start => view! { <StartSlide brief/> }.into_any(),
        Slide::Theme(index) => view! { <ThemeSlide brief index questions=theme_questions/> }.into_any(),
        Slide::End => view! { <EndSlide brief questions=closing_questions/> }.into_any(),
    };

    view! {
        <Title text=format!("Discussing: {}", brief.title)/>
        <div class="discuss" on:pointerdown=on_pointer_down on:pointerup=on_pointer_up
            on:pointercancel=move |_| touch_start.set_value(None)>
            <div class="discuss__slide">{slide}</div>
            <nav class="discuss__controls" aria-label="Discussion">
                <div class="discuss__move">
                    <button class="button button--secondary" type="button"
                        aria-disabled=move || (at.get() == 0).then_some("true")
                        on:click=move |_| prev(Action::Previous)>"Previous"</button>
                    <p class="discuss__position">{move || deck.label(at.get())}</p>
                    <button class="button" type="button"
                        aria-disabled=move || (at.get() + 1 == deck.len()).then_some("true")
                        on:click=move |_| next(Action::Next)>"Next"</button>
                </div>
                <DiscussTimer slide=at/>
                <p class="discuss__leave">
                    <A href=format!("/briefs/{}/handout", brief.id)>"Handout to print"</A>
                    <A href=back>"Leave discussion"</A>
                </p>
            </nav>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
        </div>
    }
}

/// What a screen reader hears after moving: where it is and what the slide is called.
fn announce(brief: &Brief, deck: Deck, at: usize) -> String {
    match deck.slide(at) {
        Slide::Start => format!("Start: {}", brief.title),
        Slide::Theme(i) => format!(
            "{}: {}",
            deck.label(at),
            brief.themes.get(i).map(|t| t.title.as_str()).unwrap_or_default()
        ),
        Slide::End => "End: before you finish".to_string(),
    }
}

/// Where a key press happened, so keys meant for a control or a text box stay with it.
fn key_target(ev: &web_sys::KeyboardEvent) -> KeyTarget {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return KeyTarget::Page;
    };
    match el.tag_name().as_str() {
        "TEXTAREA" => KeyTarget::Field {
            empty: el
                .dyn_ref::<web_sys::HtmlTextAreaElement>()
                .is_none_or(|t| t.value().is_empty()),
        },
        "INPUT" => KeyTarget::Field {
            empty: el
                .dyn_ref::<web_sys::HtmlInputElement>()
                .is_none_or(|i| i.value().is_empty()),
        },
        "SELECT" => KeyTarget::Field { empty: true },
        "BUTTON" | "A" | "SUMMARY" => KeyTarget::Control,
        _ if el.has_attribute("contenteditable") => KeyTarget::Field { empty: false },
        _ => KeyTarget::Page,
    }
}

/// Keeps the slide number in the address without a navigation.
fn replace_query(at: usize) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let url = if at == 0 { path } else { format!("{path}?at={at}") };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn set_mode_class(on: bool) {
    if !crate::edge::IN_BROWSER {
        return;
    }
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let classes = root.class_list();
        let _ = if on {
            classes.add_1(MODE_CLASS)
        } else {
            classes.remove_1(MODE_CLASS)
        };
    }
}
