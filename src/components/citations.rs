//! A list of citations: bundled sources with their Working Together edition, and named
//! documents that are not bundled with a "check the current edition" note.

use leptos::prelude::*;

use crate::domain::guide::Citation;

/// The sources of a piece of guidance.
#[component]
pub fn Citations(
    /// The citations to list.
    citations: &'static [Citation],
) -> impl IntoView {
    let library = crate::state::use_state().library();
    let items = citations
        .iter()
        .map(|c| {
            let locator = c.locator.as_deref().map(|l| format!(", {l}")).unwrap_or_default();
            let text = match (&c.source, &c.title) {
                (Some(id), _) => match library.source(id) {
                    // "Source 003" as the guide's own text names it.
                    Some(s) => format!(
                        "Source {id}: {} ({}){locator}. Written under Working Together to Safeguard Children {}.",
                        s.title, s.publisher, s.working_together
                    ),
                    None => format!("Source {id}{locator}."),
                },
                (None, Some(title)) => format!("{title}{locator}."),
                (None, None) => String::new(),
            };
            let check = c.check_current_edition.then_some(" Check the current edition.");
            view! { <li>{text}{check}</li> }
        })
        .collect_view();
    view! { <ul class="citations">{items}</ul> }
}
