//! The merge rule for one note id: what this tab holds against the versions storage holds.
//!
//! Storage may hold several versions of a note for a moment (two tabs saved at once) and records
//! of deleted versions. First the versions still alive are found ([`alive`]): not deleted, and
//! not replaced by another stored version that grew from them. Then [`settle`] decides:
//!
//! - Same version: the same. A stored version that grew from this tab's: take it.
//! - This tab's version holds changes nobody else has seen and grew from every live version:
//!   keep it (it is written, and the versions it grew from are removed).
//! - Otherwise both changed: keep both, visibly. Changes nobody else has seen keep the id (an
//!   open editor stays on its note) and every other text becomes a copy; with none, the version
//!   with the greatest id keeps it, on every tab alike, and the others become copies.
//! - Nothing alive is stored: the note was deleted, storage was cleared, or its text was moved to
//!   a copy (entries are removed only when dead, so nothing else removes one); only changes
//!   made here since are kept.
//!
//! No text is dropped: every branch keeps each text under its id or a copy, unless a deletion
//! record covers that exact version.

use super::model::{Note, Tombstone};

/// Which note stays under the id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// None: the note is gone here.
    Nothing,
    /// This tab's note, as it is.
    Local,
    /// The live stored version at this index.
    Head(usize),
    /// This tab's text, as a new version naming every live stored version (they become copies).
    Merged,
}

/// How one id is settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    /// What stays under the id.
    pub keep: Keep,
    /// The live stored versions whose text is kept as a copy, by index.
    pub copies: Vec<usize>,
}

/// The stored versions that are alive: not covered by `gone` and not replaced by another stored
/// version that grew from them.
pub fn alive<'a>(versions: &[&'a Note], gone: Option<&Tombstone>) -> Vec<&'a Note> {
    let live: Vec<&Note> = versions
        .iter()
        .copied()
        .filter(|v| !gone.is_some_and(|g| g.covers(v.version())))
        .collect();
    live.iter()
        .copied()
        .filter(|v| !live.iter().any(|w| w.version() != v.version() && w.grew_from(v)))
        .collect()
}

/// Settle one id: `local` is this tab's note (already `None` if a deletion covers it),
/// `changed_here` whether it holds changes nobody else has seen, and `heads` the live stored
/// versions.
pub fn settle(local: Option<&Note>, changed_here: bool, heads: &[&Note]) -> Settled {
    let settled = |keep, copies| Settled { keep, copies };
    match local {
        Some(l) if changed_here => {
            let others: Vec<usize> = (0..heads.len()).filter(|&i| !l.grew_from(heads[i])).collect();
            if others.is_empty() {
                settled(Keep::Local, Vec::new())
            } else {
                settled(Keep::Merged, distinct_texts(heads, others, &l.body))
            }
        }
        _ if heads.is_empty() => settled(Keep::Nothing, Vec::new()),
        _ => {
            let mut winner = 0;
            for (i, h) in heads.iter().enumerate() {
                if h.version() > heads[winner].version() {
                    winner = i;
                }
            }
            let others = (0..heads.len()).filter(|&i| i != winner).collect();
            settled(
                Keep::Head(winner),
                distinct_texts(heads, others, &heads[winner].body),
            )
        }
    }
}

/// Of `indexes`, those whose text differs from `kept` and from each earlier one.
fn distinct_texts(heads: &[&Note], indexes: Vec<usize>, kept: &super::model::NoteBody) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for i in indexes {
        if heads[i].body != *kept && !out.iter().any(|&j| heads[j].body == heads[i].body) {
            out.push(i);
        }
    }
    out
}

/// What a merge did, so the UI can say so and refresh an open editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Notes added or changed only elsewhere, now here.
    pub came_in: Vec<String>,
    /// Notes deleted elsewhere and not changed here, now removed here.
    pub removed: Vec<String>,
    /// Notes deleted on one side but changed on the other: kept, with the changes.
    pub kept_despite_delete: Vec<String>,
    /// Notes changed on both sides: both kept.
    pub kept_both: Vec<KeptBoth>,
    /// Stored values that could not be read, each copied to the backup key named.
    pub unreadable: Vec<String>,
}

/// A note changed on both sides, both versions kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptBoth {
    /// The note's id.
    pub id: String,
    /// The id of the copy that holds the other version.
    pub copy: String,
    /// True when the copy holds this tab's version (the stored one kept the id), false when it
    /// holds the other side's.
    pub copy_is_ours: bool,
}

impl MergeReport {
    /// Whether the merge changed nothing a person would notice.
    pub fn is_empty(&self) -> bool {
        self.came_in.is_empty()
            && self.removed.is_empty()
            && self.kept_despite_delete.is_empty()
            && self.kept_both.is_empty()
            && self.unreadable.is_empty()
    }

    /// Add what another report says.
    pub fn extend(&mut self, other: MergeReport) {
        self.came_in.extend(other.came_in);
        self.removed.extend(other.removed);
        self.kept_despite_delete.extend(other.kept_despite_delete);
        self.kept_both.extend(other.kept_both);
        self.unreadable.extend(other.unreadable);
    }
}
