//! The build-time renderer: writes every page of the app as HTML, from the same components the
//! browser runs, so a page shows at once and works without the app's code for reading. Trunk's
//! post-build hook (`scripts/postbuild.mjs`) runs it on trunk's staging folder:
//!
//! ```text
//! prerender <folder> <shell>
//! ```
//!
//! `<shell>` is trunk's page with the loader in place. For each page in `domain::site::pages`
//! it writes into `<folder>` the shell with the page's title, the rendered app inside `<div
//! id="app">`, marked with its address and when it loads its code.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos::reactive::owner::Owner;

use safeguarding_toolkit::app::App;
use safeguarding_toolkit::components::title::TitleSink;
use safeguarding_toolkit::components::update_banner::Updates;
use safeguarding_toolkit::domain::guide_walk::bundled_guides;
use safeguarding_toolkit::domain::routes::{self, match_path};
use safeguarding_toolkit::domain::site::{pages, Hydrate, Prerendered};
use safeguarding_toolkit::pages::discuss::MODE_CLASS;
use safeguarding_toolkit::{router, state};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let [folder, shell] = args.as_slice() else {
        eprintln!("usage: prerender <folder to write pages in> <shell page>");
        return ExitCode::FAILURE;
    };
    match run(folder, shell) {
        Ok(count) => {
            println!("prerender: wrote {count} pages");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(folder: &Path, shell_path: &Path) -> Result<usize, String> {
    let shell = std::fs::read_to_string(shell_path).map_err(|e| format!("{}: {e}", shell_path.display()))?;
    let library = safeguarding_toolkit::domain::bundle::library();
    let all = pages(library, bundled_guides());
    for page in &all {
        let (body, title) = render(&page.path);
        let html = fill(&shell, page, &body, &title)?;
        let path = folder.join(&page.file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(all.len())
}

/// The app rendered at `path`, and the page's title.
fn render(path: &str) -> (String, String) {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        let title = TitleSink::provide();
        router::provide_router(path);
        state::provide_state();
        Updates::provide();
        let html = App().to_html();
        (html, title.get())
    })
}

/// The shell with the page put in: its title, and `<div id="app">` holding the rendered app,
/// marked with the address it was rendered for and when it loads its code.
fn fill(shell: &str, page: &Prerendered, body: &str, title: &str) -> Result<String, String> {
    let (before_title, rest) = shell.split_once("<title>").ok_or("the shell has no <title>")?;
    let (_, after_title) = rest
        .split_once("</title>")
        .ok_or("the shell's <title> is not closed")?;
    let open = r#"<div id="app" class="app">"#;
    let (before_app, rest) = after_title
        .split_once(open)
        .ok_or("the shell has no <div id=\"app\" class=\"app\">")?;
    let (_, after_app) = rest
        .split_once("</div>")
        .ok_or("the shell's app <div> is not closed")?;
    let when = match page.hydrate {
        Hydrate::AtOnce => "now",
        Hydrate::AfterPaint => "paint",
        Hydrate::OnTouch => "touch",
    };
    // The code's preload links (postbuild.mjs) stay only on pages that start at once.
    let before_title = if page.hydrate == Hydrate::AtOnce {
        before_title.to_string()
    } else {
        before_title
            .split_inclusive('\n')
            .filter(|line| !line.contains(PRELOAD_MARK))
            .collect()
    };
    // A discussion page hides the site's header and footer from its first paint.
    let discussing = match_path(&page.path).page == routes::Page::Discuss;
    let before_title = if discussing {
        before_title.replacen(
            "<html lang=\"en-GB\">",
            &format!("<html lang=\"en-GB\" class=\"{MODE_CLASS}\">"),
            1,
        )
    } else {
        before_title
    };
    Ok(format!(
        "{before_title}<title>{}</title>{before_app}<div id=\"app\" class=\"app\" data-path=\"{}\" data-hydrate=\"{when}\">{body}</div>{after_app}",
        escape(title),
        escape(&page.path),
    ))
}

/// What marks the shell's links that preload the app's code (scripts/postbuild.mjs).
const PRELOAD_MARK: &str = "data-preload";

/// Text made safe to put in HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
