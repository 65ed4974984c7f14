//! `/notes`: the person's notes, newest first, with search and filters; next-step progress;
//! undo after a delete; export, import, the printable CPD record and delete-all; and what to
//! know about where notes are kept.

use crate::domain::order::sorted_unique;

use crate::router::A;
use leptos::prelude::*;

use crate::components::lock_box::LockedDamage;
use crate::components::notes_backups::KeptCopies;
use crate::components::notes_banner::{ExportButton, NotesHealthBanner, PrivacyPoints};
use crate::components::notes_list::{human_date, NoteItem, NoteLine};
use crate::components::page::Page;
use crate::components::with_notes::WithNotes;
use crate::domain::notes::{with_commas, Filter, NoteKind};
use crate::state::lock::{use_lock, LockStatus};
use crate::state::{use_notes, use_state};

/// How many notes are shown at first, and how many more each "Show more" adds.
const PAGE: usize = 50;

/// The value a kind has in the kind filter.
fn kind_key(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Brief => "brief",
        NoteKind::Reflection => "reflection",
        NoteKind::Free => "free",
        NoteKind::NextStep => "next-step",
        NoteKind::Team => "team",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", with_commas(n), if n == 1 { one } else { many })
}

/// `/notes`: private reflection notes kept on this device.
#[component]
pub fn Notes() -> impl IntoView {
    view! {
        <Page title="My notes">
            <WithNotes><NotesContent/></WithNotes>
        </Page>
    }
}

/// The page once the notes are read.
#[component]
fn NotesContent() -> impl IntoView {
    let notes = use_notes();
    let lock = use_lock();
    // An undo is offered until the person leaves this page.
    on_cleanup(move || notes.forget_deleted());
    let total = Memo::new(move |_| notes.with(|n| n.len()));
    let read_only = move || notes.is_read_only();

    view! {
        <>
            <NotesHealthBanner/>
            <LockedDamage/>
            <UndoDelete/>
            <p class="lead">"Your reflections, notes on briefs and the next steps you have done. They are kept in this browser only."</p>
            {move || (!read_only()).then(|| view! {
                <div class="notes-actions">
                    <A href="/notes/new?kind=reflection" attr:class="button" attr:role="button">"Write a reflection"</A>
                    <A href="/notes/new?kind=free" attr:class="button button--secondary" attr:role="button">"Write a note"</A>
                </div>
            })}
            {move || if total.get() == 0 {
                view! {
                    <div class="empty">
                        <p>{if notes.health().is_read_only() {
                            "No notes can be shown just now. The message above says why and what you can do."
                        } else {
                            "You have no notes yet. Write a reflection after training or a team discussion, or open a learning brief to write a note on it and tick its next steps."
                        }}</p>
                    </div>
                    <PrivacyPoints/>
                }.into_any()
            } else {
                view! { <NoteList/> }.into_any()
            }}
            <StepProgress/>
            <h2>"Keep a copy"</h2>
            <p>"Your notes are only in this browser. Export them to a file now and then, and keep it somewhere safe: you can import it here or in another browser."</p>
            <h3>"On an iPhone or iPad"</h3>
            <p>"Safari may delete this site's stored data, including your notes, if you do not open the toolkit for seven days. To keep them, add the toolkit to your Home Screen (Share, then Add to Home Screen) and export a copy regularly."</p>
            {move || (total.get() > 0).then(|| view! {
                <div class="notes-export"><ExportButton/></div>
            })}
            <ul class="link-list">
                <li><A href="/notes/cpd">"Print your CPD record (reflections, one a page)"</A></li>
                <li><A href="/notes/import">"Import notes from a file"</A></li>
                <li><A href="/notes/lock">{move || if lock.status() == LockStatus::Open { "Lock now, or change your passphrase" } else { "Lock my notes with a passphrase" }}</A></li>
            </ul>
            <KeptCopies/>
            {move || (total.get() > 0).then(|| view! {
                <PrivacyPoints id="privacy-heading-notes" title="Where your notes are kept"/>
            })}
            {move || ((total.get() > 0 || !notes.backups().is_empty()) && !read_only()).then(|| view! {
                <p><A href="/notes/delete" attr:class="notes-delete-link">"Delete all notes"</A></p>
            })}
        </>
    }
}

/// Says what the last delete removed, with a button to undo it.
#[component]
fn UndoDelete() -> impl IntoView {
    let notes = use_notes();
    let failed = RwSignal::new(None::<String>);
    move || {
        let deleted = notes.deleted()?;
        let message = if deleted.all {
            format!("{} deleted.", plural(deleted.notes.len(), "note", "notes"))
        } else {
            let headline = deleted
                .notes
                .first()
                .map(|n| human_date(&n.body.headline()))
                .unwrap_or_default();
            format!("Note deleted: “{headline}”.")
        };
        let undo = move |_| match notes.undo_delete() {
            Ok(()) => failed.set(None),
            Err(e) => failed.set(Some(e.to_string())),
        };
        Some(view! {
            <div class="notes-notice" role="status">
                <p>{message}</p>
                <button class="button button--secondary" type="button" on:click=undo>"Undo"</button>
                {move || failed.get().map(|e| view! { <p class="error-message">{e}</p> })}
            </div>
        })
    }
}

