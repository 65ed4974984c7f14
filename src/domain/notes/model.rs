//! The in-memory notes: what a person writes, kept apart from how it is stored.

/// The most characters any one field may hold: the editor refuses more, and so does import.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// How many earlier versions a note remembers for merging imports (oldest dropped first).
pub const MAX_HISTORY: usize = 32;

/// One note, whatever its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Given by the app (random); never shown.
    pub id: String,
    /// When it was first written, in milliseconds since 1970 (given by the caller).
    pub created_at: u64,
    /// When it was last changed, in milliseconds since 1970. Also names this version.
    pub updated_at: u64,
    /// The `updated_at` of earlier versions this one grew from, oldest first.
    ///
    /// Import uses it to tell "their copy is an older version of ours" from "both changed".
    pub history: Vec<u64>,
    /// What the note says.
    pub body: NoteBody,
}

/// What a note says, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteBody {
    /// A note on a whole brief or on one of its themes.
    Brief(BriefNote),
    /// A reflection shaped like a Social Work England CPD record.
    Reflection(Reflection),
    /// A note with a title, not tied to a brief.
    Free(FreeNote),
    /// One of a brief's next steps, ticked as done.
    NextStep(NextStepTick),
    /// A record that a team discussed a brief.
    Team(TeamDiscussion),
}

/// A note on a whole brief or on one of its themes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefNote {
    /// The brief's id from the content.
    pub brief_id: String,
    /// The theme's id within the brief, or `None` for the whole brief.
    pub theme_id: Option<String>,
    /// The note itself.
    pub text: String,
}

/// A reflection shaped like a Social Work England CPD record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reflection {
    /// What the learning activity was.
    pub activity: String,
    /// When it took place, as the person writes it or as a date input gives it.
    pub when: String,
    /// What I learnt.
    pub learnt: String,
    /// How it will change my practice.
    pub practice_change: String,
    /// What I learnt from discussing it with a colleague, if I did.
    pub peer_reflection: Option<String>,
}

/// A free-form note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FreeNote {
    /// A short title.
    pub title: String,
    /// The note itself.
    pub text: String,
}

/// One of a brief's next steps, ticked as done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NextStepTick {
    /// The brief's id from the content.
    pub brief_id: String,
    /// Which next step, counting from 0 in the brief's list.
    pub step: u32,
    /// The date it was done (a date string such as `2025-03-14`).
    pub done_on: String,
    /// A line on what I did, if given.
    pub what_i_did: Option<String>,
}

/// A record that a team discussed a brief.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamDiscussion {
    /// The brief's id from the content.
    pub brief_id: String,
    /// The date of the discussion (a date string).
    pub date: String,
    /// What the team agreed, if recorded.
    pub agreed: Option<String>,
}

/// The kinds of note, for filters and counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoteKind {
    /// [`BriefNote`].
    Brief,
    /// [`Reflection`].
    Reflection,
    /// [`FreeNote`].
    Free,
    /// [`NextStepTick`].
    NextStep,
    /// [`TeamDiscussion`].
    Team,
}

impl NoteKind {
    /// Every kind, in the order the notes page lists them.
    pub const ALL: [NoteKind; 5] = [
        NoteKind::Brief,
        NoteKind::Reflection,
        NoteKind::Free,
        NoteKind::NextStep,
        NoteKind::Team,
    ];

    /// A name for one note of this kind, in sentence case.
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Brief => "Note on a brief",
            NoteKind::Reflection => "Reflection",
            NoteKind::Free => "Note",
            NoteKind::NextStep => "Next step done",
            NoteKind::Team => "Team discussion",
        }
    }

    /// The lowercase name for a count of this kind: `"reflection"` or `"reflections"`.
    pub fn counted(self, n: usize) -> &'static str {
        let one = n == 1;
        match self {
            NoteKind::Brief if one => "note on a brief",
            NoteKind::Brief => "notes on briefs",
            NoteKind::Reflection if one => "reflection",
            NoteKind::Reflection => "reflections",
            NoteKind::Free if one => "other note",
            NoteKind::Free => "other notes",
            NoteKind::NextStep if one => "next step ticked",
            NoteKind::NextStep => "next steps ticked",
            NoteKind::Team if one => "team discussion",
            NoteKind::Team => "team discussions",
        }
    }
}

impl NoteBody {
    /// Which kind of note this is.
    pub fn kind(&self) -> NoteKind {
        match self {
            NoteBody::Brief(_) => NoteKind::Brief,
            NoteBody::Reflection(_) => NoteKind::Reflection,
            NoteBody::Free(_) => NoteKind::Free,
            NoteBody::NextStep(_) => NoteKind::NextStep,
            NoteBody::Team(_) => NoteKind::Team,
        }
    }

