//! The browser edge of the notes: saves after a short pause in typing, saves at once when the
//! page is hidden or left (`pagehide`, `visibilitychange`), and takes in what other tabs save
//! (the `storage` event). It also supplies the clock and new note ids.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Date, Math};

use crate::domain::notes::version::base36;
use crate::domain::notes::{parse_key, NOTES_KEY};
use crate::state::NotesState;

/// How long typing must pause before the notes are saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

thread_local! {
    /// The pending debounced save, if any.
    static TIMER: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
}

/// Saves the notes once typing has paused for [`SAVE_DELAY`], replacing any save already due.
pub fn schedule_save(notes: NotesState) {
    cancel_save();
    match set_timeout_with_handle(
        move || {
            TIMER.set(None);
            notes.flush();
        },
        SAVE_DELAY,
    ) {
        Ok(handle) => TIMER.set(Some(handle)),
        // Without a timer, save at once rather than not at all.
        Err(_) => notes.flush(),
    }
}

/// Cancels a save that is due (because the notes are being saved now).
pub fn cancel_save() {
    if let Some(handle) = TIMER.take() {
        handle.clear();
    }
}

/// Listens, for the life of the page, for the page being hidden or left (saves at once) and for
/// other tabs saving notes (merges their notes in).
pub fn install(notes: NotesState) {
    // `pagehide` fires on reload, close and navigation away, including into the back-forward
    // cache; `visibilitychange` to hidden is often the last event a phone gives before it
    // kills a tab in the background.
    let _ = window_event_listener_untyped("pagehide", move |_| notes.flush());
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            if document_hidden() {
                notes.flush();
            }
        });
        let _ = document
            .add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
        on_visibility.forget();
    }
    let _ = window_event_listener_untyped("storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // Under the lock, the lock's edge opens what was stored first, then merges it.
        if !notes.loaded_untracked() || notes.under_lock() {
            return;
        }
        match event.key() {
            Some(key) if key == NOTES_KEY || parse_key(&key).is_some() => notes.merge_external(Some(key)),
            // `localStorage.clear()` in another tab: read what is there now.
            None => notes.merge_external(None),
            Some(_) => {}
        }
    });
    // A page shown again from the back-forward cache heard no `storage` events meanwhile.
    let _ = window_event_listener_untyped("pageshow", move |event| {
        let persisted = event
            .dyn_ref::<web_sys::PageTransitionEvent>()
            .is_some_and(|e| e.persisted());
        if persisted {
            notes.resync();
        }
    });
}

fn document_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// The time now, in milliseconds since 1970.
pub fn now_ms() -> u64 {
    Date::now() as u64
}

/// The time now as ISO 8601 in UTC, for export files.
pub fn now_iso() -> String {
    String::from(Date::new_0().to_iso_string())
}

/// Today's date here, as `2025-03-14`.
pub fn today() -> String {
    let date = Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// The local date and time of `ms` (since 1970) as (year, month 1–12, day, hour, minute).
pub fn local_time(ms: u64) -> (u32, u32, u32, u32, u32) {
    let date = Date::new(&JsValue::from_f64(ms as f64));
    (
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}

/// A random number from the browser's Web Crypto, to seed new version ids, so two tabs never
/// make the same one. Without Web Crypto, the clock and `Math.random` stand in.
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        (Math::random() * 2f64.powi(52)) as u64 ^ now_ms()
    }
}

/// A new note id: the time and a random part, so two tabs never make the same one.
pub fn new_id() -> String {
    let random = (Math::random() * 2f64.powi(52)) as u64;
    format!("n{}-{}", base36(now_ms()), base36(random))
}

/// Runs `f`, recording how long it took as a User Timing measure called `name` (the benchmark
/// reads `performance.getEntriesByName`). Recording never fails `f`.
pub fn measure<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    result
}
