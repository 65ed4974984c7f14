//! Merging what another tab saved with what this tab holds, so that no edit is lost.
//!
//! Each tab remembers the notes as it last read or wrote them (the base). Comparing base, this
//! tab's notes and the newly stored notes tells, for each note, which side changed it.

use super::collection::Notes;
use super::model::Note;

/// What a merge did, so the UI can say so and refresh an open editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Notes added or changed only in the other tab, now here.
    pub came_in: Vec<String>,
    /// Notes deleted in the other tab and not changed here, now removed here.
    pub removed: Vec<String>,
    /// Notes deleted on one side but changed on the other: kept, with the changes.
    pub kept_despite_delete: Vec<String>,
    /// Notes changed on both sides, as (the id keeping this tab's version, the id of a new
    /// note holding the other tab's version).
    pub kept_both: Vec<(String, String)>,
}

impl MergeReport {
    /// Whether the merge changed nothing here.
    pub fn is_empty(&self) -> bool {
        self.came_in.is_empty()
            && self.removed.is_empty()
            && self.kept_despite_delete.is_empty()
            && self.kept_both.is_empty()
    }
}

/// Merge `theirs` (newly stored) into `ours` (this tab), given `base` (stored when this tab
/// last read or wrote). Returns the merged notes and what happened.
///
/// - Changed on one side only: that side's version. Theirs counts as changed on top of ours
///   only if it grew from our version (its history names it); a tab whose copy of storage was
///   behind may write an edit of an older version, which is kept as a copy instead.
/// - Deleted on one side (it has a tombstone there) and unchanged on the other: deleted.
/// - Missing from theirs without a tombstone: they never saw it (their copy of storage was
///   behind), so it is kept.
/// - Deleted on one side and changed on the other: kept, changed.
/// - Changed differently on both sides (or added on both with one id): this tab's version keeps
///   the id and the other tab's version is kept as a new note (see [`Notes::copy_id`]).
pub fn merge(base: &Notes, ours: &Notes, theirs: &Notes) -> (Notes, MergeReport) {
    let ids = crate::domain::order::sorted_unique(
        base.iter()
            .chain(ours.iter())
            .chain(theirs.iter())
            .map(|n| n.id.as_str())
            .collect(),
    );
    let mut merged = Notes::new();
    let mut report = MergeReport::default();
    let mut copies: Vec<&Note> = Vec::new();
    for id in ids {
        let (b, o, t) = (base.get(id), ours.get(id), theirs.get(id));
        match (b, o, t) {
            (_, Some(o), Some(t)) if o == t => keep(&mut merged, o),
            (Some(b), Some(o), Some(t)) if t == b => keep(&mut merged, o),
            // Their copy of storage was behind and wrote back a version ours grew from. Versions
            // are named by `updated_at`; two edits may share one, so only the history counts.
            (_, Some(o), Some(t)) if o.history.contains(&t.updated_at) => keep(&mut merged, o),
            (Some(b), Some(o), Some(t)) if o == b && t.history.contains(&o.updated_at) => {
                report.came_in.push(id.to_string());
                keep(&mut merged, t);
            }
            (_, Some(o), Some(t)) => {
                let mut kept = o.clone();
                kept.absorb(t.updated_at);
                merged.insert(kept);
                copies.push(t);
            }
            (Some(b), Some(o), None) if o == b && theirs.was_deleted(id) => {
                report.removed.push(id.to_string())
            }
            (Some(b), Some(o), None) if o == b => keep(&mut merged, o),
            (Some(_), Some(o), None) => {
                report.kept_despite_delete.push(id.to_string());
                keep(&mut merged, o);
            }
            (Some(b), None, Some(t)) if t == b => {}
            (Some(_), None, Some(t)) => {
                report.kept_despite_delete.push(id.to_string());
                keep(&mut merged, t);
            }
            (None, Some(o), None) => keep(&mut merged, o),
            (None, None, Some(t)) => {
                report.came_in.push(id.to_string());
                keep(&mut merged, t);
            }
            (_, None, None) => {}
        }
    }
    for theirs_version in copies {
        let copy_id = merged.copy_id(&theirs_version.id, theirs_version.updated_at);
        let mut copy = theirs_version.clone();
        copy.id = copy_id.clone();
        report.kept_both.push((theirs_version.id.clone(), copy_id));
        merged.insert(copy);
    }
    for id in ours.deleted().chain(theirs.deleted()) {
        merged.mark_deleted(id);
    }
    (merged, report)
}

fn keep(merged: &mut Notes, note: &Note) {
    merged.insert(note.clone());
}
