//! `/briefs/<id>/handout`: a one-page printable handout of a brief for a team discussion, with
//! the themes, key learning and next steps, ruled space for notes, and a QR code of the brief.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::brief_parts::SourceLine;
use crate::components::print_button::PrintButton;
use crate::components::qr_code::{brief_address, QrCode};
use crate::components::text::{provide_glossary_scope, Text};
use crate::domain::content::{Brief, Coverage};
use crate::domain::handout;
use crate::pages::brief::for_brief;

/// How many ruled lines the notes space has.
const NOTE_LINES: usize = 6;

/// Finds the brief, or shows the not-found page.
#[component]
pub fn HandoutPage() -> impl IntoView {
    for_brief(|brief| view! { <Handout brief/> }.into_any())
}

/// The handout itself; the screen shows it as it will print.
#[component]
fn Handout(
    /// The brief.
    brief: &'static Brief,
) -> impl IntoView {
    provide_glossary_scope();
    let headings_only = brief.coverage == Coverage::HeadingsOnly;
    let plan = handout::plan(brief, handout::BUDGET);
    let themes = brief
        .themes
        .iter()
        .zip(plan.shown)
        .map(|(theme, shown)| {
            view! {
                <section class="handout__theme">
                    <h2 class="handout__theme-title"><Text text=theme.title.clone()/></h2>
                    {(shown > 0).then(|| view! {
                        <ul>{theme.learning[..shown].iter().map(|l| view! { <li><Text text=l.clone()/></li> }).collect_view()}</ul>
                    })}
                </section>
            }
        })
        .collect_view();
    let left_out = (plan.left_out > 0).then(|| {
        let points = if plan.left_out == 1 { "point does" } else { "points do" };
        view! {
            <p class="hint">{format!(
                "To fit on one page, {} more key learning {points} not appear here. Scan the code to read the whole brief.",
                plan.left_out
            )}</p>
        }
    });
    let lines = (0..NOTE_LINES)
        .map(|_| view! { <div class="handout__line"></div> })
        .collect_view();
    view! {
        <Title text=format!("Handout: {}", brief.title)/>
        <p class="no-print"><a class="back-link" href=format!("/briefs/{}", brief.id)>"Back to the brief"</a></p>
        <article class="handout">
            <div class="handout__head">
                <div>
                    <p class="caption">"Learning brief handout"</p>
                    <h1 class="handout__title">{brief.title.clone()}</h1>
                    <p class="meta">{brief.publisher.clone()}{brief.date.clone().map(|d| format!(", {d}"))}</p>
                </div>
                <QrCode address=brief_address(&brief.id) label="this brief"/>
            </div>
            {headings_only.then(|| view! {
                <p class="inset">"Only the theme headings of this review are in the sources bundled here."</p>
            })}
            <div class="handout__themes">{themes}</div>
            {left_out}
            {(!brief.next_steps.is_empty()).then(|| view! {
                <h2>"Your next steps"</h2>
                <ol class="handout__steps">
                    {brief.next_steps.iter().map(|s| view! { <li><Text text=s.clone()/></li> }).collect_view()}
                </ol>
            })}
            <section class="handout__notes" aria-labelledby="handout-notes">
                <h2 id="handout-notes">"Notes"</h2>
                <p class="hint">"Do not write names or details that could identify a child or family."</p>
                <div aria-hidden="true">{lines}</div>
            </section>
            <SourceLine sources=&brief.sources locator=brief.locator.as_deref()/>
        </article>
        <PrintButton label="Print this handout" primary=true/>
    }
}