    /// The brief it belongs to, if any.
    pub fn brief_id(&self) -> Option<&str> {
        match self {
            NoteBody::Brief(n) => Some(&n.brief_id),
            NoteBody::NextStep(n) => Some(&n.brief_id),
            NoteBody::Team(n) => Some(&n.brief_id),
            NoteBody::Reflection(_) | NoteBody::Free(_) => None,
        }
    }

    /// The brief theme it belongs to, if any.
    pub fn theme_id(&self) -> Option<&str> {
        match self {
            NoteBody::Brief(n) => n.theme_id.as_deref(),
            _ => None,
        }
    }

    /// Every string field as (its name in the stored form, its value), ids included.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        match self {
            NoteBody::Brief(n) => {
                out.push(("brief_id", n.brief_id.as_str()));
                push_opt(&mut out, "theme_id", &n.theme_id);
                out.push(("text", &n.text));
            }
            NoteBody::Reflection(r) => {
                out.extend([
                    ("activity", r.activity.as_str()),
                    ("when", &r.when),
                    ("learnt", &r.learnt),
                    ("practice_change", &r.practice_change),
                ]);
                push_opt(&mut out, "peer_reflection", &r.peer_reflection);
            }
            NoteBody::Free(n) => out.extend([("title", n.title.as_str()), ("text", &n.text)]),
            NoteBody::NextStep(n) => {
                out.extend([("brief_id", n.brief_id.as_str()), ("done_on", &n.done_on)]);
                push_opt(&mut out, "what_i_did", &n.what_i_did);
            }
            NoteBody::Team(n) => {
                out.extend([("brief_id", n.brief_id.as_str()), ("date", &n.date)]);
                push_opt(&mut out, "agreed", &n.agreed);
            }
        }
        out
    }

    /// The fields a person wrote (no ids): what search looks in.
    pub fn text_fields(&self) -> Vec<&str> {
        self.fields()
            .into_iter()
            .filter(|(name, _)| !name.ends_with("_id"))
            .map(|(_, value)| value)
            .collect()
    }

    /// A short line to name the note in a list: its title, activity or first line of text.
    pub fn headline(&self) -> String {
        let main = match self {
            NoteBody::Brief(n) => &n.text,
            NoteBody::Reflection(r) => &r.activity,
            NoteBody::Free(n) if !n.title.trim().is_empty() => &n.title,
            NoteBody::Free(n) => &n.text,
            NoteBody::NextStep(n) => n.what_i_did.as_ref().unwrap_or(&n.done_on),
            NoteBody::Team(n) => n.agreed.as_ref().unwrap_or(&n.date),
        };
        let line = main.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let line = line.trim();
        if line.chars().count() > 80 {
            let cut: String = line.chars().take(79).collect();
            format!("{}…", cut.trim_end())
        } else {
            line.to_string()
        }
    }

    /// The first field longer than [`MAX_FIELD_CHARS`], as (name, its length in characters).
    pub fn too_long_field(&self) -> Option<(&'static str, usize)> {
        self.fields()
            .into_iter()
            .map(|(name, value)| (name, value.chars().count()))
            .find(|(_, len)| *len > MAX_FIELD_CHARS)
    }
}

/// Push an optional field when it is there.
fn push_opt<'a>(out: &mut Vec<(&'static str, &'a str)>, name: &'static str, value: &'a Option<String>) {
    if let Some(v) = value {
        out.push((name, v.as_str()));
    }
}

impl Note {
    /// A new note, first written at `now`.
    pub fn new(id: impl Into<String>, body: NoteBody, now: u64) -> Self {
        Note {
            id: id.into(),
            created_at: now,
            updated_at: now,
            history: Vec::new(),
            body,
        }
    }

    /// Which kind of note this is.
    pub fn kind(&self) -> NoteKind {
        self.body.kind()
    }

    /// Whether `version` (an `updated_at`) is this note's version or one it grew from.
    pub fn descends_from(&self, version: u64) -> bool {
        self.updated_at == version || self.history.contains(&version)
    }

    /// Make this the version that has taken `other` into account (it was kept as a copy beside
    /// it): a new version whose history names both, so every tab that receives it takes it as
    /// newer than either, even when the two edits had the same `updated_at`.
    pub(crate) fn absorb(&mut self, other: u64) {
        for version in [self.updated_at, other] {
            if !self.history.contains(&version) {
                self.history.push(version);
            }
        }
        self.updated_at = self.updated_at.max(other) + 1;
        let extra = self.history.len().saturating_sub(MAX_HISTORY);
        self.history.drain(..extra);
    }

    /// Record the current version in the history before an edit, keeping the newest entries.
    pub(crate) fn remember_version(&mut self) {
        if self.history.last() != Some(&self.updated_at) {
            self.history.push(self.updated_at);
        }
        let extra = self.history.len().saturating_sub(MAX_HISTORY);
        self.history.drain(..extra);
    }
}
