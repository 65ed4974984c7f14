//! `/notes/delete`: the confirmation before deleting every note, saying exactly what will go.

use crate::router::use_navigate;
use crate::router::A;
use leptos::prelude::*;

use crate::components::notes_banner::{ExportButton, NotesHealthBanner};
use crate::components::page::Page;
use crate::components::with_notes::WithNotes;
use crate::state::use_notes;

/// `/notes/delete`: are you sure? Says how many notes of each kind will be deleted.
#[component]
pub fn NotesDelete() -> impl IntoView {
    view! {
        <a class="back-link" href="/notes">"Back"</a>
        <Page title="Delete all your notes?">
            <WithNotes><NotesDeleteContent/></WithNotes>
        </Page>
    }
}

/// The page once the notes are read.
#[component]
fn NotesDeleteContent() -> impl IntoView {
    let notes = use_notes();
    let navigate = use_navigate();
    let counts = Memo::new(move |_| notes.with(|n| n.counts()));
    let copies = Memo::new(move |_| notes.backups().len());
    let failed = RwSignal::new(None::<String>);
    let delete = move |_| {
        let result = notes
            .delete_all()
            .map_err(|e| e.to_string())
            .and_then(|_| notes.delete_backups().map_err(|e| e.to_string()));
        match result {
            Ok(_) => navigate("/notes", Default::default()),
            Err(e) => failed.set(Some(e)),
        }
    };
    view! {
        <>
            <NotesHealthBanner/>
            {move || {
                let counts = counts.get();
                let copies = copies.get();
                if counts.total() == 0 && copies == 0 {
                    return view! {
                        <p>"You have no notes to delete."</p>
                        <p><A href="/notes">"Go to my notes"</A></p>
                    }.into_any();
                }
                let delete = delete.clone();
                view! {
                    <p class="lead">{format!("This deletes all {} from this browser: {counts}.", if counts.total() == 1 { "1 note".to_string() } else { format!("{} notes", counts.total()) })}</p>
                    {(copies > 0).then(|| view! {
                        <p>{format!("It also deletes the {} kept in this browser (listed on My notes). That part cannot be undone.", if copies == 1 { "1 copy".to_string() } else { format!("{copies} copies") })}</p>
                    })}
                    <div class="warning-text">
                        <p>"You can undo this on the next page, until you leave it. After that they cannot be got back unless you have exported them. No other tab or later import brings them back."</p>
                    </div>
                    <p>"To keep a copy, export your notes first."</p>
                    <div class="notes-export"><ExportButton label="Export all notes first"/></div>
                    {move || failed.get().map(|e| view! { <p class="error-message">{e}</p> })}
                    <div class="notes-actions">
                        <button class="button button--warning" type="button" disabled=move || notes.is_read_only() on:click=delete>
                            "Delete all notes"
                        </button>
                        <A href="/notes" attr:class="button button--secondary" attr:role="button">"Cancel"</A>
                    </div>
                }.into_any()
            }}
        </>
    }
}
