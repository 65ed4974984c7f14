//! What the note editor asks for each kind of note: its boxes (with labels, hints and the
//! message when a required box is empty), its heading, a blank note from the address, the
//! boxes' values as signals, and the choice of brief and theme.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::content::Library;
use crate::domain::notes::{
    BriefNote, FreeNote, NextStepTick, NoteBody, NoteKind, Reflection, TeamDiscussion,
};
use crate::edge::today;
use crate::state::use_state;

/// One box in the editor.
pub struct Spec {
    /// The stored field's name, such as `"learnt"`.
    pub name: &'static str,
    /// The input's id.
    pub id: &'static str,
    /// The label.
    pub label: &'static str,
    /// Hint text, if any.
    pub hint: Option<&'static str>,
    /// `"text"`, `"date"` or `"textarea"`.
    pub control: &'static str,
    /// The message when it is left empty, if it must be filled in.
    pub required: Option<&'static str>,
}

const fn spec(
    name: &'static str,
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    control: &'static str,
    required: Option<&'static str>,
) -> Spec {
    Spec {
        name,
        id,
        label,
        hint,
        control,
        required,
    }
}

const NOTE_TEXT: Spec = spec(
    "text",
    "note-text",
    "Your note",
    None,
    "textarea",
    Some("Enter your note"),
);

#[rustfmt::skip]
const REFLECTION: &[Spec] = &[
    spec("activity", "note-activity", "What was the learning activity?",
        Some("For example, a training course, reading a learning brief or a team discussion."),
        "text", Some("Enter what the learning activity was")),
    spec("when", "note-when", "When was it?", Some("For example, 14 March 2025, or March 2025."),
        "text", Some("Enter when the learning activity was")),
    spec("learnt", "note-learnt", "What did you learn?", None, "textarea", Some("Enter what you learnt")),
    spec("practice_change", "note-practice-change", "How will it change your practice?", None,
        "textarea", Some("Enter how it will change your practice")),
    spec("peer_reflection", "note-peer-reflection",
        "What did you learn from discussing it with a colleague? (optional)",
        Some("Leave this empty if you have not discussed it with anyone."), "textarea", None),
];

#[rustfmt::skip]
const FREE: &[Spec] = &[
    spec("title", "note-title", "Title (optional)", Some("A few words to help you find this note."),
        "text", None),
    NOTE_TEXT,
];

#[rustfmt::skip]
const NEXT_STEP: &[Spec] = &[
    spec("done_on", "note-done-on", "When did you do it?", None, "date", Some("Enter when you did it")),
    spec("what_i_did", "note-what-i-did", "What did you do? (optional)", None, "textarea", None),
];

#[rustfmt::skip]
const TEAM: &[Spec] = &[
    spec("date", "note-date", "When did the team discuss it?", None, "date",
        Some("Enter when the team discussed it")),
    spec("agreed", "note-agreed", "What did the team agree? (optional)", None, "textarea", None),
];

/// The boxes for each kind of note, in order (the brief and theme choices come first).
pub fn specs(kind: NoteKind) -> &'static [Spec] {
    match kind {
        NoteKind::Reflection => REFLECTION,
        NoteKind::Free => FREE,
        NoteKind::Brief => std::slice::from_ref(&NOTE_TEXT),
        NoteKind::NextStep => NEXT_STEP,
        NoteKind::Team => TEAM,
    }
}

/// The page heading for a kind of note, new or not.
pub fn heading(kind: NoteKind, is_new: bool) -> &'static str {
    match (kind, is_new) {
        (NoteKind::Reflection, true) => "Write a reflection",
        (NoteKind::Reflection, false) => "Your reflection",
        (NoteKind::Free, true) => "Write a note",
        (NoteKind::Free, false) => "Your note",
        (NoteKind::Brief, true) => "Write a note on a brief",
        (NoteKind::Brief, false) => "Your note on a brief",
        (NoteKind::NextStep, _) => "Next step done",
        (NoteKind::Team, true) => "Record a team discussion",
        (NoteKind::Team, false) => "Team discussion",
    }
}

/// An empty note of the kind named in the address, tied to a brief (and theme) if given.
pub fn blank(kind: &str, brief: Option<String>, theme: Option<String>, library: &Library) -> NoteBody {
    let brief = brief.filter(|b| library.brief(b).is_some());
    match (kind, brief) {
        ("brief", brief) => NoteBody::Brief(BriefNote {
            brief_id: brief.unwrap_or_default(),
            theme_id: theme,
            text: String::new(),
        }),
        ("team", brief) => NoteBody::Team(TeamDiscussion {
            brief_id: brief.unwrap_or_default(),
            date: today(),
            agreed: None,
        }),
        ("reflection", brief) => NoteBody::Reflection(Reflection {
            activity: brief
                .and_then(|b| library.brief(&b))
                .map(|b| format!("Read the learning brief “{}”", b.title))
                .unwrap_or_default(),
            ..Reflection::default()
        }),
        _ => NoteBody::Free(FreeNote::default()),
    }
}

