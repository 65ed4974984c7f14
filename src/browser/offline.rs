//! The browser edge of offline use: registers the service worker (`public/sw.js`) and tells the
//! app when a new version is waiting ([`Updates`]). Versions swap only when the person presses
//! Reload.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::components::update_banner::Updates;

/// Activates the waiting version; the page reloads once it has taken over.
pub fn apply_update() {
    ASKED_TO_RELOAD.with(|asked| asked.set(true));
    let Some(container) = container() else { return };
    let reg = container.get_registration();
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(reg).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        match reg.waiting() {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => reload(),
        }
    });
}

thread_local! {
    /// Set when the person presses Reload, so that only their click swaps versions: the first
    /// visit's worker also takes control of the page, and that must not reload it.
    static ASKED_TO_RELOAD: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Browsers without service workers (or with them turned off) just run online.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|has| *has)
        .map(|_| navigator.service_worker())
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Registers the service worker (the page's start-up script has usually done so already) and
/// provides [`Updates`] to the app.
pub fn provide_updates() {
    let updates = Updates::provide();
    let Some(container) = container() else { return };
    // When the new version takes over after Reload, load the page again from it.
    let on_change = Closure::<dyn Fn()>::new(|| {
        if ASKED_TO_RELOAD.with(|asked| asked.replace(false)) {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let waiting = updates;
    let registering = container.register("/sw.js");
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(registering).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        if reg.waiting().is_some() && is_controlled() {
            waiting.set_waiting(true);
        }
        let reg_for_found = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg_for_found.installing() else {
                return;
            };
            watch_install(worker, waiting);
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// True when a service worker (an installed version) is running this page.
fn is_controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Marks an update as available once a newly found worker has installed, if an older version
/// is running this page (on a first visit there is nothing to update).
fn watch_install(worker: ServiceWorker, waiting: Updates) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && is_controlled() {
            waiting.set_waiting(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}
