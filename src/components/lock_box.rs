//! "Your notes are locked": what every notes page and a brief's notes panel show while the
//! lock is on and this tab has no key, with the passphrase box that opens them.

use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::state::lock::{use_lock, LockStatus};
use crate::state::use_notes;

/// The locked notes: a passphrase box, or, if the lock's record cannot be read, why.
#[component]
pub fn LockBox() -> impl IntoView {
    let lock = use_lock();
    let notes = use_notes();
    let passphrase = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if lock.busy_untracked().is_some() {
            return;
        }
        lock.unlock(notes, passphrase.get_untracked());
        passphrase.set(String::new());
    };
    // A failed unlock puts focus on the error, so a screen reader hears it at once.
    Effect::new(move |_| {
        if lock.error().is_some() {
            focus_by_id("unlock-error");
        }
    });
    move || {
        match lock.status() {
        LockStatus::Damaged(why) => view! {
            <section class="lock-box" aria-labelledby="lock-box-title">
                <h2 class="lock-box__title" id="lock-box-title">"Your notes' lock cannot be read"</h2>
                <p>{format!("The record that checks your passphrase is damaged: {why}.")}</p>
                <p>"Nothing stored has been changed or removed, and nothing will be written over it. The briefs and the guide work as usual."</p>
            </section>
        }
        .into_any(),
        _ => view! {
            <section class="lock-box" aria-labelledby="lock-box-title">
                <h2 class="lock-box__title" id="lock-box-title">"Your notes are locked"</h2>
                <p>"Enter your passphrase to read and write your notes. The briefs and the guide work without it."</p>
                {move || lock.error().map(|e| view! {
                    <div class="error-summary" id="unlock-error" tabindex="-1" role="alert" aria-labelledby="unlock-error-title">
                        <h3 class="error-summary__title" id="unlock-error-title">"There is a problem"</h3>
                        <ul class="error-summary__list"><li><a href="#unlock-passphrase">{e}</a></li></ul>
                    </div>
                })}
                <form class="lock-box__form" on:submit=submit>
                    // Password managers (and Chromium's form checks) expect a user name with a
                    // password: the notes have none, so this names them, unseen.
                    <input type="text" name="username" autocomplete="username" value="Safeguarding toolkit notes" hidden readonly/>
                    <div class="notes-field" class:notes-field--error=move || lock.error().is_some()>
                        <label class="label" for="unlock-passphrase">"Passphrase"</label>
                        <input class="input lock-box__input" id="unlock-passphrase" type="password"
                            autocomplete="current-password" spellcheck="false" autocapitalize="none"
                            aria-invalid=move || lock.error().is_some().then_some("true")
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    <button class="button" type="submit" aria-disabled=move || lock.busy().is_some().then_some("true")>"Unlock"</button>
                </form>
                {move || lock.busy().map(|what| view! { <p class="lock-box__busy" role="status">{what}</p> })}
                <p class="hint">"Forgotten it? Nobody can recover it. Your notes stay here, locked, and the rest of the toolkit works as usual."</p>
            </section>
        }
        .into_any(),
    }
    }
}

/// With the notes open under the lock: any stored entry that could not be opened, said in
/// words. It is kept as it is and never written over; nothing is shown when all opened.
#[component]
pub fn LockedDamage() -> impl IntoView {
    let notes = use_notes();
    let lock = use_lock();
    move || {
        let mut damaged = notes.sealed_damaged();
        if lock.check_damaged() && lock.status() == LockStatus::Open {
            damaged.insert(
                0,
                (
                    crate::domain::lock::LOCK_KEY.to_string(),
                    "the lock's check value did not open with the passphrase that opened your notes, so it is damaged; until it is put right, a wrong passphrase is told apart from a right one by trying a note".into(),
                ),
            );
        }
        (!damaged.is_empty()).then(|| {
            let count = damaged.len();
            let items = damaged
                .into_iter()
                .map(|(key, why)| view! { <li><code>{key}</code>": "{why}</li> })
                .collect_view();
            view! {
                <section class="notes-banner" aria-labelledby="locked-damage-title">
                    <h2 class="notes-banner__title" id="locked-damage-title">{if count == 1 {
                        "1 locked entry could not be opened".to_string()
                    } else {
                        format!("{count} locked entries could not be opened")
                    }}</h2>
                    <p>"Your passphrase opened everything else. These are kept in this browser exactly as they are stored and are never written over; a note or deletion in them is not shown until they can be read."</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
