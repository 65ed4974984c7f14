//! What every notes screen says about the notes themselves: a banner when they cannot be kept
//! or read, the "Saved" / "Not saved" status line, the privacy points and the export button.

use leptos::prelude::*;

use crate::domain::notes::{Health, SaveState, PRIVACY_POINTS};
use crate::edge::download;
use crate::edge::today;
use crate::state::lock::{use_lock, LockStatus};
use crate::state::use_notes;

/// A banner saying what is wrong when notes cannot be kept (storage blocked), cannot be read
/// (unreadable data) or cannot be changed (data from a newer version), and what to do next.
/// Nothing is shown while notes are read and saved normally.
#[component]
pub fn NotesHealthBanner() -> impl IntoView {
    let notes = use_notes();
    let reset_error = RwSignal::new(None::<String>);
    move || {
        let health = notes.health();
        let (title, actions) = match &health {
            Health::Ready => return None,
            Health::MemoryOnly => (
                "Your notes will not be kept",
                view! { <ExportButton/> }.into_any(),
            ),
            Health::Unreadable { .. } => (
                "Your saved notes could not be read",
                view! { <UnreadableActions reset_error/> }.into_any(),
            ),
            Health::Newer { .. } => (
                "Your notes are from a newer version",
                view! { <HeldNotes/> }.into_any(),
            ),
            Health::MigrationBlocked { .. } => (
                "Your notes could not be upgraded yet",
                view! { <UpgradeActions reset_error/> }.into_any(),
            ),
        };
        Some(view! {
            <div class="notes-banner" role="region" aria-labelledby="notes-banner-title">
                <h2 class="notes-banner__title" id="notes-banner-title">{title}</h2>
                <p>{health.to_string()}</p>
                {actions}
                {move || reset_error.get().map(|e| view! { <p class="error-message">{e}</p> })}
            </div>
        })
    }
}

/// The choices after unreadable data: keep a copy of it, or start again.
#[component]
fn UnreadableActions(
    /// Where to say why starting again failed.
    reset_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let notes = use_notes();
    let save_copy = move |_| {
        if let Some(text) = notes.unreadable_text() {
            let name = format!("safeguarding-notes-unreadable-{}.txt", today());
            if let Err(e) = download(&name, "text/plain", &text) {
                reset_error.set(Some(format!("The file could not be downloaded ({e}).")));
            }
        }
    };
    let start_again = move |_| match notes.reset() {
        Ok(()) => reset_error.set(None),
        Err(e) => reset_error.set(Some(format!("Could not start again. {e}"))),
    };
    view! {
        <HeldNotes/>
        <div class="notes-actions">
            <button class="button button--secondary" type="button" on:click=save_copy>
                "Download the unreadable notes"
            </button>
            <button class="button button--warning" type="button" on:click=start_again>
                "Start again with no notes"
            </button>
        </div>
        <p class="hint">"Starting again keeps the copy in this browser. Notes you write after that are saved as usual."</p>
    }
}

/// When notes turn read-only with words this tab has not saved: say so, and offer them as a
/// file (an export, which can be imported again), so nothing typed is stranded.
#[component]
fn HeldNotes() -> impl IntoView {
    let notes = use_notes();
    move || {
        notes.has_unsaved().then(|| {
            view! {
                <p><strong>"This page has changes that were not saved."</strong>" Download them to keep them: you can import the file later, here or in another browser."</p>
                <div class="notes-actions"><ExportButton label="Download the notes on this page"/></div>
            }
        })
    }
}

/// The choices after an upgrade could not keep a copy first: export, then try again.
#[component]
fn UpgradeActions(
    /// Where to say why trying again failed.
    reset_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let notes = use_notes();
    let again = move |_| match notes.reset() {
        Ok(()) => reset_error.set(None),
        Err(e) => reset_error.set(Some(format!("The upgrade could not be done yet. {e}"))),
    };
    view! {
        <div class="notes-actions">
            <ExportButton label="Export your notes"/>
            <button class="button button--secondary" type="button" on:click=again>"Try the upgrade again"</button>
        </div>
    }
}

