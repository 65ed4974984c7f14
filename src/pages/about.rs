//! About the toolkit: privacy, Exit this page, and where the content comes from.

use leptos::prelude::*;

use crate::components::page::Page;

/// `/about`: what the toolkit keeps, what Exit this page does and does not do, and the sources.
#[component]
pub fn About() -> impl IntoView {
    let library = crate::state::use_state().library();
    let sources = library
        .sources
        .iter()
        .map(|s| {
            let date = s.date.clone().map(|d| format!(", {d}")).unwrap_or_default();
            view! {
                <li>
                    {format!("Source {}: ", s.id)}<strong>{s.title.clone()}</strong>
                    {format!(" — {}{date}. Written under Working Together to Safeguard Children {}.", s.publisher, s.working_together)}
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title="About this toolkit">
            <h2>"Your privacy"</h2>
            <p>"This toolkit runs entirely in your browser. It has no account, no server and no analytics. Nothing you type leaves your device."</p>
            <p>"Your notes are kept in this browser's storage on this device. Anyone who uses this browser profile can read them unless you lock them with a passphrase (on My notes), and clearing the site's data deletes them. Do not record names or details that could identify a child or family."</p>
            <h2 id="exit-this-page-help">"Exit this page"</h2>
            <p>"The red Exit this page button at the top of every page hides the page at once and opens an everyday website instead. You can also press the Shift key 3 times in a row, within 5 seconds of each press."</p>
            <p>"On a phone or tablet, pressing Shift while you type in a text box does not count, so that typing capital letters in your notes cannot close the page by accident."</p>
            <div class="warning-text">
                <p>"Exit this page does not erase your browser history. This toolkit's pages stay in your history, and the Back button can return to them. To remove them, delete them from your browser's history."</p>
            </div>
            <h2>"Where the content comes from"</h2>
            <p>"Every brief and every piece of guidance is a summary, in our own words, of a published document, and names it. Working Together to Safeguard Children has been revised several times, most recently in 2023, so each source shows the edition it was written under. Check the current edition before you act on anything here."</p>
            <ul>{sources}</ul>
        </Page>
    }
}
