//! `/notes/lock`: locking the notes with a passphrase. With the lock off: what it does, the
//! warning that a forgotten passphrase cannot be recovered, an offer to export first, and the
//! form that turns it on. With it open: lock now, the wait before it locks by itself, change
//! the passphrase, turn it off.

use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::components::notes_banner::ExportButton;
use crate::components::notes_fields::ErrorSummary;
use crate::components::page::Page;
use crate::components::with_notes::WithNotes;
use crate::domain::lock::{passphrase, AutoLock};
use crate::state::lock::{use_lock, LockStatus};
use crate::state::use_notes;

/// `/notes/lock`.
#[component]
pub fn NotesLock() -> impl IntoView {
    view! {
        <a class="back-link" href="/notes">"Back"</a>
        <Page title="Lock my notes with a passphrase">
            <WithNotes><NotesLockContent/></WithNotes>
        </Page>
    }
}

/// The page once the notes are read (with the lock off, or open here).
#[component]
fn NotesLockContent() -> impl IntoView {
    let lock = use_lock();
    view! {
        <>
            {move || lock.done().map(|done| view! {
                <div class="notes-notice" role="status"><p>{done}</p></div>
            })}
            {move || lock.busy().map(|what| view! { <p class="lock-box__busy" role="status">{what}</p> })}
            {move || match lock.status() {
                LockStatus::Open => view! { <LockOpen/> }.into_any(),
                LockStatus::Off => view! { <TurnOn/> }.into_any(),
                _ => ().into_any(),
            }}
        </>
    }
}

/// The fields of a new passphrase typed twice, and the form's errors.
#[derive(Clone, Copy)]
struct PassphraseForm {
    first: RwSignal<String>,
    again: RwSignal<String>,
    errors: RwSignal<Vec<(String, String)>>,
}

