//! "My next steps": every brief's next steps against the ticks in the person's notes, for the
//! after-training view of what they have actually changed.

use crate::domain::content::Library;
use crate::domain::notes::{NoteBody, Notes, Progress};

/// One of a brief's next steps and, if ticked, when and what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow {
    /// Its number in the brief's list, from 1.
    pub number: usize,
    /// The step as the brief words it.
    pub text: String,
    /// The tick, if the step is done.
    pub done: Option<Done>,
}

/// A ticked next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// The id of the note that holds the tick, to change what was done.
    pub note_id: String,
    /// The date it was done (a date string such as `2025-03-14`).
    pub on: String,
    /// What the person did, if they said.
    pub what_i_did: Option<String>,
}

/// One brief's next steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefSteps {
    /// The brief's id.
    pub brief_id: String,
    /// The brief's title.
    pub title: String,
    /// How many are done.
    pub progress: Progress,
    /// Every next step, in the brief's order.
    pub steps: Vec<StepRow>,
}

/// A tick for a brief or a step the bundled content no longer has (after the content was
/// replaced): kept and shown, since it is the person's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanTick {
    /// The brief id the tick names.
    pub brief_id: String,
    /// The step's number, from 1.
    pub number: usize,
    /// When and what.
    pub done: Done,
}

/// Every brief with next steps, and the ticks that match no brief's step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Briefs with at least one step done, in the library's order.
    pub started: Vec<BriefSteps>,
    /// Briefs with none done yet, in the library's order.
    pub not_started: Vec<BriefSteps>,
    /// Ticks naming a brief or step the content does not have, by brief id and step.
    pub orphans: Vec<OrphanTick>,
}

impl Overview {
    /// Steps done and steps in all, across every brief.
    pub fn totals(&self) -> Progress {
        let all = self.started.iter().chain(&self.not_started);
        Progress {
            done: all.clone().map(|b| b.progress.done).sum(),
            total: all.map(|b| b.progress.total).sum(),
        }
    }
}

/// The overview of `library`'s next steps against the ticks in `notes`.
pub fn overview(library: &Library, notes: &Notes) -> Overview {
    let mut started = Vec::new();
    let mut not_started = Vec::new();
    for brief in library.briefs.iter().filter(|b| !b.next_steps.is_empty()) {
        let steps: Vec<StepRow> = brief
            .next_steps
            .iter()
            .enumerate()
            .map(|(i, text)| StepRow {
                number: i + 1,
                text: text.clone(),
                done: notes.tick(&brief.id, i as u32).and_then(|note| match &note.body {
                    NoteBody::NextStep(t) => Some(Done {
                        note_id: note.id.clone(),
                        on: t.done_on.clone(),
                        what_i_did: t.what_i_did.clone(),
                    }),
                    _ => None,
                }),
            })
            .collect();
        let row = BriefSteps {
            brief_id: brief.id.clone(),
            title: brief.title.clone(),
            progress: notes.progress(&brief.id, brief.next_steps.len()),
            steps,
        };
        if row.progress.done > 0 {
            started.push(row);
        } else {
            not_started.push(row);
        }
    }
    let mut orphans: Vec<OrphanTick> = notes
        .newest_first()
        .into_iter()
        .filter_map(|note| match &note.body {
            NoteBody::NextStep(t)
                if library
                    .brief(&t.brief_id)
                    .is_none_or(|b| t.step as usize >= b.next_steps.len()) =>
            {
                Some(OrphanTick {
                    brief_id: t.brief_id.clone(),
                    number: t.step as usize + 1,
                    done: Done {
                        note_id: note.id.clone(),
                        on: t.done_on.clone(),
                        what_i_did: t.what_i_did.clone(),
                    },
                })
            }
            _ => None,
        })
        .collect();
    crate::domain::order::sort_by(&mut orphans, |a, b| {
        (&a.brief_id, a.number, &a.done.note_id).cmp(&(&b.brief_id, b.number, &b.done.note_id))
    });
    Overview {
        started,
        not_started,
        orphans,
    }
}
