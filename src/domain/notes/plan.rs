//! What an import will do, shown before it is done, and doing it.
//!
//! Notes are matched by id and compared by version, as [`super::merge`] compares two tabs: a
//! copy that grew from the other wins; when both changed, both are kept; a version deleted here
//! is never brought back, but changes made elsewhere on top of it are.

use super::collection::Notes;
use super::exchange::Import;
use super::model::Note;
use super::version::Lineage;

/// What import will do with one note from the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportAction {
    /// No note here has its id: it is added.
    Add,
    /// The file's copy grew from the note here: it replaces it.
    Update,
    /// Both copies changed since they parted: the file's copy is added as a new note.
    KeepBoth,
    /// The note here already says the same.
    Unchanged,
    /// The note here grew from the file's copy: the file's copy is skipped.
    Skip,
    /// This version was deleted here: it stays deleted.
    DeletedHere,
    /// It was deleted here, but the file's copy was changed after that version: it comes back,
    /// with those changes.
    AddedBack,
}

/// One note from the file and what will happen to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedNote {
    /// What will happen.
    pub action: ImportAction,
    /// The note as the file has it.
    pub note: Note,
}

/// How many notes each action applies to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// New notes.
    pub added: usize,
    /// Notes replaced by a newer edit from the file.
    pub updated: usize,
    /// Notes changed in both places, both kept.
    pub kept_both: usize,
    /// Notes that already say the same.
    pub unchanged: usize,
    /// Notes where the one here is newer.
    pub skipped: usize,
    /// Notes deleted here, left deleted.
    pub deleted_here: usize,
    /// Notes deleted here that the file has later changes to, added back.
    pub added_back: usize,
}

impl ImportCounts {
    /// How many notes here the import adds or changes.
    pub fn changes(&self) -> usize {
        self.added + self.updated + self.kept_both + self.added_back
    }

    fn count(&mut self, action: ImportAction) {
        let n = match action {
            ImportAction::Add => &mut self.added,
            ImportAction::Update => &mut self.updated,
            ImportAction::KeepBoth => &mut self.kept_both,
            ImportAction::Unchanged => &mut self.unchanged,
            ImportAction::Skip => &mut self.skipped,
            ImportAction::DeletedHere => &mut self.deleted_here,
            ImportAction::AddedBack => &mut self.added_back,
        };
        *n += 1;
    }
}

/// What importing a checked file into the current notes will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    /// Each note in the file, newest first, with its action.
    pub items: Vec<PlannedNote>,
    /// The actions counted.
    pub counts: ImportCounts,
}

/// Decide what to do with each note in `import`, without changing anything.
pub fn plan(current: &Notes, import: &Import) -> ImportPlan {
    let mut counts = ImportCounts::default();
    let items = import
        .notes
        .newest_first()
        .into_iter()
        .map(|note| {
            let action = action_for(current, note);
            counts.count(action);
            PlannedNote {
                action,
                note: note.clone(),
            }
        })
        .collect();
    ImportPlan { items, counts }
}

fn action_for(current: &Notes, theirs: &Note) -> ImportAction {
    let deleted_here = current.tombstone(&theirs.id);
    let copy_deleted = theirs.copy_of.as_deref().is_some_and(|of| {
        current
            .tombstone(of)
            .is_some_and(|t| t.covers_exactly(theirs.version()))
            || current.copy_deleted(of, theirs.version())
    });
    if deleted_here.is_some_and(|t| t.covers(theirs.version())) || copy_deleted {
        return ImportAction::DeletedHere;
    }
    let Some(ours) = current.get(&theirs.id) else {
        return if deleted_here.is_some() {
            ImportAction::AddedBack
        } else {
            ImportAction::Add
        };
    };
    if ours.body == theirs.body {
        ImportAction::Unchanged
    } else if ours.version() != theirs.version() && ours.grew_from(theirs) {
        ImportAction::Skip
    } else if ours.version() != theirs.version() && theirs.grew_from(ours) {
        ImportAction::Update
    } else {
        // Both changed: the file's copy goes under the id a merge would give it.
        let copy_id = current.copy_id(&theirs.id, theirs.version());
        if current.get(&copy_id).is_some_and(|copy| copy.body == theirs.body) {
            ImportAction::Unchanged
        } else if current.copy_deleted(&theirs.id, theirs.version()) {
            ImportAction::DeletedHere
        } else if current.in_copy(&theirs.id, theirs.version()) {
            ImportAction::Skip
        } else {
            ImportAction::KeepBoth
        }
    }
}

impl ImportPlan {
    /// Do the import. Each note's action is decided again against `notes` as they are now, so
    /// a change since the plan was made (another tab, say) is never overwritten. Returns the
    /// counts and the ids of the notes added or changed, to be saved.
    pub fn apply(&self, notes: &mut Notes) -> (ImportCounts, Vec<String>) {
        let mut counts = ImportCounts::default();
        let mut changed = Vec::new();
        for item in &self.items {
            let theirs = &item.note;
            let action = action_for(notes, theirs);
            counts.count(action);
            match action {
                ImportAction::Add | ImportAction::Update | ImportAction::AddedBack => {
                    changed.push(theirs.id.clone());
                    notes.insert(theirs.clone());
                }
                ImportAction::KeepBoth => {
                    let copy_id = notes.copy_id(&theirs.id, theirs.version());
                    changed.push(copy_id.clone());
                    notes.insert(Note {
                        id: copy_id,
                        lineage: Lineage::new(theirs.version().clone()),
                        copy_of: Some(theirs.id.clone()),
                        ..theirs.clone()
                    });
                }
                ImportAction::Unchanged | ImportAction::Skip | ImportAction::DeletedHere => {}
            }
        }
        (counts, changed)
    }
}