impl PassphraseForm {
    fn new() -> Self {
        PassphraseForm {
            first: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// On sending the form: the passphrase if it can be used and the lock is not `busy` (the
    /// fields are emptied then); otherwise the errors are shown and take focus, or, while busy,
    /// nothing happens.
    fn take(&self, understood: bool, busy: bool) -> Option<String> {
        let found = passphrase::problems(
            &self.first.get_untracked(),
            &self.again.get_untracked(),
            understood,
        );
        self.errors
            .set(found.iter().map(|(f, m)| (f.to_string(), m.clone())).collect());
        if !found.is_empty() {
            focus_by_id("error-summary");
            return None;
        }
        if busy {
            return None;
        }
        self.again.set(String::new());
        Some(self.first.try_update(std::mem::take).unwrap_or_default())
    }
}

/// A passphrase typed twice, with the form's errors; `understood` adds the box to tick.
#[component]
fn NewPassphrase(
    /// The passphrase typed.
    first: RwSignal<String>,
    /// The passphrase typed again.
    again: RwSignal<String>,
    /// Each problem as (field id, message).
    errors: RwSignal<Vec<(String, String)>>,
    /// The label of the first field.
    label: &'static str,
) -> impl IntoView {
    let error_for = move |field: &'static str| {
        move || errors.with(|e| e.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone()))
    };
    let field = move |id: &'static str,
                      label: &'static str,
                      value: RwSignal<String>,
                      hint: Option<&'static str>| {
        let error = error_for(id);
        let described = move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(format!("{id}-hint"));
            }
            if error().is_some() {
                ids.push(format!("{id}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        };
        view! {
            <div class="notes-field" class:notes-field--error=move || error().is_some()>
                <label class="label" for=id>{label}</label>
                {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
                {move || error().map(|e| view! {
                    <p class="error-message" id=format!("{id}-error")><span class="visually-hidden">"Error: "</span>{e}</p>
                })}
                <input class="input lock-box__input" id=id type="password" autocomplete="new-password"
                    spellcheck="false" autocapitalize="none" aria-describedby=described
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        {field("new-passphrase", label, first, Some("At least 10 characters. A few ordinary words you will remember are best, such as “green kettle on monday”. Do not use a password from anywhere else."))}
        {field("passphrase-again", "Type it again", again, None)}
    }
}

/// With the lock off: what it does, and the form that turns it on.
#[component]
fn TurnOn() -> impl IntoView {
    let lock = use_lock();
    let notes = use_notes();
    let form = PassphraseForm::new();
    let PassphraseForm { first, again, errors } = form;
    let understood = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(passphrase) = form.take(understood.get_untracked(), lock.busy_untracked().is_some()) {
            lock.turn_on(notes, passphrase);
        }
    };
    let understood_error = move || {
        errors.with(|e| {
            e.iter()
                .find(|(f, _)| f == "passphrase-understood")
                .map(|(_, m)| m.clone())
        })
    };
    view! {
        <ErrorSummary errors=errors/>
        {move || lock.error().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        <p class="lead">"Anyone who opens this browser can read your notes. A passphrase locks them: they are encrypted in this browser, and only your passphrase opens them."</p>
        <ul>
            <li>"Your notes lock again after 15 minutes without use (you can choose 5 or 60), when you choose Lock now, and whenever the page is reloaded."</li>
            <li>"The briefs and the guide work as usual while your notes are locked."</li>
            <li>"Your passphrase is never stored or sent anywhere."</li>
        </ul>
        <div class="warning-text">
            <p><strong>"If you forget your passphrase, nobody can recover your notes: not the toolkit, not your IT team, not anyone."</strong></p>
        </div>
        <p>"Export your notes first, so you have a copy whatever happens. Keep the file somewhere safe: anyone who opens it can read it."</p>
        <div class="notes-export"><ExportButton label="Export all notes first"/></div>
        <form class="lock-form" on:submit=submit novalidate>
            <input type="text" name="username" autocomplete="username" value="Safeguarding toolkit notes" hidden readonly/>
            <NewPassphrase first again errors label="Choose a passphrase"/>
            <div class="notes-field" class:notes-field--error=move || understood_error().is_some()>
                {move || understood_error().map(|e| view! {
                    <p class="error-message" id="passphrase-understood-error"><span class="visually-hidden">"Error: "</span>{e}</p>
                })}
                <div class="notes-tick">
                    <input class="notes-tick__input" type="checkbox" id="passphrase-understood"
                        prop:checked=move || understood.get() on:change=move |ev| understood.set(event_target_checked(&ev))/>
                    <label class="notes-tick__label" for="passphrase-understood">"I understand that if I forget my passphrase, my notes cannot be recovered"</label>
                </div>
            </div>
            <button class="button" type="submit">"Lock my notes"</button>
        </form>
    }
}

/// With the lock on and open here: lock now, the wait, change the passphrase, turn it off.
#[component]
fn LockOpen() -> impl IntoView {
    let lock = use_lock();
    let notes = use_notes();
    let form = PassphraseForm::new();
    let PassphraseForm { first, again, errors } = form;
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(passphrase) = form.take(true, lock.busy_untracked().is_some()) {
            lock.change(notes, passphrase);
        }
    };
    let options = AutoLock::ALL
        .into_iter()
        .map(|after| {
            let id = format!("lock-after-{}", after.minutes());
            let label = match after {
                AutoLock::Sixty => "1 hour".to_string(),
                other => format!("{} minutes", other.minutes()),
            };
            view! {
                <div class="radios__item">
                    <input class="radios__input" id=id.clone() name="lock-after" type="radio"
                        prop:checked=move || lock.after() == after
                        on:change=move |_| lock.choose_after(after)/>
                    <label class="radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ErrorSummary errors=errors/>
        {move || lock.error().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        <p class="lead">"Your notes are locked with a passphrase. They are open in this browser now."</p>
        <button class="button" type="button" on:click=move |_| lock.lock_now(notes)>"Lock now"</button>
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"Lock my notes again after this long without use"</legend>
            <div class="radios">{options}</div>
        </fieldset>
        <h2>"Change your passphrase"</h2>
        <form class="lock-form" on:submit=change novalidate>
            <input type="text" name="username" autocomplete="username" value="Safeguarding toolkit notes" hidden readonly/>
            <NewPassphrase first again errors label="New passphrase"/>
            <button class="button button--secondary" type="submit">"Change passphrase"</button>
        </form>
        <h2>"Turn the lock off"</h2>
        <div class="warning-text">
            <p>"Your notes will be stored in this browser as you type them again, and anyone who opens this browser can read them."</p>
        </div>
        <button class="button button--warning" type="button" on:click=move |_| lock.turn_off(notes)>"Turn the lock off"</button>
    }
}
