//! `/notes/cpd`: the person's reflections as a printable CPD record, one reflection a page,
//! shaped like a Social Work England CPD record. The print stylesheet starts each on a new page.

use crate::router::A;
use leptos::prelude::*;

use crate::components::notes_list::{human_date, human_time};
use crate::components::page::Page;
use crate::components::print_button::PrintButton;
use crate::components::with_notes::WithNotes;
use crate::domain::notes::{NoteBody, Reflection};
use crate::state::use_notes;

/// `/notes/cpd`: every reflection, newest first, ready to print or save as PDF.
#[component]
pub fn NotesCpd() -> impl IntoView {
    view! {
        <a class="back-link no-print" href="/notes">"Back"</a>
        <Page title="CPD record">
            <WithNotes><NotesCpdContent/></WithNotes>
        </Page>
    }
}

/// The page once the notes are read.
#[component]
fn NotesCpdContent() -> impl IntoView {
    let notes = use_notes();
    let reflections = Memo::new(move |_| {
        notes.with(|n| {
            n.newest_first()
                .into_iter()
                .filter_map(|note| match &note.body {
                    NoteBody::Reflection(r) => Some((note.updated_at, r.clone())),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <>
            {move || {
                let list = reflections.get();
                if list.is_empty() {
                    return view! {
                        <div class="empty">
                            <p>"You have no reflections yet. A reflection records a learning activity, what you learnt and how it will change your practice."</p>
                        </div>
                        <p><A href="/notes/new?kind=reflection">"Write a reflection"</A></p>
                    }.into_any();
                }
                let count = list.len();
                let records = list
                    .into_iter()
                    .enumerate()
                    .map(|(i, (updated_at, r))| view! { <CpdRecord number=i + 1 count updated_at reflection=r/> })
                    .collect_view();
                view! {
                    <div class="no-print">
                        <p>{format!(
                            "Your {} as a record of continuing professional development, one to a page when printed. To keep it as a PDF, print it and choose “Save as PDF”.",
                            if count == 1 { "reflection".to_string() } else { format!("{count} reflections") }
                        )}</p>
                        <p class="hint">"Check it holds no names or details that could identify a child or family before you share it."</p>
                        <PrintButton label="Print or save as PDF" primary=true/>
                    </div>
                    {records}
                }.into_any()
            }}
        </>
    }
}

/// One reflection as a CPD record.
#[component]
fn CpdRecord(
    /// Its place in the record, from 1.
    number: usize,
    /// How many reflections there are.
    count: usize,
    /// When it last changed (ms since 1970).
    updated_at: u64,
    /// The reflection.
    reflection: Reflection,
) -> impl IntoView {
    let Reflection {
        activity,
        when,
        learnt,
        practice_change,
        peer_reflection,
    } = reflection;
    let heading_id = format!("cpd-{number}");
    let labelled_by = heading_id.clone();
    view! {
        <article class="cpd-record" aria-labelledby=labelled_by>
            <p class="cpd-record__count">{format!("CPD record {number} of {count}")}</p>
            <h2 class="cpd-record__title" id=heading_id>{if activity.trim().is_empty() { "Learning activity".to_string() } else { activity }}</h2>
            <dl class="cpd-record__fields">
                <dt>"When it took place"</dt>
                <dd class="notes-text">{human_date(&when)}</dd>
                <dt>"What I learnt"</dt>
                <dd class="notes-text">{learnt}</dd>
                <dt>"How it will change my practice"</dt>
                <dd class="notes-text">{practice_change}</dd>
                {peer_reflection.map(|p| view! {
                    <dt>"What I learnt from discussing it with a colleague"</dt>
                    <dd class="notes-text">{p}</dd>
                })}
            </dl>
            <p class="cpd-record__meta">{format!("Last changed {}", human_time(updated_at))}</p>
        </article>
    }
}