/// The last outcome of saving, announced to screen readers: "Saved", or "Not saved" and why.
#[component]
pub fn SaveStatus(
    /// An editor's own reason the latest change was not kept (such as a field too long); it
    /// takes the place of the store's status while it is there.
    #[prop(optional, into)]
    refused: Option<Signal<Option<String>>>,
    /// Whether to say anything yet (the region is there from the start, so that later changes
    /// are announced). Always, when not given.
    #[prop(optional, into)]
    shown: Option<Signal<bool>>,
) -> impl IntoView {
    let notes = use_notes();
    let text = move || {
        if shown.is_some_and(|s| !s.get()) {
            return (true, String::new());
        }
        if let Some(reason) = refused.and_then(|r| r.get()) {
            return (false, format!("Not saved. {reason}"));
        }
        let state = notes.status();
        (state == SaveState::Saved, state.to_string())
    };
    view! {
        <p class="notes-status" class:notes-status--problem=move || !text().0 role="status">
            {move || text().1}
        </p>
    }
}

/// What to know before writing notes, in plain words.
#[component]
pub fn PrivacyPoints(
    /// The heading's id, unique on the page.
    #[prop(default = "privacy-heading")]
    id: &'static str,
    /// The heading.
    #[prop(default = "Before you write")]
    title: &'static str,
) -> impl IntoView {
    view! {
        <section class="notes-privacy" aria-labelledby=id>
            <h2 class="notes-privacy__title" id=id>{title}</h2>
            <ul class="list">
                {PRIVACY_POINTS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// A button that downloads every note as a JSON export file, and says what it did. While the
/// notes are locked with a passphrase and open, the person chooses: a file locked with the same
/// passphrase, or a plain one that anyone who opens it can read.
#[component]
pub fn ExportButton(
    /// The button's text.
    #[prop(default = "Export all notes")]
    label: &'static str,
) -> impl IntoView {
    let notes = use_notes();
    let lock = use_lock();
    let message = RwSignal::new(String::new());
    let export = move |locked: bool| {
        let count = notes.with_untracked(|n| n.len());
        let what = format!("{count} {}", if count == 1 { "note" } else { "notes" });
        let name = if locked {
            format!("safeguarding-notes-{}-locked.json", today())
        } else {
            format!("safeguarding-notes-{}.json", today())
        };
        let saved = move |result: Result<String, String>| {
            let result = result.and_then(|text| download(&name, "application/json", &text));
            message.set(match result {
                Ok(()) if locked => format!(
                    "Exported {what}, locked with your passphrase. The file “{name}” is in your downloads. It opens only with your passphrase, when you import it here or in another browser."
                ),
                Ok(()) => format!(
                    "Exported {what}. The file “{name}” is in your downloads. Keep it somewhere safe: anyone who opens it can read your notes."
                ),
                Err(e) => format!("Your notes could not be exported ({e}). Try again, or print your CPD record."),
            });
        };
        match notes.export().map_err(|e| e.to_string()) {
            Ok(text) if locked => {
                message.set("Locking the file…".into());
                crate::edge::seal_file(text, saved);
            }
            other => saved(other),
        }
    };
    view! {
        {move || if lock.status() == LockStatus::Open {
            view! {
                <button class="button button--secondary" type="button" on:click=move |_| export(true)>"Export, locked with my passphrase"</button>
                <button class="button button--secondary" type="button" on:click=move |_| export(false)>"Export as plain text"</button>
                <p class="hint">"A plain file can be read by anyone who opens it, on any device it is copied to."</p>
            }.into_any()
        } else {
            view! { <button class="button button--secondary" type="button" on:click=move |_| export(false)>{label}</button> }.into_any()
        }}
        <p class="notes-export__message" role="status">{move || message.get()}</p>
    }
}