/// Search, filters and the list of notes, newest first, a page at a time.
#[component]
fn NoteList() -> impl IntoView {
    let notes = use_notes();
    let library = use_state().library();
    let query = RwSignal::new(String::new());
    let brief = RwSignal::new(String::new());
    let theme = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let filter = Memo::new(move |_| Filter {
        query: query.get(),
        brief_id: Some(brief.get()).filter(|b| !b.is_empty()),
        theme_id: Some(theme.get()).filter(|t| !t.is_empty()),
        kind: NoteKind::ALL
            .into_iter()
            .find(|k| kind.with(|v| v == kind_key(*k))),
    });
    let listed = Memo::new(move |_| {
        let filter = filter.get();
        let limit = limit.get();
        notes.with(|n| {
            let all = n.list(&filter);
            let lines: Vec<NoteLine> = all
                .iter()
                .take(limit)
                .map(|n| NoteLine::new(library, n))
                .collect();
            (all.len(), n.len(), lines)
        })
    });
    // Briefs that have notes, for the brief filter.
    let briefs = Memo::new(move |_| {
        notes.with(|n| {
            // Borrowed while sorted: one string a brief, not one a note.
            sorted_unique(
                n.iter()
                    .filter_map(|note| note.body.brief_id())
                    .collect::<Vec<&str>>(),
            )
            .into_iter()
            .map(String::from)
            .collect::<Vec<String>>()
        })
    });
    let count = move || {
        let (shown, total, _) = listed.get();
        if filter.with(|f| *f == Filter::default()) {
            format!("You have {}", plural(total, "note", "notes"))
        } else {
            format!(
                "{} of {} match",
                plural(shown, "note", "notes"),
                with_commas(total)
            )
        }
    };
    let set = move |signal: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            signal.set(event_target_value(&ev));
            limit.set(PAGE);
        }
    };
    let brief_options = move || {
        briefs
            .get()
            .into_iter()
            .filter_map(|id| library.brief(&id))
            .map(|b| {
                let id = b.id.clone();
                view! { <option value=b.id.clone() selected=move || brief.with(|v| *v == id)>{b.title.clone()}</option> }
            })
            .collect_view()
    };
    let theme_filter = move || {
        let chosen = brief.with(|b| library.brief(b))?;
        let options = chosen
            .themes
            .iter()
            .map(|t| {
                let id = t.id.clone();
                view! { <option value=t.id.clone() selected=move || theme.with(|v| *v == id)>{t.title.clone()}</option> }
            })
            .collect_view();
        Some(view! {
            <div class="filters__item">
                <label class="label" for="notes-theme">"Part of the brief"</label>
                <select class="select" id="notes-theme" on:change=set(theme)>
                    <option value="" selected=move || theme.with(String::is_empty)>"All parts"</option>
                    {options}
                </select>
            </div>
        })
    };
    let kind_options = NoteKind::ALL
        .into_iter()
        .map(|k| view! { <option value=kind_key(k) selected=move || kind.with(|v| v == kind_key(k))>{k.label()}</option> })
        .collect_view();

    view! {
        <h2>"Your notes"</h2>
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="label" for="notes-q">"Search your notes"</label>
            <input class="input search__input" id="notes-q" type="search" autocomplete="off"
                prop:value=move || query.get() on:input=set(query)/>
        </form>
        <div class="filters">
            <div class="filters__item">
                <label class="label" for="notes-kind">"Kind of note"</label>
                <select class="select" id="notes-kind" on:change=set(kind)>
                    <option value="" selected=move || kind.with(String::is_empty)>"All kinds"</option>
                    {kind_options}
                </select>
            </div>
            {move || (!briefs.with(Vec::is_empty)).then(|| view! {
                <div class="filters__item">
                    <label class="label" for="notes-brief">"Brief"</label>
                    <select class="select" id="notes-brief" on:change=move |ev| {
                        brief.set(event_target_value(&ev));
                        theme.set(String::new());
                        limit.set(PAGE);
                    }>
                        <option value="" selected=move || brief.with(String::is_empty)>"All briefs"</option>
                        {brief_options}
                    </select>
                </div>
            })}
            {theme_filter}
        </div>
        <p class="results-count" role="status">{count}</p>
        {move || {
            let (shown, _, lines) = listed.get();
            if shown == 0 {
                return view! {
                    <div class="empty"><p>"No notes match. Check the spelling, try other words, or clear the filters."</p></div>
                }.into_any();
            }
            let showing = lines.len();
            let more = shown.saturating_sub(showing);
            view! {
                <ul class="note-list">
                    {lines.into_iter().map(|line| view! { <NoteItem line/> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! {
                    <p class="hint">{format!("Showing the newest {showing} of {}.", with_commas(shown))}</p>
                    <button class="button button--secondary" type="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {format!("Show {} more", more.min(PAGE))}
                    </button>
                })}
            }.into_any()
        }}
    }
}

/// How many next steps are done on each brief where any are, and the way to "My next steps".
#[component]
fn StepProgress() -> impl IntoView {
    let notes = use_notes();
    let library = use_state().library();
    let rows = Memo::new(move |_| {
        notes.with(|n| {
            let ticked: Vec<&str> = sorted_unique(
                n.iter()
                    .filter(|note| note.kind() == NoteKind::NextStep)
                    .filter_map(|note| note.body.brief_id())
                    .collect(),
            );
            ticked
                .into_iter()
                .filter_map(|id| library.brief(id))
                .map(|b| {
                    (
                        b.id.clone(),
                        b.title.clone(),
                        n.progress(&b.id, b.next_steps.len()).to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let list = move || {
        let rows = rows.get();
        (!rows.is_empty()).then(|| {
            let items = rows
                .into_iter()
                .map(|(id, title, progress)| {
                    let href = format!("/briefs/{id}#next-steps");
                    view! { <li><A href=href>{title}</A>{format!(": {progress}")}</li> }
                })
                .collect_view();
            view! { <ul class="link-list">{items}</ul> }
        })
    };
    view! {
        <h2>"Next steps"</h2>
        {list}
        <p><A href="/notes/next-steps">"My next steps: every brief’s next steps and what you did"</A></p>
    }
}
