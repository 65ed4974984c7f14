//! The in-memory notes: what a person writes, kept apart from how it is stored.

use super::version::{Lineage, Version};

/// The most characters any one field may hold: the editor refuses more, and so does import.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// One note, whatever its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Given by the app (random); never shown.
    pub id: String,
    /// When it was first written, in milliseconds since 1970 (given by the caller).
    pub created_at: u64,
    /// When it was last changed, in milliseconds since 1970, for display only: a device clock
    /// can be wrong, so nothing else depends on it.
    pub updated_at: u64,
    /// Which version this is and what it grew from: merges and imports compare these.
    pub lineage: Lineage,
    /// The id of the note this one was copied from when both were changed at once, if it was.
    pub copy_of: Option<String>,
    /// What the note says.
    pub body: NoteBody,
}

/// What is left of a deleted note: which versions were deleted, so that no tab or import brings
/// them back, while an edit made elsewhere on top of them is still kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    /// The deleted note's id.
    pub id: String,
    /// The versions deleted: what the person saw when they deleted it (one, in a stored record;
    /// a record joined from several deletions names each).
    pub deleted: Vec<Version>,
    /// The versions those grew from: older versions of the same note, gone with it.
    pub older: Vec<Version>,
    /// When it was deleted, in milliseconds since 1970, for display only.
    pub at: u64,
    /// The order of deletions in this browser, oldest lowest: the oldest records are the first
    /// to go when there are too many. It never depends on the clock.
    pub seq: u64,
}

/// The most versions one deletion record names (an id deleted again and again loses its
/// oldest).
pub const MAX_DELETED: usize = 16;

impl Tombstone {
    /// Whether `version` of this note was deleted: it is a deleted version or an older one.
    pub fn covers(&self, version: &Version) -> bool {
        self.covers_exactly(version) || self.older.iter().any(|d| d.covers(version))
    }

    /// Whether `version` is one the person saw and deleted (so a copy of it goes too).
    pub fn covers_exactly(&self, version: &Version) -> bool {
        self.deleted.iter().any(|d| d.covers(version))
    }

    /// One record naming every version either deleted. Deletion only ever adds knowledge, so
    /// records always join; the later `seq` and `at` are kept.
    pub fn join(&self, other: &Tombstone) -> Tombstone {
        Tombstone {
            id: self.id.clone(),
            deleted: union(&self.deleted, &other.deleted),
            older: union(&self.older, &other.older),
            at: self.at.max(other.at),
            seq: self.seq.max(other.seq),
        }
    }
}

/// Both lists, keeping the highest rev of each id, at most [`MAX_DELETED`].
fn union(a: &[Version], b: &[Version]) -> Vec<Version> {
    let mut out = a.to_vec();
    for v in b {
        match out.iter_mut().find(|d| d.id == v.id) {
            Some(d) => d.rev = d.rev.max(v.rev),
            None => out.push(v.clone()),
        }
    }
    out.truncate(MAX_DELETED);
    out
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
    /// A new note, first written at `now`, as version `version`.
    pub fn new(id: impl Into<String>, body: NoteBody, now: u64, version: Version) -> Self {
        Note {
            id: id.into(),
            created_at: now,
            updated_at: now,
            lineage: Lineage::new(version),
            copy_of: None,
            body,
        }
    }

    /// Which kind of note this is.
    pub fn kind(&self) -> NoteKind {
        self.body.kind()
    }

    /// This note's version.
    pub fn version(&self) -> &Version {
        &self.lineage.version
    }

    /// Whether this note grew from `other` (or is it): its lineage names `other`'s version.
    pub fn grew_from(&self, other: &Note) -> bool {
        self.lineage.includes(other.version())
    }
}
