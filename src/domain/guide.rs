//! The data model of a question-and-answer guide under `content/guides/`, and its build check.
//!
//! A guide is data with two kinds of node: questions, whose options point to the next node, and
//! outcomes, where a path ends. It also holds a step-by-step overview of the process it is about.
//! `build.rs` includes this file with `#[path]` and runs [`check_guide`] on every guide, so it uses
//! only `std` and `serde`. The engine that walks a guide is in `guide_walk.rs`.

use serde::{Deserialize, Serialize};

// `content` is this module's sibling in the app, in build.rs and in the content check test.
use super::content::is_slug;
use std::collections::{BTreeMap, BTreeSet};

/// The `format_version` every guide file must carry today.
pub const GUIDE_FORMAT_VERSION: u32 = 1;

/// A guide read from `content/guides/<id>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Must be [`GUIDE_FORMAT_VERSION`].
    pub format_version: u32,
    /// Lowercase words joined by hyphens; also the file name and the `/guide/<id>` path.
    pub id: String,
    /// The guide's title, shown as the heading of its start page.
    pub title: String,
    /// Paragraphs shown before the first question.
    #[serde(default)]
    pub intro: Vec<String>,
    /// The id of the first question.
    pub start: String,
    /// The question nodes, in any order.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// The outcome nodes, in any order.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// The step-by-step overview of the process, in order.
    #[serde(default)]
    pub steps: Vec<OverviewStep>,
}

/// A question node: one page with radios.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique among all the guide's nodes.
    pub id: String,
    /// The question, which is also the page heading.
    pub question: String,
    /// Hint text under the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Two or more. Where a person may not know, the last is "I don't know" with id `dont-know`.
    pub options: Vec<Choice>,
}

/// One answer to a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Lowercase words joined by hyphens, unique within the question; it goes in the URL.
    pub id: String,
    /// The radio label.
    pub label: String,
    /// Hint text under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The id of the question or outcome this answer leads to.
    pub next: String,
}

/// An outcome node: where a path ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Unique among all the guide's nodes.
    pub id: String,
    /// The outcome page heading.
    pub title: String,
    /// What may happen next, current position first.
    pub what_may_follow: Vec<String>,
    /// Who decides; always names the safeguarding partners.
    pub who_decides: Vec<String>,
    /// Deadlines that a date can be worked out for.
    #[serde(default)]
    pub timescales: Vec<Timescale>,
    /// What the reader can do now, only where a source supports it.
    #[serde(default)]
    pub what_you_can_do: Vec<String>,
    /// Where the older 2015 framework differed, and when it applied.
    #[serde(default)]
    pub older_framework: Vec<String>,
    /// Its sources; at least one is a bundled source.
    pub citations: Vec<Citation>,
}

/// How a timescale is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Monday to Friday, not bank holidays; counting starts the day after.
    WorkingDays,
    /// Calendar days.
    Days,
    /// Calendar months.
    Months,
}

/// Whether a timescale is today's position or an older framework's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Framework {
    /// The current statutory position (check the current edition).
    Current,
    /// An older framework, shown labelled as such.
    Older,
}

/// A deadline, such as "notify the Panel within 5 working days".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timescale {
    /// Unique within the outcome.
    pub id: String,
    /// What must be done by the deadline, such as "Notify the Panel".
    pub label: String,
    /// How many `unit`s.
    pub amount: u32,
    /// How the amount is counted.
    pub unit: Unit,
    /// What the count runs from, for a person: "the day the local authority became aware".
    pub runs_from: String,
    /// The id of an earlier timescale in the same outcome whose date this one runs from; if
    /// absent, it runs from the date the reader enters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Current position or older framework.
    pub framework: Framework,
    /// The edition it belongs to, such as "Working Together to Safeguard Children 2023".
    pub edition: String,
    /// Its sources.
    pub citations: Vec<Citation>,
}

/// Where a statement comes from: a bundled source by id, or a named document that is not bundled.
///
/// Exactly one of `source` and `title` is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// A source id from `sources.toml`, such as `"003"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The title of a document that is not bundled, such as an Act or statutory guidance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where in the document, such as "section 2.3".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Show a "check the current edition" note with it.
    #[serde(default)]
    pub check_current_edition: bool,
}

