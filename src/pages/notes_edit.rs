//! Writing and changing a note: `/notes/new?kind=&brief=&theme=` and `/notes/<id>`.
//!
//! Every keystroke goes into the store at once and is saved after a short pause and whenever
//! the page is hidden or left. A new note gets its address (`/notes/<id>`) with its first word,
//! so a reload opens it again. "Save and finish" only checks that the required boxes are filled.

use crate::router::A;
use crate::router::{use_navigate, use_params_map, use_query_map};
use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::components::notes_banner::{NotesHealthBanner, PrivacyPoints, SaveStatus};
use crate::components::notes_fields::{provide_identifying_scope, ErrorSummary, NoteField};
use crate::components::notes_form::{blank, heading, specs, BriefChoice, Values};
use crate::components::page::Page;
use crate::components::with_notes::WithNotes;
use crate::domain::notes::{EditError, Health, NoteBody, NoteKind};
use crate::edge::new_id;
use crate::state::{use_notes, use_state};

/// `/notes/new?kind=reflection|free|brief|team&brief=<id>&theme=<id>`: a new note.
#[component]
pub fn NewNote() -> impl IntoView {
    view! { <WithNotes title="Your note"><NewNoteEditor/></WithNotes> }
}

/// `/notes/<id>`: an existing note, or a page saying it is not here.
#[component]
pub fn EditNote() -> impl IntoView {
    view! { <WithNotes title="Your note"><EditNoteEditor/></WithNotes> }
}

/// A new note's editor, of the kind the address asks for.
#[component]
fn NewNoteEditor() -> impl IntoView {
    let query = use_query_map();
    let library = use_state().library();
    move || {
        let map = query.read();
        let body = blank(
            &map.get("kind").unwrap_or_default(),
            map.get("brief"),
            map.get("theme").filter(|t| !t.is_empty()),
            library,
        );
        view! { <Editor id=new_id() body is_new=true/> }
    }
}

/// The editor for the note the address names, or a page saying it is not here.
#[component]
fn EditNoteEditor() -> impl IntoView {
    let params = use_params_map();
    let notes = use_notes();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match notes.note_untracked(&id) {
            Some(note) => view! { <Editor id body=note.body is_new=false/> }.into_any(),
            None => view! { <NoteNotFound/> }.into_any(),
        }
    }
}

/// Shown for an address with no note.
#[component]
fn NoteNotFound() -> impl IntoView {
    let notes = use_notes();
    view! {
        <Page title="Note not found">
            <NotesHealthBanner/>
            {move || (notes.health() == Health::Ready).then(|| view! {
                <p>"There is no note at this address in this browser. It may have been deleted, or written in another browser or on another device."</p>
            })}
            <p><A href="/notes">"Go to my notes"</A></p>
        </Page>
    }
}

