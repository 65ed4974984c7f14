//! The guide engine: follows the answers in a URL through a guide, and works out deadlines.
//!
//! Answers live in the URL as `/guide/<id>?a=<option>,<option>,...`, one option id per question
//! answered, in order. [`walk`] turns them into the page to show: the next question, or "check
//! your answers" with the outcome reached. A link made for an older version of the guide, or
//! edited by hand, gives [`Stale`] rather than a panic.
//!
//! Back is the same answers without the last one. The Change link for the `i`th answer on the
//! check page is the first `i` answers, which lands on that question again.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use crate::domain::guide::{Choice, Guide, Node, Outcome, Question, Timescale, Unit};
use crate::domain::workdays::{add_days, add_months, add_working_days, Date, OutOfRange};

/// The JSON that `build.rs` wrote from `content/guides/`.
const GUIDES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/guides.json"));

/// Every bundled guide, parsed once. `build.rs` wrote them from checked types, so a parse failure
/// cannot happen in a build that passed; if it did, the list is empty rather than a crash.
pub fn bundled_guides() -> &'static [Guide] {
    static GUIDES: OnceLock<Vec<Guide>> = OnceLock::new();
    GUIDES.get_or_init(|| serde_json::from_str(GUIDES_JSON).unwrap_or_default())
}

/// The bundled guide with this id.
pub fn bundled_guide(id: &str) -> Option<&'static Guide> {
    bundled_guides().iter().find(|g| g.id == id)
}

/// The page a set of answers leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<'a> {
    /// Ask this question next; `answered` questions have been answered so far.
    Question {
        /// The question to show.
        question: &'a Question,
        /// How many answers led here (the length of the answers in the URL).
        answered: usize,
    },
    /// All questions on this path are answered: show them with Change links, then the outcome.
    Check {
        /// Each question asked, with the option chosen, in order.
        answers: Vec<(&'a Question, &'a Choice)>,
        /// The outcome these answers reach.
        outcome: &'a Outcome,
    },
}

/// The answers do not fit the guide: it has changed since the link was made, or the link was
/// edited. Show "This guide has changed. Start again." with a link to the first question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stale;

impl fmt::Display for Stale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("This guide has changed since this link was made. Start again.")
    }
}

/// Splits the `a=` query value into option ids. An empty value means no answers yet.
pub fn parse_answers(value: &str) -> Vec<String> {
    if value.is_empty() {
        return Vec::new();
    }
    value.split(',').map(str::to_owned).collect()
}

/// Joins option ids into the `a=` query value. Option ids are slugs, so nothing needs escaping.
pub fn encode_answers(answers: &[String]) -> String {
    answers.join(",")
}

/// Follows `answers` from the guide's start.
///
/// Any answer that is not an option of the question it answers, an answer after an outcome has
/// been reached, or a link to a node that does not exist gives [`Stale`].
pub fn walk<'a>(guide: &'a Guide, answers: &[String]) -> Result<Step<'a>, Stale> {
    let mut node = guide.node(&guide.start).ok_or(Stale)?;
    let mut chosen = Vec::with_capacity(answers.len());
    for answer in answers {
        let Node::Question(question) = node else {
            return Err(Stale);
        };
        let choice = question.options.iter().find(|c| &c.id == answer).ok_or(Stale)?;
        chosen.push((question, choice));
        node = guide.node(&choice.next).ok_or(Stale)?;
    }
    Ok(match node {
        Node::Question(question) => Step::Question {
            question,
            answered: answers.len(),
        },
        Node::Outcome(outcome) => Step::Check {
            answers: chosen,
            outcome,
        },
    })
}

/// Every answer path from the start, with the id of the node it ends at.
///
/// In a guide that passes `check_guide`, every path ends at an outcome. A path that reaches a
/// missing node, or comes back to a node already on it, stops there and names that node instead.
pub fn all_paths(guide: &Guide) -> Vec<(Vec<String>, String)> {
    let mut paths = Vec::new();
    let mut on_path = BTreeSet::new();
    follow(guide, &guide.start, &mut Vec::new(), &mut on_path, &mut paths);
    paths
}

fn follow<'a>(
    guide: &'a Guide,
    id: &'a str,
    answers: &mut Vec<String>,
    on_path: &mut BTreeSet<&'a str>,
    paths: &mut Vec<(Vec<String>, String)>,
) {
    match guide.node(id) {
        Some(Node::Question(question)) if on_path.insert(id) => {
            for choice in &question.options {
                answers.push(choice.id.clone());
                follow(guide, &choice.next, answers, on_path, paths);
                answers.pop();
            }
            on_path.remove(id);
        }
        _ => paths.push((answers.clone(), id.to_owned())),
    }
}

/// One of an outcome's timescales worked out for a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline<'a> {
    /// The timescale from the guide.
    pub timescale: &'a Timescale,
    /// The day the count runs from, or why it could not be worked out.
    pub from: Result<Date, OutOfRange>,
    /// True when `from` is the last day allowed for the earlier step it runs from, because no
    /// actual date was given for that step: the page should say the date assumes that.
    pub from_latest: bool,
    /// The last day, or why it could not be worked out.
    pub due: Result<Date, OutOfRange>,
}

/// The last day for a timescale that runs from `from`.
pub fn due_date(timescale: &Timescale, from: Date) -> Result<Date, OutOfRange> {
    match timescale.unit {
        Unit::WorkingDays => add_working_days(from, timescale.amount),
        Unit::Days => Ok(add_days(from, i64::from(timescale.amount))),
        Unit::Months => Ok(add_months(from, timescale.amount)),
    }
}

/// Works out every timescale of an outcome, in order.
///
/// A timescale without `after` runs from `start`, the date the reader entered (the day the
/// incident became known). One with `after` runs from the date of that earlier step: its actual
/// date if `actual` gives one (such as `("notification", date)`), otherwise its last allowed day.
pub fn deadlines<'a>(outcome: &'a Outcome, start: Date, actual: &[(&str, Date)]) -> Vec<Deadline<'a>> {
    let mut done: Vec<Deadline<'a>> = Vec::with_capacity(outcome.timescales.len());
    for timescale in &outcome.timescales {
        let (from, from_latest) = match &timescale.after {
            None => (Ok(start), false),
            Some(after) => match actual.iter().find(|(id, _)| id == after) {
                Some((_, date)) => (Ok(*date), false),
                None => match done.iter().find(|d| &d.timescale.id == after) {
                    Some(earlier) => (earlier.due, true),
                    None => (Ok(start), false),
                },
            },
        };
        let due = from.and_then(|from| due_date(timescale, from));
        done.push(Deadline {
            timescale,
            from,
            from_latest,
            due,
        });
    }
    done
}
