//! Presentational pieces shared by pages.

pub mod brief_parts;
pub mod citations;
pub mod discuss_record;
pub mod discuss_slides;
pub mod discuss_timer;
pub mod focus;
pub mod guide_links;
pub mod layout;
pub mod lock_box;
pub mod notes_backups;
pub mod notes_banner;
pub mod notes_brief;
pub mod notes_fields;
pub mod notes_form;
pub mod notes_list;
pub mod page;
pub mod print_button;
pub mod qr_code;
pub mod text;
pub mod theme_picture;
pub mod title;
pub mod update_banner;
pub mod with_notes;
