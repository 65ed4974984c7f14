//! The benchmark's "floor": prints a plain static HTML page of one bundled learning brief.
//!
//! `make bench` compares the app's brief page with this page: the same content, the same
//! stylesheet and similar markup, but no script at all, so the difference is what the app costs.
//! Usage: `cargo run --release --example floor -- [--css HREF] [--icon HREF] [--brief ID]`.
//! Without `--brief` it takes the longest brief whose learning is bundled. The page goes to
//! stdout; the chosen brief's id goes to stderr as `brief=<id>`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::process::ExitCode;

use safeguarding_toolkit::domain::bundle::library;
use safeguarding_toolkit::domain::content::{brief_texts, Brief, BriefTheme, Coverage, Library};
use safeguarding_toolkit::domain::text::{segments, Segment};

/// The app's Content-Security-Policy (see `index.html`), with no script allowed at all.
const CSP: &str = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; \
font-src 'none'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
manifest-src 'self'; worker-src 'none'";

/// The name in the header and in the title, as the app shows it.
const APP_NAME: &str = "Safeguarding learning toolkit";

/// The plain-HTML controls that `index.html` puts before the app.
const BEFORE_APP: &str = r##"<a class="skip-link" href="#main">Skip to main content</a>
<div class="exit-this-page" id="exit-this-page">
<a href="https://www.bbc.co.uk/weather" class="exit-this-page__button" id="exit-this-page-button" role="button" rel="nofollow noreferrer">
<span class="visually-hidden">Emergency</span> Exit this page
<span class="exit-this-page__indicator" id="exit-this-page-indicator" aria-hidden="true"><span class="exit-this-page__light"></span><span class="exit-this-page__light"></span><span class="exit-this-page__light"></span></span>
</a>
</div>"##;

/// The app's header and primary navigation, as static links.
const HEADER: &str = r#"<header class="header"><div class="header__inner">
<a href="/" class="header__name">Safeguarding learning toolkit</a>
<nav class="nav" aria-label="Main"><ul class="nav__list">
<li class="nav__item"><a href="/briefs" class="nav__link">Learning briefs</a></li>
<li class="nav__item"><a href="/guide" class="nav__link">Review guide</a></li>
<li class="nav__item"><a href="/notes" class="nav__link">My notes</a></li>
<li class="nav__item"><a href="/about" class="nav__link">About</a></li>
</ul></nav>
</div></header>"#;

/// The app's footer.
const FOOTER: &str = r#"<footer class="footer"><div class="footer__inner">
<p class="footer__privacy">Nothing you type in this toolkit leaves your device. It has no account and sends nothing to any server.</p>
<p>Guidance here summarises published sources and names each one. <a href="/about">About this toolkit, privacy and Exit this page</a></p>
</div></footer>"#;

/// What the command line asked for.
#[derive(Default)]
struct Args {
    css: Option<String>,
    icon: Option<String>,
    brief: Option<String>,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("floor: {message}\nusage: floor [--css HREF] [--icon HREF] [--brief ID]");
            return ExitCode::from(2);
        }
    };
    let lib = library();
    let Some(brief) = pick(lib, args.brief.as_deref()) else {
        eprintln!(
            "floor: no bundled brief with full learning matches {:?}",
            args.brief
        );
        return ExitCode::from(2);
    };
    eprintln!("brief={}", brief.id);
    print!("{}", page(lib, brief, &args));
    ExitCode::SUCCESS
}

fn parse_args(mut words: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args::default();
    while let Some(flag) = words.next() {
        let slot = match flag.as_str() {
            "--css" => &mut args.css,
            "--icon" => &mut args.icon,
            "--brief" => &mut args.brief,
            other => return Err(format!("unknown argument `{other}`")),
        };
        *slot = Some(words.next().ok_or_else(|| format!("`{flag}` needs a value"))?);
    }
    Ok(args)
}

/// The brief asked for, or the longest one whose learning is bundled.
fn pick<'a>(lib: &'a Library, id: Option<&str>) -> Option<&'a Brief> {
    let mut full = lib.briefs.iter().filter(|b| b.coverage == Coverage::Full);
    match id {
        Some(id) => full.find(|b| b.id == id),
        None => full.max_by_key(|b| brief_texts(b).iter().map(|t| t.len()).sum::<usize>()),
    }
}

