//! Which key learning points fit on the one-page handout. Every theme keeps its heading; points
//! are taken in turns (each theme's first, then each theme's second, ...) while they fit a
//! budget of characters, so a long brief still prints on one page and every theme is heard.

use crate::domain::content::{Brief, Coverage};

/// Characters of brief text that fit on the handout beside its header, notes space and source.
/// Tuned by printing every bundled brief to A4 (see tests/e2e/discuss.spec.ts).
pub const BUDGET: usize = 2_300;

/// What a line break, bullet and spacing cost, counted as characters.
const ITEM_COST: usize = 40;

/// How many of each theme's learning points the handout shows, and how many it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutPlan {
    /// For each theme, in order, how many of its first learning points to show.
    pub shown: Vec<usize>,
    /// How many learning points did not fit.
    pub left_out: usize,
}

/// Plans the handout of `brief` within `budget` characters. Theme headings and next steps are
/// always shown and spent first.
pub fn plan(brief: &Brief, budget: usize) -> HandoutPlan {
    let themes = &brief.themes;
    if brief.coverage == Coverage::HeadingsOnly {
        return HandoutPlan {
            shown: vec![0; themes.len()],
            left_out: 0,
        };
    }
    let mut spent: usize = themes.iter().map(|t| t.title.len() + ITEM_COST).sum::<usize>()
        + brief
            .next_steps
            .iter()
            .map(|s| s.len() + ITEM_COST)
            .sum::<usize>();
    let mut shown = vec![0; themes.len()];
    let rounds = themes.iter().map(|t| t.learning.len()).max().unwrap_or(0);
    'rounds: for round in 0..rounds {
        for (i, theme) in themes.iter().enumerate() {
            let Some(point) = theme.learning.get(round) else {
                continue;
            };
            let cost = point.len() + ITEM_COST;
            if spent + cost > budget {
                break 'rounds;
            }
            spent += cost;
            shown[i] = round + 1;
        }
    }
    let total: usize = themes.iter().map(|t| t.learning.len()).sum();
    let left_out = total - shown.iter().sum::<usize>();
    HandoutPlan { shown, left_out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::BriefTheme;

    fn brief(points: &[usize]) -> Brief {
        Brief {
            format_version: 1,
            id: "b".into(),
            title: "B".into(),
            kind: "k".into(),
            publisher: "P".into(),
            date: None,
            sources: Vec::new(),
            locator: None,
            coverage: Coverage::Full,
            summary: Vec::new(),
            next_steps: Vec::new(),
            themes: points
                .iter()
                .enumerate()
                .map(|(i, &n)| BriefTheme {
                    id: format!("t{i}"),
                    title: "T".repeat(10),
                    tags: Vec::new(),
                    learning: (0..n).map(|_| "x".repeat(60)).collect(),
                    response: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_short_brief_is_shown_whole() {
        let p = plan(&brief(&[2, 3]), BUDGET);
        assert_eq!(
            p,
            HandoutPlan {
                shown: vec![2, 3],
                left_out: 0
            }
        );
    }

    #[test]
    fn points_are_taken_in_turns_so_every_theme_gets_its_first() {
        // Headings cost 2 x 50; each point costs 100. Room for three points.
        let p = plan(&brief(&[3, 3]), 100 + 300);
        assert_eq!(
            p,
            HandoutPlan {
                shown: vec![2, 1],
                left_out: 3
            }
        );
    }

    #[test]
    fn shown_never_exceeds_a_theme_and_everything_is_counted() {
        for budget in (0..3_000).step_by(97) {
            let b = brief(&[0, 5, 1, 7]);
            let p = plan(&b, budget);
            for (shown, theme) in p.shown.iter().zip(&b.themes) {
                assert!(*shown <= theme.learning.len());
            }
            assert_eq!(p.shown.iter().sum::<usize>() + p.left_out, 13);
        }
    }

    #[test]
    fn headings_only_briefs_show_headings() {
        let mut b = brief(&[2]);
        b.coverage = Coverage::HeadingsOnly;
        assert_eq!(
            plan(&b, BUDGET),
            HandoutPlan {
                shown: vec![0],
                left_out: 0
            }
        );
    }
}
