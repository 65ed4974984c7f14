//! Every acronym the bundled content uses, and what it stands for.

use leptos::prelude::*;

use crate::components::page::Page;

/// `/glossary`: the glossary from `content/glossary.toml`, in alphabetical order.
#[component]
pub fn Glossary() -> impl IntoView {
    let library = crate::state::use_state().library();
    let mut terms: Vec<_> = library.glossary.iter().collect();
    crate::domain::order::sort_by(&mut terms, |a, b| a.abbr.cmp(&b.abbr));
    let rows = terms
        .into_iter()
        .map(|t| {
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key"><abbr title=t.expansion.clone()>{t.abbr.clone()}</abbr></dt>
                    <dd class="summary-list__value">{t.expansion.clone()}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <Page title="Glossary">
            <p class="lead">"The acronyms in the learning briefs and the review guide, and others you may meet for names the source documents use, with what each stands for."</p>
            <dl class="summary-list">{rows}</dl>
        </Page>
    }
}
