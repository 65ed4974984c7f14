//! The notes part of a brief page: progress on the brief's next steps, ticking them done (with
//! the date and a line on what was done), and the person's notes on the brief.

use crate::router::A;
use leptos::prelude::*;

use crate::components::notes_banner::{NotesHealthBanner, PrivacyPoints, SaveStatus};
use crate::components::notes_list::human_date;
use crate::components::text::Text;
use crate::components::with_notes::WithNotes;
use crate::domain::content::Brief;
use crate::domain::notes::{Filter, NextStepTick, NoteBody, NoteKind};
use crate::edge::{new_id, today};
use crate::state::use_notes;

/// Next-step progress and ticking, and the person's notes on this brief, with links to write
/// more. Shown after the brief's next steps. The page loads the app's code when this comes
/// near the screen (`data-hydrate-near`, read by the page's loader), so the notes are ready.
#[component]
pub fn BriefNotes(
    /// The brief the notes are on.
    brief: &'static Brief,
) -> impl IntoView {
    view! {
        <section class="brief-notes no-print" aria-labelledby="brief-notes-heading" data-hydrate-near="">
            <h2 id="brief-notes-heading" tabindex="-1">"Your progress and notes"</h2>
            <WithNotes><BriefNotesContent brief/></WithNotes>
        </section>
    }
}

/// The notes part, once the notes are read.
#[component]
fn BriefNotesContent(
    /// The brief the notes are on.
    brief: &'static Brief,
) -> impl IntoView {
    let notes = use_notes();
    let first_use = notes.with_untracked(|n| n.is_empty());
    let used = RwSignal::new(false);
    let on_brief = Memo::new(move |_| {
        let filter = Filter {
            brief_id: Some(brief.id.clone()),
            ..Filter::default()
        };
        notes.with(|n| {
            n.list(&filter)
                .into_iter()
                .filter(|note| note.kind() != NoteKind::NextStep)
                .map(|note| {
                    let what = match &note.body {
                        NoteBody::Brief(n) => match n.theme_id.as_deref() {
                            None => "on the whole brief".to_string(),
                            Some(t) => brief
                                .themes
                                .iter()
                                .find(|theme| theme.id == t)
                                .map(|theme| format!("on {}", theme.title))
                                .unwrap_or_else(|| "on a theme no longer in this brief".to_string()),
                        },
                        body => body.kind().label().to_string(),
                    };
                    (note.id.clone(), what, note.body.headline())
                })
                .collect::<Vec<_>>()
        })
    });
    let write = |kind: &str| format!("/notes/new?kind={kind}&brief={}", brief.id);

    view! {
            <NotesHealthBanner/>
            {if first_use {
                view! { <PrivacyPoints id="privacy-heading-brief"/> }.into_any()
            } else {
                view! { <p class="hint">"Your notes stay in this browser. Do not record names or details that could identify a child or family."</p> }.into_any()
            }}
            {(!brief.next_steps.is_empty()).then(|| view! { <StepTicks brief used/> })}
            <SaveStatus shown=used/>
            <h3>"Your notes on this brief"</h3>
            {move || {
                let list = on_brief.get();
                if list.is_empty() {
                    return view! { <p>"You have not written any notes on this brief yet."</p> }.into_any();
                }
                view! {
                    <ul class="link-list">
                        {list.into_iter().map(|(id, what, headline)| {
                            let headline = if headline.is_empty() { "Untitled".to_string() } else { headline };
                            view! {
                                <li><A href=format!("/notes/{id}")>{headline}</A><span class="hint">{format!(" ({what})")}</span></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || (!notes.is_read_only()).then(|| view! {
                <div class="notes-actions">
                    <A href=write("brief") attr:class="button" attr:role="button">"Write a note on this brief"</A>
                    <A href=write("reflection") attr:class="button button--secondary" attr:role="button">"Write a reflection"</A>
                    <A href=write("team") attr:class="button button--secondary" attr:role="button">"Record a team discussion"</A>
                </div>
            })}
    }
}

/// A checkbox for each next step, with the date it was done and a link to say what was done.
#[component]
fn StepTicks(
    /// The brief whose next steps these are.
    brief: &'static Brief,
    /// Set when the person ticks or unticks, so the save status is shown from then on.
    used: RwSignal<bool>,
) -> impl IntoView {
    let notes = use_notes();
    let total = brief.next_steps.len();
    let progress = move || notes.with(|n| n.progress(&brief.id, total)).to_string();
    let problem = RwSignal::new(None::<String>);
    let unticked = RwSignal::new(None::<usize>);
    let items = brief
        .next_steps
        .iter()
        .enumerate()
        .map(|(i, step_text)| {
            let step = i as u32;
            let input_id = format!("next-step-{}", i + 1);
            let tick = move || notes.with(|n| n.tick(&brief.id, step).cloned());
            let toggle = move |ev: leptos::ev::Event| {
                used.set(true);
                unticked.set(None);
                let result = if event_target_checked(&ev) {
                    let body = NoteBody::NextStep(NextStepTick {
                        brief_id: brief.id.clone(),
                        step,
                        done_on: today(),
                        what_i_did: None,
                    });
                    notes.put(&new_id(), body).map(|_| ())
                } else {
                    unticked.set(Some(i + 1));
                    notes.untick(&brief.id, step).map(|_| ())
                };
                problem.set(result.err().map(|e| e.to_string()));
            };
            let detail = move || {
                tick().map(|note| {
                    let NoteBody::NextStep(t) = note.body else { return ().into_any() };
                    let href = format!("/notes/{}", note.id);
                    view! {
                        <div class="notes-tick__detail hint" id=format!("next-step-{}-done", i + 1)>
                            {format!("Done on {}.", human_date(&t.done_on))}
                            {t.what_i_did.clone().map(|w| view! { <span class="notes-text">{format!(" {w}")}</span> })}
                            " "
                            <A href=href>
                                {if t.what_i_did.is_some() { "Change" } else { "Add what you did" }}
                                <span class="visually-hidden">{format!(" for next step {}", i + 1)}</span>
                            </A>
                        </div>
                    }.into_any()
                })
            };
            let described = move || tick().map(|_| format!("next-step-{}-done", i + 1));
            view! {
                <div class="notes-tick">
                    <input class="notes-tick__input" type="checkbox" id=input_id.clone()
                        prop:checked=move || tick().is_some() aria-describedby=described
                        disabled=move || notes.is_read_only() on:change=toggle/>
                    <label class="notes-tick__label" for=input_id><Text text=step_text.clone()/></label>
                    {detail}
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="notes-progress" role="status">{progress}</p>
        <fieldset class="fieldset">
            <legend class="fieldset__legend notes-legend">"Tick the next steps you have done"</legend>
            {items}
        </fieldset>
        {move || problem.get().map(|e| view! { <p class="error-message">{e}</p> })}
        {move || unticked.get().and_then(|n| notes.deleted().map(|_| n)).map(|n| view! {
            <div class="notes-notice">
                <p>{format!("Next step {n} is no longer marked as done.")}</p>
                <button class="button button--secondary" type="button" on:click=move |_| {
                    let _ = notes.undo_delete();
                    unticked.set(None);
                }>"Undo"</button>
            </div>
        })}
    }
}
