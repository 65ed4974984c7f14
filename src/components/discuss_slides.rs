//! The three kinds of slide in discussion mode: the start (with a QR code to open the brief on a
//! phone), one theme with its key learning and questions for the team, and the end.

use leptos::prelude::*;

use crate::components::brief_parts::SourceLine;
use crate::components::discuss_record::DiscussRecord;
use crate::components::qr_code::{brief_address, QrCode};
use crate::components::text::{provide_glossary_scope, Text};
use crate::domain::content::{Brief, Coverage};

/// The start: the brief's title and summary, and the QR code of its address.
#[component]
pub fn StartSlide(
    /// The brief being discussed.
    brief: &'static Brief,
) -> impl IntoView {
    provide_glossary_scope();
    let themes = brief.themes.len();
    view! {
        <p class="discuss__caption">"Team discussion"</p>
        <h1 class="discuss__title">{brief.title.clone()}</h1>
        {brief.summary.iter().map(|p| view! { <p><Text text=p.clone()/></p> }).collect_view()}
        <div class="discuss__join">
            <div>
                <h2>"Open this brief on your phone"</h2>
                <p>"Scan the code to open the same brief on your own phone, where you can make your own private notes."</p>
                <p class="hint">{format!(
                    "{themes} {} to discuss. Move on with the Next button, the right arrow key or Space; go back with the left arrow key. Escape leaves discussion mode.",
                    if themes == 1 { "theme" } else { "themes" }
                )}</p>
            </div>
            <QrCode address=brief_address(&brief.id) label="this brief"/>
        </div>
        <SourceLine sources=&brief.sources locator=brief.locator.as_deref()/>
    }
}

/// One theme: its key learning from the brief, and open questions for the team.
#[component]
pub fn ThemeSlide(
    /// The brief being discussed.
    brief: &'static Brief,
    /// Which theme, counting from 0.
    index: usize,
    /// The questions to ask about every theme, from `discussion.toml`.
    questions: &'static [String],
) -> impl IntoView {
    provide_glossary_scope();
    let Some(theme) = brief.themes.get(index) else {
        return ().into_any();
    };
    let learning = if brief.coverage == Coverage::HeadingsOnly {
        view! {
            <p class="discuss__note">{format!(
                "Only this theme's heading is in the sources bundled here. Its learning is in the full brief published by {}.",
                brief.publisher
            )}</p>
        }
        .into_any()
    } else {
        view! {
            <h2>"Key learning"</h2>
            <ul class="discuss__learning">
                {theme.learning.iter().map(|l| view! { <li><Text text=l.clone()/></li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <p class="discuss__caption">{brief.title.clone()}</p>
        <h1 class="discuss__title"><Text text=theme.title.clone()/></h1>
        {learning}
        <Questions questions/>
    }
    .into_any()
}

/// The end: closing questions, the brief's next steps, and the record of the discussion.
#[component]
pub fn EndSlide(
    /// The brief being discussed.
    brief: &'static Brief,
    /// The questions to close with, from `discussion.toml`.
    questions: &'static [String],
) -> impl IntoView {
    provide_glossary_scope();
    view! {
        <p class="discuss__caption">{brief.title.clone()}</p>
        <h1 class="discuss__title">"Before you finish"</h1>
        <Questions questions/>
        {(!brief.next_steps.is_empty()).then(|| view! {
            <h2>"Next steps from the brief"</h2>
            <ol class="discuss__learning">
                {brief.next_steps.iter().map(|s| view! { <li><Text text=s.clone()/></li> }).collect_view()}
            </ol>
        })}
        <DiscussRecord brief_id=&brief.id/>
        <p><a href=format!("/briefs/{}/handout", brief.id)>"Print a one-page handout of this brief"</a></p>
        <SourceLine sources=&brief.sources locator=brief.locator.as_deref()/>
    }
}

/// Open questions for the team, marked as prompts rather than part of the review.
#[component]
fn Questions(
    /// The questions.
    questions: &'static [String],
) -> impl IntoView {
    view! {
        <div class="discuss__questions">
            <h2>"Questions for your team"</h2>
            <ul>{questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ul>
            <p class="hint">"These are prompts for your discussion. They are not from the review."</p>
        </div>
    }
}