/// Text made safe to put in HTML, as element content or inside a quoted attribute.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Content text with each glossary acronym in `<abbr>`, spelt out on its first use on the
/// page, as the app's `Text` component does.
fn text(lib: &Library, seen: &mut BTreeSet<String>, source: &str) -> String {
    let mut out = String::new();
    for part in segments(source, &lib.glossary, seen) {
        match part {
            Segment::Plain(plain) => out.push_str(&esc(&plain)),
            Segment::Acronym {
                text,
                expansion,
                first,
                ..
            } => {
                let (t, e) = (esc(&text), esc(&expansion));
                let _ = write!(out, r#"<abbr title="{e}">{t}</abbr>"#);
                if first {
                    let _ = write!(out, " ({e})");
                }
            }
        }
    }
    out
}

/// The whole page.
fn page(lib: &Library, brief: &Brief, args: &Args) -> String {
    let mut head = String::new();
    let _ = write!(
        head,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"description\" content=\"Learning from safeguarding reviews, a review guide and private notes. Works on this device only.\">\n\
         <title>{} – {APP_NAME}</title>\n",
        esc(&brief.title)
    );
    if let Some(icon) = &args.icon {
        let _ = writeln!(
            head,
            r#"<link rel="icon" href="{}" type="image/svg+xml">"#,
            esc(icon)
        );
    }
    if let Some(css) = &args.css {
        let _ = writeln!(head, r#"<link rel="stylesheet" href="{}">"#, esc(css));
    }
    head.push_str("<link rel=\"manifest\" href=\"/manifest.webmanifest\">\n<meta name=\"theme-color\" content=\"#1d5c8f\">\n</head>\n");
    format!(
        "{head}<body>\n{BEFORE_APP}\n<div id=\"app\" class=\"app\">\n{HEADER}\n\
         <main class=\"main\" id=\"main\" tabindex=\"-1\">\n{}</main>\n{FOOTER}\n</div>\n</body>\n</html>\n",
        main_content(lib, brief)
    )
}

/// What the app's brief page shows inside `<main>`, except the parts that need script (notes
/// and the print button).
fn main_content(lib: &Library, brief: &Brief) -> String {
    let mut seen = BTreeSet::new();
    let mut out = String::new();
    let kind = lib
        .kind(&brief.kind)
        .map_or(brief.kind.as_str(), |k| k.name.as_str());
    let date = brief
        .date
        .as_deref()
        .map(|d| format!(", {d}"))
        .unwrap_or_default();
    let _ = writeln!(out, r#"<p class="caption">{}</p>"#, esc(kind));
    let _ = writeln!(out, "<h1>{}</h1>", esc(&brief.title));
    let _ = writeln!(
        out,
        r#"<p class="meta">{}{}</p>"#,
        esc(&brief.publisher),
        esc(&date)
    );
    for para in &brief.summary {
        let _ = writeln!(out, "<p>{}</p>", text(lib, &mut seen, para));
    }
    if brief.themes.len() > 3 {
        out.push_str("<nav class=\"contents no-print\" aria-labelledby=\"contents-heading\">\n<h2 class=\"contents__heading\" id=\"contents-heading\">Contents</h2>\n<ol class=\"contents__list\">\n");
        for theme in &brief.themes {
            let _ = writeln!(
                out,
                r##"<li><a href="#{}">{}</a></li>"##,
                esc(&theme.id),
                esc(&theme.title)
            );
        }
        out.push_str("</ol>\n</nav>\n");
    }
    for theme in &brief.themes {
        out.push_str(&theme_section(lib, &mut seen, theme));
    }
    if !brief.next_steps.is_empty() {
        out.push_str("<h2 id=\"next-steps\">Your next steps</h2>\n<ol class=\"steps\">\n");
        for step in &brief.next_steps {
            let _ = writeln!(out, "<li>{}</li>", text(lib, &mut seen, step));
        }
        out.push_str("</ol>\n");
    }
    out.push_str(&source_block(lib, brief));
    out.push_str("<h2 class=\"no-print\">Related briefs</h2>\n<ul class=\"link-list no-print\">\n");
    for other in lib.related(brief) {
        let _ = writeln!(
            out,
            r#"<li><a href="/briefs/{}">{}</a></li>"#,
            esc(&other.id),
            esc(&other.title)
        );
    }
    out.push_str("</ul>\n");
    out
}

/// A theme with its key learning and the partnership's response, as the app's `ThemeSection`.
fn theme_section(lib: &Library, seen: &mut BTreeSet<String>, theme: &BriefTheme) -> String {
    let id = esc(&theme.id);
    let mut out = format!(
        "<section class=\"theme\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n",
        text(lib, seen, &theme.title)
    );
    if !theme.response.is_empty() {
        out.push_str("<h3>What the reviews found</h3>\n");
    }
    out.push_str("<ul class=\"learning\">\n");
    for point in &theme.learning {
        let _ = writeln!(out, "<li>{}</li>", text(lib, seen, point));
    }
    out.push_str("</ul>\n");
    if !theme.response.is_empty() {
        out.push_str("<h3>What the partnership did in response</h3>\n");
        for para in &theme.response {
            let _ = writeln!(out, "<p>{}</p>", text(lib, seen, para));
        }
    }
    out.push_str("</section>\n");
    out
}

/// The source and edition line, as the app's `SourceLine`.
fn source_block(lib: &Library, brief: &Brief) -> String {
    let mut out = String::from(
        "<div class=\"source\">\n<h2 class=\"source__heading\">Source</h2>\n<ul class=\"source__list\">\n",
    );
    for source in brief.sources.iter().filter_map(|id| lib.source(id)) {
        let date = source
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li><cite>{}</cite>{}<strong>{}</strong></li>",
            esc(&source.title),
            esc(&format!(" — {}{date}. ", source.publisher)),
            esc(&format!(
                "Written under Working Together to Safeguard Children {}.",
                source.working_together
            )),
        );
    }
    out.push_str("</ul>\n");
    if let Some(locator) = &brief.locator {
        let _ = writeln!(out, r#"<p class="source__locator">See {}.</p>"#, esc(locator));
    }
    out.push_str("<p class=\"hint\">Working Together to Safeguard Children was last revised in 2023. Check the current edition before acting on this.</p>\n</div>\n");
    out
}
