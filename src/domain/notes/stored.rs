//! The stored form of notes, one module per schema, kept apart from the in-memory types.
//!
//! A stored type never changes once shipped: a change means a new schema, a new module here,
//! a migration in [`super::codec`] and a fixture `tests/fixtures/notes-schema-N.json`.
//! Export files use the current schema's note shape too.

/// The schema this app writes: [`super::codec::CURRENT_SCHEMA`] must name it.
pub use v2 as current;

pub mod v1 {
    //! Schema 1: `{ "schema": 1, "notes": [ { "id", "created_at", "updated_at", "history",
    //! "kind", ...the kind's fields } ] }`.

    use crate::domain::notes::model::{
        BriefNote, FreeNote, NextStepTick, Note, NoteBody, Reflection, TeamDiscussion,
    };
    use crate::domain::notes::version::{Lineage, Version};
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

    impl From<StoredNote> for Note {
        /// Schema 1 named versions by `updated_at`, which a wrong clock can repeat, so its
        /// history is not carried over: only the version itself, as a legacy name.
        fn from(stored: StoredNote) -> Self {
            Note {
                id: stored.id,
                created_at: stored.created_at,
                updated_at: stored.updated_at,
                lineage: Lineage::new(Version::legacy(stored.updated_at)),
                copy_of: None,
                body: stored.body.into(),
            }
        }
    }

    impl From<StoredBody> for NoteBody {
        fn from(body: StoredBody) -> Self {
            match body {
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
            }
        }
    }

    impl From<&NoteBody> for StoredBody {
        fn from(body: &NoteBody) -> Self {
            match body {
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
            }
        }
    }
}

pub mod v2 {
    //! Schema 2: one storage key per note. The key `safeguarding-toolkit.notes` holds only
    //! `{ "schema": 2 }`; each `safeguarding-toolkit.note.<id>` holds a note, `{ "id",
    //! "version", "ancestry"?, "created_at", "updated_at", "copy_of"?, "kind", ...the kind's
    //! fields }` (the note fields as in schema 1), and `safeguarding-toolkit.gone.<id>` the record
    //! of its deleted versions, `{ "id", "deleted", "older"?, "at", "seq" }`. Versions are
    //! written `id` or `id.rev`, several separated by spaces.

    pub use super::v1::{fields_of, FieldShape, StoredBody, KINDS};
    use crate::domain::notes::model::{Note, Tombstone};
    use crate::domain::notes::version::{join, split, Lineage, Version};
    use serde::{Deserialize, Serialize};

    /// The value of the main key.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Meta {
        /// Always 2 here.
        pub schema: u32,
    }

    /// One stored note: the shared fields, then the kind and its fields.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct StoredNote {
        /// The note's id (also the end of its key).
        pub id: String,
        /// Its version, `id` or `id.rev`.
        pub version: String,
        /// The versions it grew from, newest first, separated by spaces; left out when none.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        pub ancestry: String,
        /// Milliseconds since 1970.
        pub created_at: u64,
        /// Milliseconds since 1970, for display only.
        pub updated_at: u64,
        /// The note this one is a copy of, when both were changed at once; left out otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub copy_of: Option<String>,
        /// `"kind"` and that kind's fields, at the same level as the fields above.
        #[serde(flatten)]
        pub body: StoredBody,
    }

    /// One stored deletion record.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct StoredTombstone {
        /// The deleted note's id.
        pub id: String,
        /// The versions deleted, separated by spaces.
        pub deleted: String,
        /// The versions those grew from, separated by spaces; left out when none.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        pub older: String,
        /// When, in milliseconds since 1970, for display only.
        pub at: u64,
        /// Its place in the order of deletions.
        pub seq: u64,
    }

    impl From<&Note> for StoredNote {
        fn from(note: &Note) -> Self {
            StoredNote {
                id: note.id.clone(),
                version: note.lineage.version.to_string(),
                ancestry: note.lineage.ancestry_text(),
                created_at: note.created_at,
                updated_at: note.updated_at,
                copy_of: note.copy_of.clone(),
                body: (&note.body).into(),
            }
        }
    }

    impl TryFrom<StoredNote> for Note {
        type Error = String;

        fn try_from(stored: StoredNote) -> Result<Self, String> {
            let version = Version::parse(&stored.version)
                .ok_or_else(|| format!("its version \"{}\" is not in the expected form", stored.version))?;
            let ancestry = split(&stored.ancestry)
                .ok_or_else(|| format!("its ancestry \"{}\" is not in the expected form", stored.ancestry))?;
            Ok(Note {
                id: stored.id,
                created_at: stored.created_at,
                updated_at: stored.updated_at,
                lineage: Lineage { version, ancestry },
                copy_of: stored.copy_of,
                body: stored.body.into(),
            })
        }
    }

    /// The stored value of a note.
    pub fn encode_note(note: &Note) -> Result<String, String> {
        serde_json::to_string(&StoredNote::from(note)).map_err(|e| e.to_string())
    }

    /// The stored value of a deletion record.
    pub fn encode_tombstone(t: &Tombstone) -> Result<String, String> {
        let stored = StoredTombstone {
            id: t.id.clone(),
            deleted: join(&t.deleted),
            older: join(&t.older),
            at: t.at,
            seq: t.seq,
        };
        serde_json::to_string(&stored).map_err(|e| e.to_string())
    }

    /// Read a note's stored value, or say why it cannot be read (a phrase to follow "because").
    pub fn decode_note(raw: &str) -> Result<Note, String> {
        if let Some(stored) = crate::domain::notes::quick_read::read(raw) {
            return Note::try_from(stored);
        }
        let stored: StoredNote = serde_json::from_str(raw).map_err(|e| reason(raw, e))?;
        Note::try_from(stored)
    }

    /// Read a deletion record's stored value, or say why it cannot be read.
    pub fn decode_tombstone(raw: &str) -> Result<Tombstone, String> {
        let t: StoredTombstone = serde_json::from_str(raw).map_err(|e| reason(raw, e))?;
        let deleted = split(&t.deleted).filter(|d| !d.is_empty()).ok_or_else(|| {
            format!(
                "its deleted versions \"{}\" are not in the expected form",
                t.deleted
            )
        })?;
        let older = split(&t.older)
            .ok_or_else(|| format!("its older versions \"{}\" are not in the expected form", t.older))?;
        Ok(Tombstone {
            id: t.id,
            deleted,
            older,
            at: t.at,
            seq: t.seq,
        })
    }

    fn reason(raw: &str, error: serde_json::Error) -> String {
        if serde_json::from_str::<serde_json::Value>(raw).is_err() {
            format!("it is not valid JSON ({error})")
        } else {
            format!("it is not in the expected shape ({error})")
        }
    }
}