/// The editor for one note of any kind.
#[component]
fn Editor(
    /// The note's id (new notes are given one before they exist).
    id: String,
    /// What the note says when the editor opens.
    body: NoteBody,
    /// Whether the note does not exist yet: it is created with its first word.
    is_new: bool,
) -> impl IntoView {
    provide_identifying_scope();
    let notes = use_notes();
    let library = use_state().library();
    let navigate = use_navigate();
    let kind = body.kind();
    let step = match &body {
        NoteBody::NextStep(t) => t.step,
        _ => 0,
    };
    let values = Values::new(kind, &body);
    let id = StoredValue::new(id);
    let exists = RwSignal::new(!is_new);
    let first_use = notes.with_untracked(|n| n.is_empty());
    let read_only = Signal::derive(move || notes.is_read_only());
    // Why the latest change was not kept, and which box it was about.
    let refused = RwSignal::new(None::<(Option<&'static str>, String)>);
    let submitted = RwSignal::new(false);
    let other_tab = RwSignal::new(None::<(String, Option<String>)>);

    let on_change = Callback::new(move |()| {
        let body = values.body(kind, step);
        if !exists.get_untracked() && body.text_fields().iter().all(|t| t.is_empty()) {
            return;
        }
        match notes.put(&id.get_value(), body) {
            Ok(_) => {
                refused.set(None);
                if !exists.get_untracked() {
                    exists.set(true);
                    replace_url(&format!("/notes/{}", id.get_value()));
                }
            }
            Err(error) => {
                let field = match &error {
                    EditError::TooLong { field, .. } => Some(*field),
                    _ => None,
                };
                refused.set(Some((field, error.to_string())));
            }
        }
    });

    let errors = Memo::new(move |_| {
        let mut errors: Vec<(String, String)> = Vec::new();
        if let Some((Some(field), message)) = refused.get() {
            if let Some(s) = specs(kind).iter().find(|s| s.name == field) {
                errors.push((s.id.to_string(), message));
            }
        }
        if submitted.get() {
            for s in specs(kind) {
                let empty = values.get(s.name).with(|v| v.trim().is_empty());
                if let (true, Some(message)) = (empty, s.required) {
                    errors.push((s.id.to_string(), message.to_string()));
                }
            }
        }
        errors
    });
    let error_for = move |field_id: &'static str| {
        Signal::derive(move || errors.with(|e| e.iter().find(|(f, _)| f == field_id).map(|(_, m)| m.clone())))
    };

    // Another tab changed or deleted this note: show its version, or say what happened.
    Effect::new(move |first: Option<()>| {
        let report = notes.from_other_tab();
        if first.is_none() {
            return;
        }
        let Some(report) = report else { return };
        let id = id.get_value();
        if report.came_in.contains(&id) {
            if let Some(note) = notes.note_untracked(&id) {
                values.fill(&note.body);
                other_tab.set(Some((
                    "This note was changed in another tab or window. It now shows those changes.".into(),
                    None,
                )));
            }
        } else if report.removed.contains(&id) {
            exists.set(false);
            other_tab.set(Some((
                "This note was deleted in another tab or window. Its text is still here: type in it to keep it."
                    .into(),
                None,
            )));
        } else if let Some(kept) = report.kept_both.iter().find(|k| k.id == id) {
            let message = if kept.copy_is_ours {
                if let Some(note) = notes.note_untracked(&id) {
                    values.fill(&note.body);
                }
                "This note was changed in another tab or window at the same time. It now shows that version; the version you had here is kept as a separate note."
            } else {
                "This note was changed in another tab or window at the same time. Your version is here; the other version is kept as a separate note."
            };
            other_tab.set(Some((message.into(), Some(kept.copy.clone()))));
        } else if report.kept_despite_delete.contains(&id) {
            other_tab.set(Some((
                "This note was deleted in another tab or window, but it was changed here too, so it is kept."
                    .into(),
                None,
            )));
        }
    });

    let on_submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            submitted.set(true);
            if !errors.get_untracked().is_empty() {
                focus_by_id("error-summary");
                return;
            }
            notes.flush();
            navigate("/notes", Default::default());
        }
    };
    let on_delete = move |_| match notes.delete(&id.get_value()) {
        Ok(()) => navigate("/notes", Default::default()),
        Err(error) => refused.set(Some((None, error.to_string()))),
    };

    let brief_id = values.get("brief_id");
    let caption = move || brief_id.with(|b| library.brief(b).map(|b| b.title.clone()));
    let back = match body.brief_id().filter(|b| is_new && library.brief(b).is_some()) {
        Some(b) => format!("/briefs/{b}"),
        None => "/notes".to_string(),
    };
    let step_text = match &body {
        NoteBody::NextStep(t) => library
            .brief(&t.brief_id)
            .and_then(|b| b.next_steps.get(t.step as usize))
            .map(|s| format!("Next step {}: {s}", t.step + 1)),
        _ => None,
    };
    let fields = specs(kind)
        .iter()
        .map(|s| {
            view! {
                <NoteField id=s.id label=s.label hint=s.hint control=s.control
                    value=values.get(s.name) error=error_for(s.id) read_only on_change/>
            }
        })
        .collect_view();
    let title = heading(kind, is_new);
    let status_refused = Signal::derive(move || refused.get().map(|(_, m)| m));

    view! {
        <a class="back-link" href=back>"Back"</a>
        {move || caption().map(|c| view! { <p class="caption">{c}</p> })}
        <Page title=title>
            <NotesHealthBanner/>
            <ErrorSummary errors=errors/>
            {move || other_tab.get().map(|(message, copy)| view! {
                <div class="notes-notice" role="status">
                    <p>{message}</p>
                    {copy.map(|c| view! { <p><A href=format!("/notes/{c}")>"Open the other version"</A></p> })}
                </div>
            })}
            {if first_use {
                view! { <PrivacyPoints/> }.into_any()
            } else {
                view! { <p class="hint">"Do not record names or details that could identify a child or family."</p> }.into_any()
            }}
            {step_text.map(|s| view! { <div class="inset"><p>{s}</p></div> })}
            <form class="notes-form" novalidate on:submit=on_submit>
                {matches!(kind, NoteKind::Brief | NoteKind::Team).then(|| view! {
                    <BriefChoice values with_theme=kind == NoteKind::Brief read_only on_change/>
                })}
                {fields}
                <SaveStatus refused=status_refused/>
                <div class="notes-actions">
                    <button class="button" type="submit" disabled=move || read_only.get()>"Save and finish"</button>
                    {move || (exists.get() && !read_only.get()).then(|| view! {
                        <button class="button button--warning" type="button" on:click=on_delete.clone()>"Delete this note"</button>
                    })}
                </div>
                <p class="hint">"Your note is saved as you type. You can undo a delete on the My notes page."</p>
            </form>
        </Page>
    }
}

/// Changes the address without a navigation, so a reload opens this note.
fn replace_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}
