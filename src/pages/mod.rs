//! One file per route.

pub mod about;
pub mod brief;
pub mod briefs;
pub mod guide;
pub mod home;
pub mod not_found;
pub mod notes;
pub mod stats;
pub mod themes;
