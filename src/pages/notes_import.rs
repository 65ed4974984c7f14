//! `/notes/import`: choose an export file, see what importing it will add or change, then
//! import it, or be told plainly why the file was refused (nothing is changed then).

use std::sync::Arc;

use crate::router::A;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::components::focus::focus_by_id;
use crate::components::notes_banner::{NotesHealthBanner, SaveStatus};
use crate::components::notes_list::{human_date, NoteLine};
use crate::components::page::Page;
use crate::components::with_notes::WithNotes;
use crate::domain::lock::{classify, Envelope, Found};
use crate::domain::notes::exchange::MAX_FILE_BYTES;
use crate::domain::notes::{
    plan, read_import, ImportAction, ImportCounts, ImportError, ImportPlan, SaveError,
};
use crate::edge::{chosen_file, open_file, read_text};
use crate::state::{use_notes, use_state};

/// How many of the notes an import adds or changes are listed before it is done.
const LISTED: usize = 50;

/// Where the import has got to.
#[derive(Clone)]
enum Step {
    Choose,
    Reading,
    Refused(String),
    /// The file is locked with a passphrase: it is asked for (with why the last one failed).
    Locked {
        envelope: Arc<Envelope>,
        error: Option<String>,
    },
    Opening,
    Ready {
        exported_at: String,
        plan: Arc<ImportPlan>,
    },
    Done {
        counts: ImportCounts,
        saved: Result<(), SaveError>,
    },
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What an import did or will do, as sentences.
fn describe(counts: &ImportCounts, done: bool) -> Vec<String> {
    let (add, update, both) = if done {
        (
            "added",
            "updated with the newer version from the file",
            "kept twice, as both copies had changed",
        )
    } else {
        (
            "will be added",
            "will be updated with the newer version from the file",
            "changed both here and in the file: both versions will be kept",
        )
    };
    let mut lines = Vec::new();
    let mut push = |n: usize, what: &str| {
        if n > 0 {
            lines.push(format!("{} {what}", plural(n, "note", "notes")));
        }
    };
    push(counts.added, add);
    push(counts.updated, update);
    push(counts.kept_both, both);
    push(
        counts.unchanged,
        if done {
            "were already here"
        } else {
            "already here: no change"
        },
    );
    push(
        counts.skipped,
        if done {
            "skipped, as yours were newer"
        } else {
            "newer here: yours will be kept"
        },
    );
    push(
        counts.deleted_here,
        if done {
            "left out, as you deleted them here"
        } else {
            "deleted here: they stay deleted"
        },
    );
    push(
        counts.added_back,
        if done {
            "added back: you deleted them here, but they were changed after that"
        } else {
            "deleted here, but changed after that: they will be added back"
        },
    );
    lines
}

/// `/notes/import`: import notes from an export file.
#[component]
pub fn NotesImport() -> impl IntoView {
    view! {
        <a class="back-link" href="/notes">"Back"</a>
        <Page title="Import notes">
            <WithNotes><NotesImportContent/></WithNotes>
        </Page>
    }
}

/// The page once the notes are read.
#[component]
fn NotesImportContent() -> impl IntoView {
    let notes = use_notes();
    let step = RwSignal::new(Step::Choose);
    // Moves on, and takes focus to a refusal's error summary, as after a GOV.UK form is sent.
    let show = move |next: Step| {
        let refused = matches!(next, Step::Refused(_));
        step.set(next);
        if refused {
            focus_by_id("error-summary");
        }
    };
    let read_only = move || notes.is_read_only();
    let planned = move |text: &str| match read_import(text) {
        Err(e) => Step::Refused(e.to_string()),
        Ok(import) => Step::Ready {
            exported_at: import.exported_at.clone(),
            plan: Arc::new(notes.with_untracked(|n| plan(n, &import))),
        },
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = chosen_file(&input) else {
            step.set(Step::Choose);
            return;
        };
        if file.size() > MAX_FILE_BYTES as f64 {
            let error = ImportError::TooLarge {
                bytes: file.size() as usize,
            };
            show(Step::Refused(error.to_string()));
            return;
        }
        step.set(Step::Reading);
        read_text(&file, move |text| {
            show(match text {
                Err(e) => Step::Refused(format!(
                    "The file could not be read ({e}). Try choosing it again. Nothing has been changed."
                )),
                Ok(text) => match classify(&text) {
                    Found::Envelope(envelope) => Step::Locked {
                        envelope: Arc::new(envelope),
                        error: None,
                    },
                    Found::Damaged(why) => Step::Refused(format!(
                        "The file is locked with a passphrase, but cannot be opened: {why}. Nothing has been changed."
                    )),
                    Found::Plain(text) => planned(&text),
                },
            });
        });
    };
    let error = move || match step.get() {
        Step::Refused(message) => Some(message),
        _ => None,
    };

    view! {
        <>
            <NotesHealthBanner/>
            {move || error().map(|message| view! {
                <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                    <ul class="error-summary__list"><li><a href="#import-file">{message}</a></li></ul>
                </div>
            })}
            <p>"Import a file you exported from this toolkit, in this browser or another. Notes already here are kept: a note that is in both places is updated only if the file has a newer version, and if both have changed, both versions are kept."</p>
            {move || (!matches!(step.get(), Step::Done { .. })).then(|| view! {
                <div class="notes-field" class:notes-field--error=move || error().is_some()>
                    <label class="label" for="import-file">"Choose an export file"</label>
                    <div class="hint" id="import-file-hint">"It ends in .json, such as safeguarding-notes-2025-03-14.json."</div>
                    {move || error().map(|e| view! {
                        <p class="error-message" id="import-file-error"><span class="visually-hidden">"Error: "</span>{e}</p>
                    })}
                    <input class="notes-file" id="import-file" type="file" accept=".json,application/json"
                        aria-describedby=move || if error().is_some() { "import-file-hint import-file-error" } else { "import-file-hint" }
                        disabled=read_only on:change=on_file/>
                </div>
            })}
            {move || match step.get() {
                Step::Choose | Step::Refused(_) => ().into_any(),
                Step::Reading => view! { <p role="status">"Reading the file…"</p> }.into_any(),
                Step::Opening => view! { <p role="status">"Opening the file…"</p> }.into_any(),
                Step::Locked { envelope, error } => view! { <LockedFile envelope error step planned/> }.into_any(),
                Step::Ready { exported_at, plan } => view! { <ImportPreview exported_at plan step/> }.into_any(),
                Step::Done { counts, saved } => view! { <ImportDone counts saved/> }.into_any(),
            }}
        </>
    }
}

/// What importing the chosen file will do, with the button that does it.
#[component]
fn ImportPreview(
    /// When the file says it was exported.
    exported_at: String,
    /// What will happen to each note in it.
    plan: Arc<ImportPlan>,
    /// The page's step, moved on when the import is done.
    step: RwSignal<Step>,
) -> impl IntoView {
    let notes = use_notes();
    let library = use_state().library();
    let counts = plan.counts;
    let total = plan.items.len();
    let date = human_date(exported_at.get(..10).unwrap_or(&exported_at));
    let changing: Vec<_> = plan
        .items
        .iter()
        .filter(|item| {
            !matches!(
                item.action,
                ImportAction::Unchanged | ImportAction::Skip | ImportAction::DeletedHere
            )
        })
        .take(LISTED)
        .map(|item| {
            let line = NoteLine::new(library, &item.note);
            let action = match item.action {
                ImportAction::Add => "New",
                ImportAction::Update => "Newer version",
                ImportAction::AddedBack => "Changed after you deleted it",
                _ => "Both kept",
            };
            let headline = if line.headline.is_empty() {
                "Untitled".to_string()
            } else {
                line.headline
            };
            view! {
                <li class="notes-plan__item">
                    <strong>{action}</strong>{format!(": {}, “{headline}”", line.kind.label().to_lowercase())}
                </li>
            }
        })
        .collect_view();
    let import = move |_| match notes.import(&plan) {
        Ok((counts, saved)) => {
            step.set(Step::Done { counts, saved });
            focus_by_id("import-done");
        }
        Err(e) => {
            step.set(Step::Refused(format!("{e} Nothing has been changed.")));
            focus_by_id("error-summary");
        }
    };
    let changes = counts.changes();
    view! {
        <h2>"What will happen"</h2>
        <p role="status">{format!("This file was exported on {date}. It holds {}.", plural(total, "note", "notes"))}</p>
        <ul class="list">
            {describe(&counts, false).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
        {if changes == 0 {
            view! {
                <p>"Everything in this file is already in your notes, so there is nothing to import."</p>
                <p><A href="/notes">"Go to my notes"</A></p>
            }.into_any()
        } else {
            view! {
                <h3>{if changes > LISTED {
                    format!("The first {LISTED} of the {changes} notes that will be added or changed")
                } else {
                    "Notes that will be added or changed".to_string()
                }}</h3>
                <ul class="notes-plan">{changing}</ul>
                <div class="notes-actions">
                    <button class="button" type="button" on:click=import>{format!("Import {}", plural(changes, "note", "notes"))}</button>
                    <A href="/notes" attr:class="button button--secondary" attr:role="button">"Cancel"</A>
                </div>
            }.into_any()
        }}
    }
}

/// Says what the import did, and whether it was saved.
#[component]
fn ImportDone(
    /// What was done.
    counts: ImportCounts,
    /// Whether the notes were then saved.
    saved: Result<(), SaveError>,
) -> impl IntoView {
    view! {
        <div class="notes-notice" id="import-done" tabindex="-1" role="status">
            <h2 class="notes-notice__title">"Notes imported"</h2>
            <ul class="list">
                {describe(&counts, true).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </div>
        {saved.err().map(|_| view! { <SaveStatus/> })}
        <p><A href="/notes">"Go to my notes"</A></p>
    }
}

/// A file locked with a passphrase: the passphrase it was exported with opens it.
#[component]
fn LockedFile(
    /// The file as read.
    envelope: Arc<Envelope>,
    /// Why the last passphrase did not open it.
    error: Option<String>,
    /// The page's step, moved on when the file opens.
    step: RwSignal<Step>,
    /// What importing the opened text would do.
    planned: impl Fn(&str) -> Step + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let has_error = error.is_some();
    if has_error {
        focus_by_id("file-passphrase-error");
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let envelope = envelope.clone();
        step.set(Step::Opening);
        open_file(passphrase.get_untracked(), (*envelope).clone(), move |opened| {
            step.set(match opened {
                Ok(text) => planned(&text),
                Err(error) => Step::Locked {
                    envelope,
                    error: Some(error),
                },
            });
        });
    };
    view! {
        <form class="lock-form" on:submit=submit>
            <input type="text" name="username" autocomplete="username" value="Safeguarding toolkit notes" hidden readonly/>
            <h2>"This file is locked with a passphrase"</h2>
            <div class="notes-field" class:notes-field--error=has_error>
                <label class="label" for="file-passphrase">"The passphrase the notes were locked with when the file was exported"</label>
                {error.map(|e| view! {
                    <p class="error-message" id="file-passphrase-error" tabindex="-1" role="alert"><span class="visually-hidden">"Error: "</span>{e}</p>
                })}
                <input class="input lock-box__input" id="file-passphrase" type="password" autocomplete="current-password"
                    spellcheck="false" autocapitalize="none" aria-invalid=has_error.then_some("true")
                    aria-describedby=has_error.then_some("file-passphrase-error")
                    on:input=move |ev| passphrase.set(event_target_value(&ev))/>
            </div>
            <button class="button" type="submit">"Open the file"</button>
        </form>
    }
}
