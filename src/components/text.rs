//! Content text rendered safely as text, with each glossary acronym spelt out on first use.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::domain::search::{pieces, Piece};
use crate::domain::text::{segments, Segment};

/// The acronyms already explained on the current page. A page creates one with
/// [`provide_glossary_scope`] so that each acronym is spelt out only where it is first used.
#[derive(Clone, Default)]
pub struct GlossaryScope(Arc<Mutex<BTreeSet<String>>>);

/// Starts a fresh set of explained acronyms for the page being built.
pub fn provide_glossary_scope() {
    provide_context(GlossaryScope::default());
}

/// A piece of content text. Acronyms are wrapped in `<abbr>`; the first use on the page is
/// followed by its expansion in brackets, visible to everyone.
#[component]
pub fn Text(
    /// The text, shown as text (never as HTML).
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let glossary = &crate::state::use_state().library().glossary;
    let scope = use_context::<GlossaryScope>().unwrap_or_default();
    let parts = match scope.0.lock() {
        Ok(mut seen) => segments(&text, glossary, &mut seen),
        Err(_) => segments(&text, glossary, &mut BTreeSet::new()),
    };
    parts
        .into_iter()
        .map(|part| match part {
            Segment::Plain(plain) => plain.into_any(),
            Segment::Acronym {
                text,
                expansion,
                first,
                ..
            } => {
                let title = expansion.clone();
                if first {
                    view! { <abbr title=title>{text}</abbr>" ("{expansion}")" }.into_any()
                } else {
                    view! { <abbr title=title>{text}</abbr> }.into_any()
                }
            }
        })
        .collect_view()
}

/// Text with some byte ranges marked as search matches, rendered as text with `<mark>`.
#[component]
pub fn Marked(
    /// The text.
    #[prop(into)]
    text: String,
    /// The byte ranges to mark, in order.
    marks: Vec<std::ops::Range<usize>>,
) -> impl IntoView {
    pieces(&text, &marks)
        .into_iter()
        .map(|Piece { text, marked }| {
            let text = text.to_owned();
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}