/// One step of the step-by-step overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverviewStep {
    /// Unique among the steps; used for anchors.
    pub id: String,
    /// The step's heading.
    pub title: String,
    /// What happens at this step.
    pub paragraphs: Vec<String>,
    /// Its sources.
    pub citations: Vec<Citation>,
}

/// A node found by id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node<'a> {
    /// A question to ask.
    Question(&'a Question),
    /// An outcome, where a path ends.
    Outcome(&'a Outcome),
}

impl Guide {
    /// The question or outcome with this id.
    pub fn node(&self, id: &str) -> Option<Node<'_>> {
        self.questions
            .iter()
            .find(|q| q.id == id)
            .map(Node::Question)
            .or_else(|| self.outcomes.iter().find(|o| o.id == id).map(Node::Outcome))
    }

    /// The outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }
}

impl Choice {
    /// True for the "I don't know" answer.
    pub fn is_dont_know(&self) -> bool {
        self.id == "dont-know"
    }
}

fn id_needle(id: &str) -> String {
    format!("id = \"{id}\"")
}

/// Every problem in a guide as (text to find its line by, message), in a stable order.
///
/// It reports a wrong `format_version`, ids that are not slugs or are duplicated, a `next` or
/// `start` that names no node, nodes that cannot be reached, cycles, questions with fewer than
/// two options or repeated option ids, outcomes that do not name the safeguarding partners or
/// cite nothing, timescales with a bad `after`, citations that are malformed or name an unknown
/// source, and empty text or `<` and `>` in text.
pub fn check_guide(guide: &Guide, sources: &[&str]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |needle: String, message: String| out.push((needle, message));
    if guide.format_version != GUIDE_FORMAT_VERSION {
        push(
            "format_version".into(),
            format!("format_version must be {GUIDE_FORMAT_VERSION}"),
        );
    }

    let node_ids: Vec<&String> = guide
        .questions
        .iter()
        .map(|q| &q.id)
        .chain(guide.outcomes.iter().map(|o| &o.id))
        .collect();
    let mut seen = BTreeSet::new();
    for &id in node_ids.iter().chain([&&guide.id]) {
        if !is_slug(id) {
            push(
                id_needle(id),
                format!("id `{id}` must be lowercase words joined by hyphens"),
            );
        }
    }
    for id in &node_ids {
        if !seen.insert(id.as_str()) {
            push(id_needle(id), format!("duplicate node id `{id}`"));
        }
    }
    if guide.node(&guide.start).is_none() {
        push(
            "start".into(),
            format!("start `{}` is not a question or outcome", guide.start),
        );
    }

    for q in &guide.questions {
        if q.options.len() < 2 {
            push(
                id_needle(&q.id),
                format!("question `{}` needs at least two options", q.id),
            );
        }
        let mut seen = BTreeSet::new();
        for c in &q.options {
            if !is_slug(&c.id) {
                push(
                    id_needle(&c.id),
                    format!("option id `{}` must be lowercase words joined by hyphens", c.id),
                );
            }
            if !seen.insert(c.id.as_str()) {
                push(
                    id_needle(&c.id),
                    format!("question `{}` has option `{}` twice", q.id, c.id),
                );
            }
            if guide.node(&c.next).is_none() {
                push(
                    format!("next = \"{}\"", c.next),
                    format!("`next = \"{}\"` names no question or outcome", c.next),
                );
            }
        }
    }

    for o in &guide.outcomes {
        if !o
            .who_decides
            .iter()
            .any(|t| t.to_lowercase().contains("safeguarding partners"))
        {
            push(
                id_needle(&o.id),
                format!(
                    "outcome `{}` must say that the safeguarding partners decide",
                    o.id
                ),
            );
        }
        if o.what_may_follow.is_empty() {
            push(
                id_needle(&o.id),
                format!("outcome `{}` needs what_may_follow", o.id),
            );
        }
        if o.citations.iter().all(|c| c.source.is_none()) {
            push(
                id_needle(&o.id),
                format!("outcome `{}` cites no bundled source", o.id),
            );
        }
        let mut earlier = BTreeSet::new();
        for t in &o.timescales {
            if let Some(after) = &t.after {
                if !earlier.contains(after.as_str()) {
                    let message = "after must name an earlier timescale of the same outcome";
                    push(
                        format!("after = \"{after}\""),
                        format!("timescale `{}`: {message}", t.id),
                    );
                }
            }
            if !earlier.insert(t.id.as_str()) {
                push(id_needle(&t.id), format!("duplicate timescale id `{}`", t.id));
            }
            if t.citations.is_empty() {
                push(id_needle(&t.id), format!("timescale `{}` cites no source", t.id));
            }
        }
    }

    let mut step_ids = BTreeSet::new();
    for s in &guide.steps {
        if !step_ids.insert(s.id.as_str()) || !is_slug(&s.id) {
            push(
                id_needle(&s.id),
                format!("step id `{}` must be a unique slug", s.id),
            );
        }
        if s.citations.is_empty() {
            push(id_needle(&s.id), format!("step `{}` cites no source", s.id));
        }
    }

    for c in all_citations(guide) {
        match (&c.source, &c.title) {
            (Some(id), None) if !sources.contains(&id.as_str()) => push(
                format!("source = \"{id}\""),
                format!("source `{id}` is not in sources.toml"),
            ),
            (Some(_), None) | (None, Some(_)) => {}
            _ => push(
                "citations".into(),
                "a citation needs either a source or a title, not both".into(),
            ),
        }
    }
    for text in texts(guide) {
        if text.trim().is_empty() {
            push("\"\"".into(), "an empty piece of text".into());
        }
        if text.contains('<') || text.contains('>') {
            push(
                text.to_owned(),
                "raw HTML is not allowed: write plain text".into(),
            );
        }
    }
    out.extend(check_graph(guide));
    out
}

