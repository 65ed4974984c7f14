//! "Record that we discussed this": saves to the person's own notes the brief, the date and an
//! optional line on what the team agreed, as evidence that the briefing was used.

use crate::router::A;
use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::components::notes_fields::{ErrorSummary, NoteField};
use crate::components::with_notes::WithNotes;
use crate::domain::notes::{NoteBody, TeamDiscussion};
use crate::edge::{new_id, today};
use crate::state::use_notes;

/// The form, then what was saved with a link to the note. Nothing is saved until the button.
#[component]
pub fn DiscussRecord(
    /// The id of the brief discussed.
    brief_id: &'static str,
) -> impl IntoView {
    view! { <WithNotes><RecordForm brief_id/></WithNotes> }
}

/// The form, once the notes are read.
#[component]
fn RecordForm(
    /// The id of the brief discussed.
    brief_id: &'static str,
) -> impl IntoView {
    let notes = use_notes();
    let date = RwSignal::new(today());
    let agreed = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let saved = RwSignal::new(None::<String>);
    let read_only = Signal::derive(move || notes.is_read_only());
    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|e| e.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())))
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if date.with_untracked(|d| d.trim().is_empty()) {
            errors.set(vec![(
                "discuss-date".into(),
                "Enter the date of the discussion".into(),
            )]);
            focus_by_id("error-summary");
            return;
        }
        let line = agreed.get_untracked().trim().to_string();
        let body = NoteBody::Team(TeamDiscussion {
            brief_id: brief_id.to_string(),
            date: date.get_untracked(),
            agreed: (!line.is_empty()).then_some(line),
        });
        let id = new_id();
        match notes.put(&id, body) {
            Ok(_) => {
                notes.flush();
                errors.set(Vec::new());
                saved.set(Some(id));
            }
            Err(e) => {
                let field = if matches!(e, crate::domain::notes::EditError::TooLong { .. }) {
                    "discuss-agreed"
                } else {
                    "discuss-date"
                };
                errors.set(vec![(field.into(), e.to_string())]);
                focus_by_id("error-summary");
            }
        }
    };

    view! {
        <section class="discuss-record" aria-labelledby="discuss-record-heading">
            <h2 id="discuss-record-heading">"Record that we discussed this"</h2>
            {move || match saved.get() {
                Some(id) => view! {
                    <div class="notes-notice" role="status">
                        <p>"Saved in your notes on this device: the brief, the date and what you agreed."</p>
                        <p><A href=format!("/notes/{id}")>"Open the record in your notes"</A></p>
                    </div>
                }.into_any(),
                None => view! {
                    <p class="hint">"This saves a note in this browser only, for your own records. Each person who wants a record saves their own. Do not record names or details that could identify a child or family."</p>
                    <ErrorSummary errors=errors/>
                    <form class="notes-form" novalidate on:submit=on_submit>
                        <NoteField id="discuss-date" label="Date of the discussion" hint=None control="date"
                            value=date error=error_for("discuss-date") read_only on_change=Callback::new(|()| {})/>
                        <NoteField id="discuss-agreed" label="What did the team agree? (optional)"
                            hint=Some("For example, an action the team will take, and by when.") control="textarea"
                            value=agreed error=error_for("discuss-agreed") read_only on_change=Callback::new(|()| {})/>
                        <button class="button" type="submit" disabled=move || read_only.get()>"Record that we discussed this"</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
