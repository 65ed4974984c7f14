//! Which themes recur in which reviews: the taxonomy's themes against the briefs, and where to
//! draw each part of the themes page's picture of it. The page draws the picture as SVG and
//! gives the same facts in a table.

use crate::domain::content::{Brief, BriefTheme, Library, Theme};

/// A row for each taxonomy theme any brief is tagged with, a column for each brief with any
/// tagged section, and in each cell the brief's sections tagged with the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeMatrix<'a> {
    /// The themes, in the taxonomy's order.
    pub themes: Vec<&'a Theme>,
    /// The briefs, in the library's order.
    pub briefs: Vec<&'a Brief>,
    /// `cells[theme][brief]`: the brief's sections tagged with the theme, in the brief's order.
    pub cells: Vec<Vec<Vec<&'a BriefTheme>>>,
}

impl ThemeMatrix<'_> {
    /// How many briefs have a section on the theme in row `row`.
    pub fn brief_count(&self, row: usize) -> usize {
        self.cells[row].iter().filter(|c| !c.is_empty()).count()
    }
}

/// The themes against the briefs.
pub fn theme_matrix(library: &Library) -> ThemeMatrix<'_> {
    fn sections<'b>(brief: &'b Brief, theme: &str) -> Vec<&'b BriefTheme> {
        brief
            .themes
            .iter()
            .filter(|t| t.tags.iter().any(|tag| tag == theme))
            .collect()
    }
    let briefs: Vec<&Brief> = library
        .briefs
        .iter()
        .filter(|b| b.themes.iter().any(|t| !t.tags.is_empty()))
        .collect();
    let themes: Vec<&Theme> = library
        .themes
        .iter()
        .filter(|theme| briefs.iter().any(|b| !sections(b, &theme.id).is_empty()))
        .collect();
    let cells = themes
        .iter()
        .map(|theme| briefs.iter().map(|b| sections(b, &theme.id)).collect())
        .collect();
    ThemeMatrix {
        themes,
        briefs,
        cells,
    }
}

/// The picture's measures, in SVG user units. The font is [`FONT`] units high; the page lets the
/// picture scale to its width, so at 320 px wide (9 briefs) a unit is about 0.9 px.
pub const FONT: u32 = 13;
/// Height of a line of a theme's name.
pub const LINE: u32 = 15;
/// Width kept for the themes' names, left of the first column.
pub const LABEL_WIDTH: u32 = 132;
/// Most characters on a line of a theme's name.
pub const LABEL_CHARS: usize = 19;
/// Width of a column, and the least height of a row.
pub const CELL: u32 = 22;
/// Height of the row of column numbers at the top.
pub const HEAD: u32 = 24;

/// One row of the picture: a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowBox {
    /// Its top edge.
    pub top: u32,
    /// Its height.
    pub height: u32,
    /// The theme's name, wrapped into lines of at most [`LABEL_CHARS`] characters where words
    /// allow.
    pub lines: Vec<String>,
}

/// Where everything in the picture goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Width of the whole picture.
    pub width: u32,
    /// Height of the whole picture.
    pub height: u32,
    /// The left edge of each brief's column.
    pub columns: Vec<u32>,
    /// Each theme's row.
    pub rows: Vec<RowBox>,
}

/// Lays out the picture of `matrix`.
pub fn layout(matrix: &ThemeMatrix<'_>) -> Layout {
    let columns: Vec<u32> = (0..matrix.briefs.len() as u32)
        .map(|i| LABEL_WIDTH + i * CELL)
        .collect();
    let mut top = HEAD;
    let rows = matrix
        .themes
        .iter()
        .map(|theme| {
            let lines = wrap(&theme.name, LABEL_CHARS);
            let height = (lines.len() as u32 * LINE + 7).max(CELL);
            let row = RowBox { top, height, lines };
            top += height;
            row
        })
        .collect();
    Layout {
        width: LABEL_WIDTH + matrix.briefs.len() as u32 * CELL,
        height: top,
        columns,
        rows,
    }
}

/// `text` broken at spaces into lines of at most `max` characters; a word longer than `max`
/// stands on a line of its own.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
