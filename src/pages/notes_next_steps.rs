//! `/notes/next-steps`: every brief's next steps across the toolkit, with what the person has
//! done: the after-training view of what they have changed. Printable for a CPD record.

use crate::router::A;
use leptos::prelude::*;

use crate::components::notes_list::human_date;
use crate::components::page::Page;
use crate::components::print_button::PrintButton;
use crate::components::text::{provide_glossary_scope, Text};
use crate::components::with_notes::WithNotes;
use crate::domain::next_steps::{overview, BriefSteps, Done, OrphanTick};
use crate::state::{use_notes, use_state};

/// `/notes/next-steps`: the briefs started, then the ones not started, then any ticks for
/// briefs the toolkit no longer has.
#[component]
pub fn NotesNextSteps() -> impl IntoView {
    view! {
        <a class="back-link no-print" href="/notes">"Back to My notes"</a>
        <Page title="My next steps">
            <WithNotes><NextStepsContent/></WithNotes>
        </Page>
    }
}

/// The page once the notes are read.
#[component]
fn NextStepsContent() -> impl IntoView {
    provide_glossary_scope();
    let notes = use_notes();
    let library = use_state().library();
    let data = Memo::new(move |_| notes.with(|n| overview(library, n)));
    move || {
        let o = data.get();
        let totals = o.totals();
        let started = o.started.len();
        let summary = if totals.done == 0 {
            "You have not ticked any next steps as done yet. Tick them on each brief, under “Your progress and notes”, as you do them.".to_string()
        } else {
            format!(
                "You have done {} of {} next steps, on {} of {} briefs.",
                totals.done,
                totals.total,
                started,
                started + o.not_started.len()
            )
        };
        view! {
            <p class="lead">"Every learning brief’s next steps, with the ones you have done, when, and what you did."</p>
            <p role="status">{summary}</p>
            <p class="hint">"This comes from your notes, which stay in this browser. Check it holds no names or details that could identify a child or family before you share it."</p>
            <PrintButton label="Print or save as PDF" primary=true/>
            {(!o.started.is_empty()).then(|| view! {
                <h2>"Briefs you have started"</h2>
                {o.started.into_iter().map(|b| view! { <BriefStepsView brief=b/> }).collect_view()}
            })}
            {(!o.not_started.is_empty()).then(|| view! {
                <h2>{if started == 0 { "Next steps in each brief" } else { "Briefs not started yet" }}</h2>
                {o.not_started.into_iter().map(|b| view! { <BriefStepsView brief=b/> }).collect_view()}
            })}
            {(!o.orphans.is_empty()).then(|| view! { <Orphans ticks=o.orphans/> })}
        }
    }
}

/// One brief: its title linking to its next steps, how many are done, and each step.
#[component]
fn BriefStepsView(
    /// The brief and its steps.
    brief: BriefSteps,
) -> impl IntoView {
    let BriefSteps {
        brief_id,
        title,
        progress,
        steps,
    } = brief;
    let heading_id = format!("steps-{brief_id}");
    let labelled_by = heading_id.clone();
    let progress_id = format!("steps-{brief_id}-progress");
    let described_by = progress_id.clone();
    let steps = steps
        .into_iter()
        .map(|step| {
            let class = if step.done.is_some() {
                "step-list__item step-list__item--done"
            } else {
                "step-list__item"
            };
            let status = match step.done {
                Some(done) => view! { <DoneLine done number=step.number/> }.into_any(),
                None => view! { <p class="step-list__status">"Not done yet."</p> }.into_any(),
            };
            view! {
                <li class=class>
                    <p class="step-list__text"><Text text=step.text/></p>
                    {status}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="step-list" aria-labelledby=labelled_by>
            <h3 id=heading_id class="step-list__title">
                <A href=format!("/briefs/{brief_id}#next-steps")>{title}</A>
            </h3>
            <p class="step-list__progress" id=progress_id>{progress.to_string()}</p>
            <ol class="step-list__steps" aria-describedby=described_by>{steps}</ol>
        </section>
    }
}

/// "Done on 3 March 2026", what was done, and a link to say or change it.
#[component]
fn DoneLine(
    /// The tick.
    done: Done,
    /// The step's number, for the link's name.
    number: usize,
) -> impl IntoView {
    let Done {
        note_id,
        on,
        what_i_did,
    } = done;
    let change = if what_i_did.is_some() {
        "Change what you did"
    } else {
        "Add what you did"
    };
    view! {
        <p class="step-list__status step-list__status--done">
            <strong>{format!("Done on {}.", human_date(&on))}</strong>
            {what_i_did.map(|w| view! { " What I did: "<span class="notes-text">{w}</span> })}
            " "
            <A href=format!("/notes/{note_id}") attr:class="no-print">
                {change}<span class="visually-hidden">{format!(" for next step {number}")}</span>
            </A>
        </p>
    }
}

/// Ticks for briefs, or steps, that the toolkit's content no longer has: the person's record,
/// so shown rather than dropped.
#[component]
fn Orphans(
    /// The ticks.
    ticks: Vec<OrphanTick>,
) -> impl IntoView {
    let items = ticks
        .into_iter()
        .map(|t| {
            let number = t.number;
            view! {
                <li>
                    <p class="step-list__text">{format!("Brief “{}”, next step {number}", t.brief_id)}</p>
                    <DoneLine done=t.done number/>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>"Steps from briefs no longer in the toolkit"</h2>
        <p>"You ticked these when the toolkit had a brief, or a next step, that it no longer has. They stay in your notes until you delete them."</p>
        <ul class="step-list__steps">{items}</ul>
    }
}
