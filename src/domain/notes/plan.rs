//! What an import will do, shown before it is done, and doing it.
//!
//! Notes are matched by id. A note's `history` tells whether one copy grew from the other:
//! then the newer edit wins. When both changed since they parted, both are kept.

use super::collection::Notes;
use super::exchange::Import;
use super::model::Note;

/// What import will do with one note from the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportAction {
    /// No note here has its id: it is added.
    Add,
    /// The file's copy is a newer edit of the note here: it replaces it.
    Update,
    /// Both copies changed since they parted: the file's copy is added as a new note.
    KeepBoth,
    /// The note here already says the same.
    Unchanged,
    /// The note here is a newer edit of the file's copy: the file's copy is skipped.
    Skip,
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
}

impl ImportCounts {
    /// How many notes here the import adds or changes.
    pub fn changes(&self) -> usize {
        self.added + self.updated + self.kept_both
    }

    fn count(&mut self, action: ImportAction) {
        match action {
            ImportAction::Add => self.added += 1,
            ImportAction::Update => self.updated += 1,
            ImportAction::KeepBoth => self.kept_both += 1,
            ImportAction::Unchanged => self.unchanged += 1,
            ImportAction::Skip => self.skipped += 1,
        }
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
    let Some(ours) = current.get(&theirs.id) else {
        return ImportAction::Add;
    };
    if ours.body == theirs.body {
        ImportAction::Unchanged
    } else if ours.descends_from(theirs.updated_at) {
        ImportAction::Skip
    } else if theirs.descends_from(ours.updated_at) {
        ImportAction::Update
    } else if current
        .get(&format!("{}.{}", theirs.id, theirs.updated_at))
        .is_some_and(|copy| copy.body == theirs.body)
    {
        // Kept as a copy by an earlier import of the same file.
        ImportAction::Unchanged
    } else {
        ImportAction::KeepBoth
    }
}

impl ImportPlan {
    /// Do the import. Each note's action is decided again against `notes` as they are now, so
    /// a change since the plan was made (another tab, say) is never overwritten.
    pub fn apply(&self, notes: &mut Notes) -> ImportCounts {
        let mut counts = ImportCounts::default();
        for item in &self.items {
            let theirs = &item.note;
            let action = action_for(notes, theirs);
            counts.count(action);
            match action {
                ImportAction::Add | ImportAction::Update => {
                    notes.insert(theirs.clone());
                }
                ImportAction::KeepBoth => {
                    let mut copy = theirs.clone();
                    copy.id = notes.copy_id(&theirs.id, theirs.updated_at);
                    notes.insert(copy);
                }
                ImportAction::Unchanged | ImportAction::Skip => {}
            }
        }
        counts
    }
}
