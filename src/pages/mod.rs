//! One file per route.

pub mod about;
pub mod brief;
pub mod briefs;
pub mod discuss;
pub mod glossary;
pub mod guide;
pub mod guide_flow;
pub mod guide_outcome;
pub mod handout;
pub mod home;
pub mod not_found;
pub mod notes;
pub mod notes_cpd;
pub mod notes_delete;
pub mod notes_edit;
pub mod notes_import;
pub mod notes_lock;
pub mod notes_next_steps;
pub mod stats;
pub mod themes;
