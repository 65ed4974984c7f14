//! The copies the notes store keeps in this browser (unreadable values, and notes as they were
//! before an upgrade), listed on My notes so that each can be downloaded.

use leptos::prelude::*;

use crate::domain::notes::with_commas;
use crate::edge::download;
use crate::edge::today;
use crate::state::use_notes;

/// "Copies kept in this browser": each with its size and a download button. Nothing is shown
/// when there are none.
#[component]
pub fn KeptCopies() -> impl IntoView {
    let notes = use_notes();
    let message = RwSignal::new(String::new());
    move || {
        let kept = notes.backups();
        (!kept.is_empty()).then(|| {
            let items = kept
                .into_iter()
                .map(|backup| {
                    let key = backup.key.clone();
                    let number = backup.number;
                    let save = move |_| {
                        let name = format!("safeguarding-notes-kept-copy-{number}-{}.txt", today());
                        let result = notes
                            .backup_text(&key)
                            .ok_or_else(|| "it is no longer in this browser".to_string())
                            .and_then(|text| download(&name, "text/plain", &text));
                        message.set(match result {
                            Ok(()) => format!("The copy is in your downloads as “{name}”."),
                            Err(e) => format!("The copy could not be downloaded ({e})."),
                        });
                    };
                    view! {
                        <li class="notes-copies__item">
                            {format!("Copy {number} ({} bytes) ", with_commas(backup.bytes))}
                            <button class="button button--secondary" type="button" on:click=save>
                                "Download"<span class="visually-hidden">{format!(" copy {number}")}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="notes-copies" aria-labelledby="notes-copies-heading">
                    <h2 id="notes-copies-heading">"Copies kept in this browser"</h2>
                    <p>"When saved notes could not be read, or before they were upgraded to a new version of the toolkit, a copy was kept here so that nothing was lost. You can download each one. Deleting all your notes deletes these too."</p>
                    <ul class="list notes-copies__list">{items}</ul>
                    <p class="notes-export__message" role="status">{move || message.get()}</p>
                </section>
            }
        })
    }
}
