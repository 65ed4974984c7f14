//! Presentational pieces shared by pages.

pub mod brief_parts;
pub mod citations;
pub mod layout;
pub mod page;
pub mod text;