/// The boxes of a note as signals, by stored field name.
#[derive(Clone, Copy)]
pub struct Values(StoredValue<BTreeMap<&'static str, RwSignal<String>>>);

impl Values {
    /// The boxes for a note of `kind`, showing `body`.
    pub fn new(kind: NoteKind, body: &NoteBody) -> Self {
        let mut map: BTreeMap<&'static str, RwSignal<String>> = BTreeMap::new();
        for name in ["brief_id", "theme_id"]
            .into_iter()
            .chain(specs(kind).iter().map(|s| s.name))
        {
            map.insert(name, RwSignal::new(String::new()));
        }
        let values = Values(StoredValue::new(map));
        values.fill(body);
        values
    }

    /// The box for the stored field `name`.
    pub fn get(&self, name: &str) -> RwSignal<String> {
        self.0
            .with_value(|m| m.get(name).copied())
            .unwrap_or_else(|| RwSignal::new(String::new()))
    }

    /// What the box for `name` holds now.
    fn text(&self, name: &str) -> String {
        self.get(name).get_untracked()
    }

    /// What the box for `name` holds, or `None` when it is empty.
    fn optional(&self, name: &str) -> Option<String> {
        Some(self.text(name)).filter(|v| !v.is_empty())
    }

    /// Shows `body` in the boxes.
    pub fn fill(&self, body: &NoteBody) {
        for (name, value) in body.fields() {
            let signal = self.get(name);
            if signal.with_untracked(|v| v != value) {
                signal.set(value.to_string());
            }
        }
    }

    /// The note the boxes say now.
    pub fn body(&self, kind: NoteKind, step: u32) -> NoteBody {
        match kind {
            NoteKind::Brief => NoteBody::Brief(BriefNote {
                brief_id: self.text("brief_id"),
                theme_id: self.optional("theme_id"),
                text: self.text("text"),
            }),
            NoteKind::Reflection => NoteBody::Reflection(Reflection {
                activity: self.text("activity"),
                when: self.text("when"),
                learnt: self.text("learnt"),
                practice_change: self.text("practice_change"),
                peer_reflection: self.optional("peer_reflection"),
            }),
            NoteKind::Free => NoteBody::Free(FreeNote {
                title: self.text("title"),
                text: self.text("text"),
            }),
            NoteKind::NextStep => NoteBody::NextStep(NextStepTick {
                brief_id: self.text("brief_id"),
                step,
                done_on: self.text("done_on"),
                what_i_did: self.optional("what_i_did"),
            }),
            NoteKind::Team => NoteBody::Team(TeamDiscussion {
                brief_id: self.text("brief_id"),
                date: self.text("date"),
                agreed: self.optional("agreed"),
            }),
        }
    }
}

/// The brief a note is on and, for notes on a brief, the part of it.
#[component]
pub fn BriefChoice(
    /// The editor's boxes (`brief_id` and `theme_id` are used).
    values: Values,
    /// Whether to offer the brief's themes.
    with_theme: bool,
    /// Whether the choice can only be read.
    read_only: Signal<bool>,
    /// Called after each change.
    on_change: Callback<()>,
) -> impl IntoView {
    let library = use_state().library();
    let brief_id = values.get("brief_id");
    let theme_id = values.get("theme_id");
    let briefs = library
        .briefs
        .iter()
        .map(|b| {
            let id = b.id.clone();
            let selected = move || brief_id.with(|v| *v == id);
            view! { <option value=b.id.clone() selected=selected>{b.title.clone()}</option> }
        })
        .collect_view();
    let themes = move || {
        let brief = brief_id.with(|b| library.brief(b))?;
        let options = brief
            .themes
            .iter()
            .map(|t| {
                let id = t.id.clone();
                let selected = move || theme_id.with(|v| *v == id);
                view! { <option value=t.id.clone() selected=selected>{t.title.clone()}</option> }
            })
            .collect_view();
        Some(view! {
            <div class="notes-field">
                <label class="label" for="note-theme">"What part of the brief is it about?"</label>
                <select class="select" id="note-theme" disabled=move || read_only.get()
                    on:change=move |ev| { theme_id.set(event_target_value(&ev)); on_change.run(()); }>
                    <option value="" selected=move || theme_id.with(String::is_empty)>"The whole brief"</option>
                    {options}
                </select>
            </div>
        })
    };
    view! {
        <div class="notes-field">
            <label class="label" for="note-brief">"Which brief is it about?"</label>
            <select class="select notes-field__select" id="note-brief" disabled=move || read_only.get()
                on:change=move |ev| {
                    brief_id.set(event_target_value(&ev));
                    theme_id.set(String::new());
                    on_change.run(());
                }>
                <option value="" selected=move || brief_id.with(String::is_empty)>"Choose a brief"</option>
                {briefs}
            </select>
        </div>
        {move || with_theme.then(themes)}
    }
}
