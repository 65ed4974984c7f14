//! The stored form of notes, one module per schema, kept apart from the in-memory types.
//!
//! A stored type never changes once shipped: a change means a new schema, a new module here,
//! a migration in [`super::codec::MIGRATIONS`] and a fixture `tests/fixtures/notes-schema-N.json`.
//! Export files use the current schema's note shape too.

/// The schema this app writes: [`super::codec::CURRENT_SCHEMA`] must name it.
pub use v1 as current;

pub mod v1 {
    //! Schema 1: `{ "schema": 1, "notes": [ { "id", "created_at", "updated_at", "history",
    //! "kind", ...the kind's fields } ] }`.

    use crate::domain::notes::model::{
        BriefNote, FreeNote, NextStepTick, Note, NoteBody, Reflection, TeamDiscussion,
    };
    use serde::{Deserialize, Serialize};

    /// The whole stored value.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Envelope {
        /// Always 1 here.
        pub schema: u32,
        /// Every note.
        pub notes: Vec<StoredNote>,
        /// Ids of deleted notes, so another tab can tell a delete from a note it never saw;
        /// left out when empty (files without it are read as having none).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub deleted: Vec<String>,
    }

    /// One stored note: the shared fields, then the kind and its fields.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct StoredNote {
        /// The note's id.
        pub id: String,
        /// Milliseconds since 1970.
        pub created_at: u64,
        /// Milliseconds since 1970; also names this version.
        pub updated_at: u64,
        /// Earlier versions' `updated_at`, oldest first; left out when empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub history: Vec<u64>,
        /// `"kind"` and that kind's fields, at the same level as the fields above.
        #[serde(flatten)]
        pub body: StoredBody,
    }

    /// The kind, as `"kind": "reflection"`, and that kind's fields (see the in-memory types in
    /// `model` for what each field means).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(tag = "kind", rename_all = "kebab-case")]
    pub enum StoredBody {
        /// `"brief-note"`
        BriefNote {
            brief_id: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            theme_id: Option<String>,
            text: String,
        },
        /// `"reflection"`
        Reflection {
            activity: String,
            when: String,
            learnt: String,
            practice_change: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            peer_reflection: Option<String>,
        },
        /// `"free-form"`
        FreeForm { title: String, text: String },
        /// `"next-step"`
        NextStep {
            brief_id: String,
            step: u32,
            done_on: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            what_i_did: Option<String>,
        },
        /// `"team-discussion"`
        TeamDiscussion {
            brief_id: String,
            date: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            agreed: Option<String>,
        },
    }

    /// What a field holds, for checking files field by field (see [`fields_of`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum FieldShape {
        /// A string that must be there.
        Text,
        /// A string that may be missing or `null`.
        OptionalText,
        /// A whole number that fits in 32 bits.
        Count,
        /// Milliseconds since 1970.
        Time,
    }

    /// The fields every note has, with `"kind"` (`history` is optional and checked apart).
    pub const COMMON_FIELDS: [(&str, FieldShape); 4] = [
        ("id", FieldShape::Text),
        ("created_at", FieldShape::Time),
        ("updated_at", FieldShape::Time),
        ("kind", FieldShape::Text),
    ];

    /// The `kind` values schema 1 knows.
    pub const KINDS: [&str; 5] = [
        "brief-note",
        "reflection",
        "free-form",
        "next-step",
        "team-discussion",
    ];

    /// The fields of one kind, as [`StoredBody`] declares them; `None` for an unknown kind.
    pub fn fields_of(kind: &str) -> Option<&'static [(&'static str, FieldShape)]> {
        use FieldShape::{Count, OptionalText, Text};
        Some(match kind {
            "brief-note" => &[("brief_id", Text), ("theme_id", OptionalText), ("text", Text)],
            "reflection" => &[
                ("activity", Text),
                ("when", Text),
                ("learnt", Text),
                ("practice_change", Text),
                ("peer_reflection", OptionalText),
            ],
            "free-form" => &[("title", Text), ("text", Text)],
            "next-step" => &[
                ("brief_id", Text),
                ("step", Count),
                ("done_on", Text),
                ("what_i_did", OptionalText),
            ],
            "team-discussion" => &[("brief_id", Text), ("date", Text), ("agreed", OptionalText)],
            _ => return None,
        })
    }

    impl From<&Note> for StoredNote {
        fn from(note: &Note) -> Self {
            let body = match &note.body {
                NoteBody::Brief(n) => StoredBody::BriefNote {
                    brief_id: n.brief_id.clone(),
                    theme_id: n.theme_id.clone(),
                    text: n.text.clone(),
                },
                NoteBody::Reflection(r) => StoredBody::Reflection {
                    activity: r.activity.clone(),
                    when: r.when.clone(),
                    learnt: r.learnt.clone(),
                    practice_change: r.practice_change.clone(),
                    peer_reflection: r.peer_reflection.clone(),
                },
                NoteBody::Free(n) => StoredBody::FreeForm {
                    title: n.title.clone(),
                    text: n.text.clone(),
                },
                NoteBody::NextStep(n) => StoredBody::NextStep {
                    brief_id: n.brief_id.clone(),
                    step: n.step,
                    done_on: n.done_on.clone(),
                    what_i_did: n.what_i_did.clone(),
                },
                NoteBody::Team(n) => StoredBody::TeamDiscussion {
                    brief_id: n.brief_id.clone(),
                    date: n.date.clone(),
                    agreed: n.agreed.clone(),
                },
            };
            StoredNote {
                id: note.id.clone(),
                created_at: note.created_at,
                updated_at: note.updated_at,
                history: note.history.clone(),
                body,
            }
        }
    }

    impl From<StoredNote> for Note {
        fn from(stored: StoredNote) -> Self {
            let body = match stored.body {
                StoredBody::BriefNote {
                    brief_id,
                    theme_id,
                    text,
                } => NoteBody::Brief(BriefNote {
                    brief_id,
                    theme_id,
                    text,
                }),
                StoredBody::Reflection {
                    activity,
                    when,
                    learnt,
                    practice_change,
                    peer_reflection,
                } => NoteBody::Reflection(Reflection {
                    activity,
                    when,
                    learnt,
                    practice_change,
                    peer_reflection,
                }),
                StoredBody::FreeForm { title, text } => NoteBody::Free(FreeNote { title, text }),
                StoredBody::NextStep {
                    brief_id,
                    step,
                    done_on,
                    what_i_did,
                } => NoteBody::NextStep(NextStepTick {
                    brief_id,
                    step,
                    done_on,
                    what_i_did,
                }),
                StoredBody::TeamDiscussion {
                    brief_id,
                    date,
                    agreed,
                } => NoteBody::Team(TeamDiscussion {
                    brief_id,
                    date,
                    agreed,
                }),
            };
            Note {
                id: stored.id,
                created_at: stored.created_at,
                updated_at: stored.updated_at,
                history: stored.history,
                body,
            }
        }
    }
}