/// Unreachable nodes and cycles, found by a depth-first walk from `start`.
fn check_graph(guide: &Guide) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut state: BTreeMap<&str, bool> = BTreeMap::new(); // false: on the path; true: done.
    let mut stack: Vec<(&str, usize)> = Vec::new();
    if guide.node(&guide.start).is_some() {
        state.insert(&guide.start, false);
        stack.push((&guide.start, 0));
    }
    while let Some((id, i)) = stack.pop() {
        let next = match guide.node(id) {
            Some(Node::Question(q)) => q.options.get(i).map(|c| c.next.as_str()),
            _ => None,
        };
        let Some(next) = next else {
            state.insert(id, true);
            continue;
        };
        stack.push((id, i + 1));
        match state.get(next) {
            Some(false) => out.push((id_needle(next), format!("cycle: `{id}` leads back to `{next}`"))),
            Some(true) => {}
            None if guide.node(next).is_some() => {
                state.insert(next, false);
                stack.push((next, 0));
            }
            None => {}
        }
    }
    let all = guide
        .questions
        .iter()
        .map(|q| &q.id)
        .chain(guide.outcomes.iter().map(|o| &o.id));
    for id in all {
        if !state.contains_key(id.as_str()) {
            out.push((id_needle(id), format!("node `{id}` cannot be reached from start")));
        }
    }
    out
}

fn all_citations(guide: &Guide) -> Vec<&Citation> {
    let mut all: Vec<&Citation> = Vec::new();
    for o in &guide.outcomes {
        all.extend(&o.citations);
        all.extend(o.timescales.iter().flat_map(|t| &t.citations));
    }
    all.extend(guide.steps.iter().flat_map(|s| &s.citations));
    all
}

/// Every piece of text a reader sees in a guide, for checks and for search.
pub fn texts(guide: &Guide) -> Vec<&str> {
    let mut all: Vec<&str> = vec![&guide.title];
    all.extend(guide.intro.iter().map(String::as_str));
    for q in &guide.questions {
        all.push(&q.question);
        all.extend(q.hint.as_deref());
        for c in &q.options {
            all.push(&c.label);
            all.extend(c.hint.as_deref());
        }
    }
    for o in &guide.outcomes {
        all.push(&o.title);
        for list in [
            &o.what_may_follow,
            &o.who_decides,
            &o.what_you_can_do,
            &o.older_framework,
        ] {
            all.extend(list.iter().map(String::as_str));
        }
        for t in &o.timescales {
            all.extend([t.label.as_str(), t.runs_from.as_str(), t.edition.as_str()]);
        }
    }
    for s in &guide.steps {
        all.push(&s.title);
        all.extend(s.paragraphs.iter().map(String::as_str));
    }
    for c in all_citations(guide) {
        all.extend(c.title.as_deref());
        all.extend(c.locator.as_deref());
    }
    all
}
