//! The headings of a sheet: the row they start at, each column's heading (two rows deep
//! when the mapping says so), and the column a mapping names, found exactly or loosely.

use super::findings::{finding, SheetFinding, SheetFindingCode as F};
use super::grid::{column_letters, Cell, Sheet};
use super::mapping::{ColumnRef, Mapping};
use super::text::{fold, loose};
use crate::data::clip;
use crate::error::sheet as problem;
use crate::error::Error;

/// One column's headings, folded, and the cell they are in.
pub(super) struct Heading {
    parts: Vec<String>,
    pub(super) shown: String,
    row: usize,
}

/// The headings of every column: the heading row's cells, with a second row under them when
/// the mapping says two; an upper cell heads the columns of its merge, or (without merges, as
/// in a CSV) the empty upper cells to its right that have a lower heading.
pub(super) fn headings(sheet: &Sheet, top: usize, rows: usize) -> Vec<Heading> {
    let width = sheet.width();
    let text_at = |r: usize, c: usize| -> String {
        let cell = match sheet.merge_at(r, c) {
            Some(m) => sheet.cell(m.top, m.left),
            None => sheet.cell(r, c),
        };
        cell.as_text().trim().to_string()
    };
    let mut uppers: Vec<String> = (0..width).map(|c| text_at(top, c)).collect();
    if rows == 2 {
        for c in 1..width {
            let empty = uppers.get(c).is_some_and(String::is_empty);
            let lower = !text_at(top + 1, c).is_empty();
            let left_has_lower = !text_at(top + 1, c - 1).is_empty();
            if empty && lower && left_has_lower && sheet.merges.is_empty() {
                let left = uppers.get(c - 1).cloned().unwrap_or_default();
                if let Some(u) = uppers.get_mut(c) {
                    *u = left;
                }
            }
        }
    }
    (0..width)
        .map(|c| {
            let upper = uppers.get(c).cloned().unwrap_or_default();
            let mut parts = vec![upper];
            let mut row = top;
            if rows == 2 {
                let lower = text_at(top + 1, c);
                // A cell merged down over both rows heads its column alone.
                let merged_down = sheet.merge_at(top + 1, c).is_some_and(|m| m.top == top);
                if !lower.is_empty() && !merged_down {
                    parts.push(lower);
                    row = top + 1;
                }
            }
            parts.retain(|p| !p.is_empty());
            let shown = parts.join(" / ");
            Heading {
                parts: parts.iter().map(|p| fold(p)).collect(),
                shown,
                row,
            }
        })
        .collect()
}

/// How a heading matched.
#[derive(PartialEq)]
enum Match {
    Exact,
    Loose,
}

fn matches_heading(h: &Heading, want: &[String], form: &dyn Fn(&str) -> String, prefix: bool) -> bool {
    let parts: Vec<String> = h.parts.iter().map(|p| form(p)).collect();
    let want: Vec<String> = want.iter().map(|w| form(w)).collect();
    if parts.is_empty() {
        return false;
    }
    let eq = |a: &str, b: &str| {
        if prefix {
            a.starts_with(b) && !b.is_empty()
        } else {
            a == b
        }
    };
    match want.as_slice() {
        [one] => parts.last().is_some_and(|l| eq(l, one)) || (parts.len() == 2 && eq(&form(&h.parts.join(" / ")), one)),
        [upper, lower] => {
            parts.len() == 2
                && parts.first().is_some_and(|u| eq(u, upper))
                && parts.get(1).is_some_and(|l| eq(l, lower))
        }
        _ => false,
    }
}

/// A way of comparing headings: the form both are put in, whether a prefix is enough.
type Try<'a> = (&'a dyn Fn(&str) -> String, bool, Match);

/// Finds the column a mapping names; a loose match is a guess.
pub(super) fn find_column(
    sheet: &Sheet,
    heads: &[Heading],
    column: &ColumnRef,
    path: &str,
    guesses: &mut Vec<SheetFinding>,
) -> Result<usize, Error> {
    let want = match column {
        ColumnRef::Letter(c) => return Ok(*c),
        ColumnRef::Heading(path) => path,
    };
    let ident = |s: &str| s.to_string();
    let loose_form = |s: &str| loose(s);
    let tries: [Try<'_>; 3] = [
        (&ident, false, Match::Exact),
        (&loose_form, false, Match::Loose),
        (&loose_form, true, Match::Loose),
    ];
    let folded: Vec<String> = want.iter().map(|w| fold(w)).collect();
    for (form, prefix, kind) in tries {
        let found: Vec<usize> = heads
            .iter()
            .enumerate()
            .filter(|(_, h)| matches_heading(h, &folded, form, prefix))
            .map(|(c, _)| c)
            .collect();
        match found.as_slice() {
            [] => continue,
            [c] => {
                if kind == Match::Loose {
                    let h = heads.get(*c);
                    let shown = h.map(|h| h.shown.clone()).unwrap_or_default();
                    let row = h.map_or(0, |h| h.row);
                    guesses.push(finding(
                        F::HeadingLooseMatch,
                        sheet.at(row, *c),
                        Some(&shown),
                        format!(
                            "tiêu đề `{}` được hiểu là `{}` của bảng ánh xạ (khớp gần đúng)",
                            clip(&shown),
                            clip(&column.shown())
                        ),
                        format!(
                            "the heading `{}` was taken as the mapping's `{}` (a loose match)",
                            clip(&shown),
                            clip(&column.shown())
                        ),
                    ));
                }
                return Ok(*c);
            }
            many => {
                let list: Vec<String> = many
                    .iter()
                    .map(|c| {
                        format!(
                            "{} `{}`",
                            column_letters(*c),
                            heads.get(*c).map(|h| clip(&h.shown)).unwrap_or_default()
                        )
                    })
                    .collect();
                let list = list.join(", ");
                return Err(problem::ambiguous_heading(path.to_string(), &column.shown(), &list));
            }
        }
    }
    let seen: Vec<String> = heads
        .iter()
        .filter(|h| !h.shown.is_empty())
        .map(|h| format!("`{}`", clip(&h.shown)))
        .take(30)
        .collect();
    let seen = seen.join(", ");
    Err(problem::heading_not_found(path.to_string(), &column.shown(), &seen))
}

/// The row the headings start at: the mapping's, or the first of the first 30 rows that
/// holds the unit column's heading.
pub(super) fn heading_row(sheet: &Sheet, mapping: &Mapping) -> Result<usize, Error> {
    if let Some(r) = mapping.heading_row {
        return Ok(r);
    }
    let ColumnRef::Heading(want) = &mapping.unit.column else {
        return Ok(0);
    };
    let first = want.first().map(|w| fold(w)).unwrap_or_default();
    let loose_first = loose(&first);
    for form in [0, 1] {
        for r in 0..sheet.rows.len().min(30) {
            let hit = sheet.rows.get(r).is_some_and(|row| {
                row.iter().any(|c| {
                    let t = fold(&c.as_text());
                    if form == 0 {
                        t == first
                    } else {
                        !t.is_empty() && loose(&t) == loose_first
                    }
                })
            });
            if hit {
                return Ok(r);
            }
        }
    }
    Err(problem::heading_row_not_found(&mapping.unit.column.shown()))
}

/// `(1) (2) (3)`, `1 2 3` or `A B 1 2`: the numbering of columns under the headings.
pub(super) fn is_column_numbers(row: &[Cell]) -> bool {
    let cells: Vec<String> = row
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.as_text().trim().to_string())
        .collect();
    cells.len() >= 2
        && cells.iter().all(|t| {
            let inner = t.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(t);
            (!inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit()))
                || (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_uppercase()))
        })
}
