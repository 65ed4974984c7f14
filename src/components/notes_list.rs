//! A note as a line in a list, and the words that say where a note belongs and when it changed.

use crate::router::A;
use leptos::prelude::*;

use crate::domain::content::Library;
use crate::domain::notes::{Note, NoteBody, NoteKind};
use crate::domain::workdays::MONTHS;
use crate::edge::local_time;

/// A date as `2025-03-14` written for people ("14 March 2025"); anything else as it is.
pub fn human_date(date: &str) -> String {
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [year, month @ 1..=12, day @ 1..=31] if date.len() == 10 => {
            format!("{day} {} {year}", MONTHS[month as usize - 1])
        }
        _ => date.to_string(),
    }
}

/// A time in milliseconds since 1970 as local date and time: "14 March 2025 at 10:32".
pub fn human_time(ms: u64) -> String {
    let (year, month, day, hour, minute) = local_time(ms);
    let month = MONTHS.get(month.saturating_sub(1) as usize).unwrap_or(&"");
    format!("{day} {month} {year} at {hour:02}:{minute:02}")
}

/// Where a note belongs, in words ("Child B – Risk assessments", "Child B – next step 2"), if
/// it belongs to a brief.
pub fn note_context(library: &Library, body: &NoteBody) -> Option<String> {
    let brief_id = body.brief_id()?;
    let Some(brief) = library.brief(brief_id) else {
        return Some(format!("A brief no longer in the toolkit ({brief_id})"));
    };
    let part = match body {
        NoteBody::Brief(n) => n.theme_id.as_deref().and_then(|t| {
            brief
                .themes
                .iter()
                .find(|theme| theme.id == t)
                .map(|theme| theme.title.clone())
        }),
        NoteBody::NextStep(t) => Some(format!("next step {}", t.step + 1)),
        _ => None,
    };
    Some(match part {
        Some(part) => format!("{} – {part}", brief.title),
        None => brief.title.clone(),
    })
}

/// What a list shows of one note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLine {
    /// The note's id.
    pub id: String,
    /// Its kind.
    pub kind: NoteKind,
    /// Its title, activity or first line.
    pub headline: String,
    /// The brief (and theme or step) it belongs to, if any.
    pub context: Option<String>,
    /// When it last changed.
    pub updated_at: u64,
}

impl NoteLine {
    /// The line for `note`.
    pub fn new(library: &Library, note: &Note) -> Self {
        NoteLine {
            id: note.id.clone(),
            kind: note.kind(),
            // Ticks and team discussions may be named by their date.
            headline: human_date(&note.body.headline()),
            context: note_context(library, &note.body),
            updated_at: note.updated_at,
        }
    }
}

/// One note in a list: its kind, a link to open it, where it belongs and when it changed.
#[component]
pub fn NoteItem(
    /// The note to show.
    line: NoteLine,
) -> impl IntoView {
    let href = format!("/notes/{}", line.id);
    let headline = if line.headline.is_empty() {
        "Untitled".to_string()
    } else {
        line.headline
    };
    view! {
        <li class="note-item">
            <p class="note-item__kind">{line.kind.label()}</p>
            <h3 class="note-item__title"><A href=href>{headline}</A></h3>
            {line.context.map(|c| view! { <p class="note-item__context">{c}</p> })}
            <p class="note-item__meta">{format!("Changed {}", human_time(line.updated_at))}</p>
        </li>
    }
}
