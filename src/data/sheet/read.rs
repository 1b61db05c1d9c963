//! The walk over a sheet: the headings, then each row into observations, skipped rows and
//! guesses listed.

use super::findings::{SheetFinding, SheetFindingCode as F};
use super::grid::{column_letters, number_text, Cell, Format, Sheet, Value1};
use super::mapping::{ColumnRef, Mapping, PeriodSource};
use super::period::{self, NotAPeriod};
use super::text::{fold, loose};
use super::{MappedColumn, SheetObservation, SheetReading};
use crate::data::clip;
use crate::data::csv::number::{self, Convention, Refused};
use crate::error::{Error, ErrorCode, Errors};
use crate::messages::Text;

/// The observations read, where each came from, and what was skipped or guessed.
pub(crate) struct Read {
    pub observations: Vec<SheetObservation>,
    pub reading: SheetReading,
}

/// One column's headings, folded, and the cell they are in.
struct Heading {
    parts: Vec<String>,
    shown: String,
    row: usize,
}

fn err(code: ErrorCode, at: String, vi: String, en: String) -> Error {
    Error::new(code, at, vi, en)
}

fn finding(code: F, at: String, text: Option<&str>, vi: String, en: String) -> SheetFinding {
    SheetFinding {
        code,
        at,
        text: text.map(clip),
        message: Text::new(vi, en),
    }
}

/// The headings of every column: the heading row's cells, with a second row under them when
/// the mapping says two; an upper cell heads the columns of its merge, or (without merges, as
/// in a CSV) the empty upper cells to its right that have a lower heading.
fn headings(sheet: &Sheet, top: usize, rows: usize) -> Vec<Heading> {
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
fn find_column(
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
                return Err(err(
                    ErrorCode::SheetAmbiguousHeading,
                    path.to_string(),
                    format!("tiêu đề `{}` khớp nhiều cột ({list}): hãy ghi cả tiêu đề trên, ví dụ `[\"Số hồ sơ\", \"Tiếp nhận\"]`, hoặc chữ cột `{{ \"letter\": \"D\" }}`", clip(&column.shown())),
                    format!("the heading `{}` matches several columns ({list}): give the upper heading too, e.g. `[\"Số hồ sơ\", \"Tiếp nhận\"]`, or the letter `{{ \"letter\": \"D\" }}`", clip(&column.shown())),
                ));
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
    Err(err(
        ErrorCode::SheetHeadingNotFound,
        path.to_string(),
        format!(
            "không thấy cột có tiêu đề `{}`; các tiêu đề có: {seen}",
            clip(&column.shown())
        ),
        format!(
            "no column is headed `{}`; the headings are: {seen}",
            clip(&column.shown())
        ),
    ))
}

/// The row the headings start at: the mapping's, or the first of the first 30 rows that
/// holds the unit column's heading.
fn heading_row(sheet: &Sheet, mapping: &Mapping) -> Result<usize, Error> {
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
    Err(err(
        ErrorCode::SheetHeadingNotFound,
        "$.mapping.unit.column".to_string(),
        format!(
            "không thấy tiêu đề `{}` trong 30 dòng đầu của trang tính; hãy ghi `headingRow` (số dòng của tiêu đề)",
            clip(&mapping.unit.column.shown())
        ),
        format!(
            "the heading `{}` is not in the sheet's first 30 rows; give `headingRow` (the row number of the headings)",
            clip(&mapping.unit.column.shown())
        ),
    ))
}

/// `(1) (2) (3)`, `1 2 3` or `A B 1 2`: the numbering of columns under the headings.
fn is_column_numbers(row: &[Cell]) -> bool {
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

/// Folded unit cell text with the punctuation a totals label may end with dropped.
fn is_total(folded: &str, labels: &[String]) -> bool {
    let t = folded.trim_end_matches(|c: char| !c.is_alphanumeric());
    labels
        .iter()
        .any(|l| t == l || (l.contains(' ') && t.starts_with(&format!("{l} "))))
}

/// Text that says "no figure".
fn is_dash(t: &str) -> bool {
    matches!(
        fold(t).as_str(),
        "-" | "–" | "—" | "x" | "n/a" | "na" | "k/c" | "không có" | "..." | "…"
    )
}

/// A unit's words that a loose match of names drops.
fn without_prefix(loose_name: &str) -> &str {
    for p in ["ủybannhândân", "ubnd"] {
        if let Some(rest) = loose_name.strip_prefix(p) {
            return rest;
        }
    }
    loose_name
}

/// A percentage stored as a fraction, read as written in percent: the decimal point moved
/// two places in the shortest text of the number, so 0.853 is 85.3 exactly.
fn percent_of_fraction(v: f64) -> Option<f64> {
    let text = number_text(v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut digits = format!("{int}{frac:0<2}");
    digits.insert(int.len() + 2, '.');
    let out = crate::data::decimal::parse_f64(&digits)?;
    Some(if v < 0.0 { -out } else { out })
}

/// Per column, the cells that held formulas: the first and last row and how many.
#[derive(Default)]
struct Runs(Vec<(usize, usize, usize, usize)>);

impl Runs {
    fn note(&mut self, col: usize, row: usize) {
        match self.0.iter_mut().find(|r| r.0 == col) {
            Some(r) => {
                r.2 = r.2.max(row);
                r.3 += 1;
            }
            None => self.0.push((col, row, row, 1)),
        }
    }
}

/// The cell's figure, when it has one.
enum Figure {
    Number(f64),
    Empty,
    Dash,
}

struct Numbers {
    convention: Convention,
    /// The first decimal point in a comma sheet (`62.5`), where.
    point: Option<String>,
    /// Cells that read two ways by the convention (`1.240`): where, text, both readings.
    ambiguous: Vec<(String, String, f64, f64)>,
}

#[allow(clippy::too_many_lines)]
pub(crate) fn read(sheets: &[Sheet], mapping: &Mapping, default_convention: Convention) -> Result<Read, Errors> {
    let mut skipped = Vec::new();
    let mut guesses = Vec::new();
    // The sheet: the mapping's, or the first one shown.
    let chosen = match &mapping.sheet {
        Some(name) => sheets
            .iter()
            .position(|s| s.name.as_deref() == Some(name.as_str()))
            .or_else(|| {
                sheets
                    .iter()
                    .position(|s| s.name.as_deref().map(fold) == Some(fold(name)))
            }),
        None => sheets.iter().position(|s| !s.hidden),
    };
    let names: Vec<String> = sheets
        .iter()
        .filter_map(|s| s.name.as_deref())
        .map(|n| format!("`{}`", clip(n)))
        .collect();
    let Some(chosen) = chosen else {
        let names = names.join(", ");
        return Err(err(
            ErrorCode::SheetNotFound,
            "$.mapping.sheet".to_string(),
            match &mapping.sheet {
                Some(n) => format!("tệp không có trang tính `{}`; các trang: {names}", clip(n)),
                None => format!("tệp không có trang tính nào đang hiện (các trang: {names})"),
            },
            match &mapping.sheet {
                Some(n) => format!("the file has no sheet `{}`; its sheets: {names}", clip(n)),
                None => format!("the file has no sheet that is shown (its sheets: {names})"),
            },
        )
        .into());
    };
    for (i, s) in sheets.iter().enumerate() {
        if i == chosen {
            continue;
        }
        let name = s.name.clone().unwrap_or_else(|| format!("#{}", i + 1));
        let (code, vi, en) = if s.hidden {
            (F::HiddenSheet, "trang tính ẩn, không đọc", "a hidden sheet, not read")
        } else {
            (F::OtherSheet, "trang tính khác, không đọc", "another sheet, not read")
        };
        skipped.push(finding(
            code,
            name.clone(),
            Some(&name),
            format!("`{}`: {vi}", clip(&name)),
            format!("`{}`: {en}", clip(&name)),
        ));
    }
    let Some(sheet) = sheets.get(chosen) else {
        return Err(Errors::one(err(
            ErrorCode::Internal,
            "$".into(),
            "lỗi nội bộ".into(),
            "internal error".into(),
        )));
    };

    let top = heading_row(sheet, mapping)?;
    let heads = headings(sheet, top, mapping.heading_rows);
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    let mut find = |c: &ColumnRef,
                    path: &str,
                    role: &'static str,
                    indicator: Option<&str>,
                    errors: &mut Vec<Error>|
     -> Option<usize> {
        match find_column(sheet, &heads, c, path, &mut guesses) {
            Ok(col) => {
                columns.push(MappedColumn {
                    role,
                    indicator: indicator.map(str::to_string),
                    column: column_letters(col),
                    heading: heads.get(col).map(|h| h.shown.clone()).unwrap_or_default(),
                });
                Some(col)
            }
            Err(e) => {
                errors.push(e);
                None
            }
        }
    };
    let unit_col = find(&mapping.unit.column, "$.mapping.unit.column", "unit", None, &mut errors);
    let period_col = match &mapping.period {
        PeriodSource::Fixed(_) => None,
        PeriodSource::Column { column, .. } => find(column, "$.mapping.period.column", "period", None, &mut errors),
    };
    let mut figure_cols: Vec<(usize, &'static str, usize)> = Vec::new();
    for (i, ind) in mapping.indicators.iter().enumerate() {
        for (field, c) in &ind.figures {
            if let Some(col) = find(
                c,
                &format!("$.mapping.indicators[{i}].{field}"),
                field,
                Some(&ind.indicator),
                &mut errors,
            ) {
                figure_cols.push((i, field, col));
            }
        }
    }
    let Some(unit_col) = unit_col.filter(|_| errors.is_empty()) else {
        return Err(Errors(errors));
    };

    let mut numbers = Numbers {
        convention: mapping.decimal.unwrap_or(default_convention),
        point: None,
        ambiguous: Vec::new(),
    };
    let mut formulas = Runs::default();
    let mut percents = Runs::default();
    let mut value_range: Vec<(usize, f64, f64)> = Vec::new();
    let mut observations = Vec::new();
    let mut rows_read = 0usize;
    let mut totals_noted = false;
    let mut dates_noted = false;
    let first_data = top + mapping.heading_rows;
    for r in first_data..sheet.rows.len() {
        let row = sheet.rows.get(r).map(Vec::as_slice).unwrap_or_default();
        if row.iter().all(Cell::is_empty) {
            skipped.push(finding(
                F::BlankRow,
                sheet.at_row(r),
                None,
                "dòng trống".into(),
                "a blank row".into(),
            ));
            continue;
        }
        if r == first_data && is_column_numbers(row) {
            skipped.push(finding(
                F::ColumnNumbersRow,
                sheet.at_row(r),
                None,
                "dòng đánh số cột dưới tiêu đề".into(),
                "the row numbering the columns under the headings".into(),
            ));
            continue;
        }
        let unit_text = sheet.cell(r, unit_col).as_text().trim().to_string();
        let has_figures = figure_cols.iter().any(|(_, _, c)| !sheet.cell(r, *c).is_empty());
        let unit_at = sheet.at(r, unit_col);
        if unit_text.is_empty() {
            let (code, vi, en) = if has_figures {
                (
                    F::NoUnit,
                    "dòng có số liệu nhưng không có đơn vị",
                    "a row with figures but no unit",
                )
            } else {
                (
                    F::NoteRow,
                    "dòng không có đơn vị và không có số liệu",
                    "a row with neither unit nor figures",
                )
            };
            skipped.push(finding(code, sheet.at_row(r), None, vi.into(), en.into()));
            continue;
        }
        let folded = fold(&unit_text);
        let totals = is_total(&folded, &mapping.totals);
        if !has_figures {
            skipped.push(finding(
                F::NoteRow,
                unit_at,
                Some(&unit_text),
                format!(
                    "`{}`: dòng không có số liệu ở các cột đã ánh xạ (tiêu đề mục, ghi chú)",
                    clip(&unit_text)
                ),
                format!(
                    "`{}`: a row without figures in the mapped columns (a section heading, a note)",
                    clip(&unit_text)
                ),
            ));
            continue;
        }
        let unit = if totals {
            let Some(u) = &mapping.totals_unit else {
                skipped.push(finding(
                    F::TotalsRow,
                    unit_at,
                    Some(&unit_text),
                    format!(
                        "`{}`: dòng tổng, không phải một đơn vị (ghi `totals.unit` để đọc nó là số liệu của thành phố)",
                        clip(&unit_text)
                    ),
                    format!(
                        "`{}`: a totals row, not a unit (give `totals.unit` to read it as the city's figures)",
                        clip(&unit_text)
                    ),
                ));
                continue;
            };
            if !totals_noted {
                totals_noted = true;
                guesses.push(finding(
                    F::TotalsAsUnit,
                    unit_at.clone(),
                    Some(&unit_text),
                    format!(
                        "dòng tổng `{}` được đọc là số liệu của `{}`, theo bảng ánh xạ",
                        clip(&unit_text),
                        clip(u)
                    ),
                    format!(
                        "the totals row `{}` was read as the figures of `{}`, as the mapping says",
                        clip(&unit_text),
                        clip(u)
                    ),
                ));
            }
            u.clone()
        } else if mapping.unit.table.is_empty() {
            unit_text.clone()
        } else {
            match unit_of(&mapping.unit.table, &folded) {
                Some((id, exact)) => {
                    if !exact {
                        guesses.push(finding(
                            F::UnitLooseMatch,
                            unit_at.clone(),
                            Some(&unit_text),
                            format!(
                                "`{}` được hiểu là đơn vị `{}` (khớp gần đúng)",
                                clip(&unit_text),
                                clip(&id)
                            ),
                            format!(
                                "`{}` was taken as the unit `{}` (a loose match)",
                                clip(&unit_text),
                                clip(&id)
                            ),
                        ));
                    }
                    id
                }
                None => {
                    let what = if mapping.unit.by_code {
                        ("mã", "code")
                    } else {
                        ("tên", "name")
                    };
                    skipped.push(finding(
                        F::UnknownUnit,
                        unit_at,
                        Some(&unit_text),
                        format!(
                            "{} `{}` không có trong bảng đơn vị của bảng ánh xạ: dòng bị bỏ qua",
                            what.0,
                            clip(&unit_text)
                        ),
                        format!(
                            "the {} `{}` is not in the mapping's table of units: the row is skipped",
                            what.1,
                            clip(&unit_text)
                        ),
                    ));
                    continue;
                }
            }
        };
        // Merged cells where the figures of a data row are.
        let mut merged = false;
        for c in std::iter::once(unit_col)
            .chain(period_col)
            .chain(figure_cols.iter().map(|f| f.2))
        {
            if let Some(m) = sheet.merge_at(r, c) {
                merged = true;
                if !errors
                    .iter()
                    .any(|e| e.code == ErrorCode::SheetMergedDataCells && e.path.ends_with(&m.a1()))
                {
                    let at = sheet.at_cells(&m.a1());
                    errors.push(err(
                        ErrorCode::SheetMergedDataCells,
                        at,
                        format!("các ô {} được gộp trong vùng số liệu: không rõ số của mỗi dòng; hãy bỏ gộp ô và ghi đủ ở từng dòng", m.a1()),
                        format!("cells {} are merged in the data area: which figure belongs to which row is unclear; unmerge them and fill each row", m.a1()),
                    ));
                }
            }
        }
        if merged {
            continue;
        }
        // The period.
        let period = match (&mapping.period, period_col) {
            (PeriodSource::Fixed(p), _) => p.clone(),
            (PeriodSource::Column { date, .. }, Some(c)) => {
                let cell = sheet.cell(r, c);
                match period_cell(cell, *date, &sheet.at(r, c)) {
                    Ok((p, from_date)) => {
                        if from_date && !dates_noted {
                            dates_noted = true;
                            guesses.push(finding(
                                F::DateReadAsPeriod,
                                sheet.at(r, c),
                                Some(&cell.as_text()),
                                format!("ngày trong cột kỳ được đọc là kỳ chứa nó (`{p}`), theo `date` của bảng ánh xạ"),
                                format!("the days of the period column were read as the periods that hold them (`{p}`), as the mapping's `date` says"),
                            ));
                        }
                        p
                    }
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                }
            }
            (PeriodSource::Column { .. }, None) => continue,
        };
        rows_read += 1;
        for (i, ind) in mapping.indicators.iter().enumerate() {
            let mut obs = SheetObservation {
                indicator: ind.indicator.clone(),
                unit: unit.clone(),
                period: period.clone(),
                value: None,
                numerator: None,
                denominator: None,
                count: None,
                rank: None,
                source: String::new(),
            };
            let mut complete = true;
            let mut first_cell = None;
            for (_, field, c) in figure_cols.iter().filter(|f| f.0 == i) {
                let cell = sheet.cell(r, *c);
                let at = sheet.at(r, *c);
                first_cell.get_or_insert_with(|| at.clone());
                match figure(cell, field, &at, &mut numbers) {
                    Ok(Figure::Number(v)) => {
                        if cell.formula {
                            formulas.note(*c, r);
                        }
                        let v = if *field == "value" && cell.format == Format::Percent {
                            percents.note(*c, r);
                            percent_of_fraction(v).unwrap_or(v)
                        } else {
                            v
                        };
                        if *field == "value" && cell.format != Format::Percent {
                            match value_range.iter_mut().find(|x| x.0 == *c) {
                                Some(x) => {
                                    x.1 = x.1.min(v);
                                    x.2 = x.2.max(v);
                                }
                                None => value_range.push((*c, v, v)),
                            }
                        }
                        let slot = match *field {
                            "value" => &mut obs.value,
                            "numerator" => &mut obs.numerator,
                            "denominator" => &mut obs.denominator,
                            "count" => &mut obs.count,
                            _ => &mut obs.rank,
                        };
                        *slot = Some(v);
                    }
                    Ok(Figure::Empty) => {
                        complete = false;
                        skipped.push(finding(
                            F::EmptyCell,
                            at,
                            None,
                            format!(
                                "ô trống: `{}` của `{}` không có số liệu ở dòng này",
                                field,
                                clip(&ind.indicator)
                            ),
                            format!(
                                "an empty cell: no `{}` of `{}` in this row",
                                field,
                                clip(&ind.indicator)
                            ),
                        ));
                    }
                    Ok(Figure::Dash) => {
                        complete = false;
                        let text = cell.as_text();
                        skipped.push(finding(
                            F::DashCell,
                            at,
                            Some(&text),
                            format!(
                                "ô ghi `{}`: không có số liệu `{}` của `{}`",
                                clip(&text),
                                field,
                                clip(&ind.indicator)
                            ),
                            format!(
                                "the cell says `{}`: no `{}` of `{}`",
                                clip(&text),
                                field,
                                clip(&ind.indicator)
                            ),
                        ));
                    }
                    Err(e) => {
                        complete = false;
                        errors.push(e);
                    }
                }
            }
            if !complete {
                continue;
            }
            obs.source = first_cell.unwrap_or_else(|| sheet.at_row(r));
            observations.push(obs);
        }
        if errors.len() > crate::data::MAX_ERRORS {
            break;
        }
    }
    conclude_numbers(numbers, &mut errors);
    if !errors.is_empty() {
        errors.truncate(crate::data::MAX_ERRORS);
        return Err(Errors(errors));
    }
    // Column by column, left to right.
    crate::sort::sort(&mut formulas.0);
    crate::sort::sort(&mut percents.0);
    for (col, first, last, n) in formulas.0 {
        guesses.push(finding(
            F::FormulaCachedValue,
            range_at(sheet, first, last, col),
            None,
            format!("ô có công thức: {n}, dùng giá trị Excel đã lưu trong tệp (không tính lại)"),
            format!("cells holding formulas: {n}; the values Excel saved in the file were used (not recomputed)"),
        ));
    }
    for (col, first, last, n) in percents.0 {
        guesses.push(finding(
            F::PercentFormat,
            range_at(sheet, first, last, col),
            None,
            format!("ô định dạng phần trăm: {n}; Excel lưu 85,3 % là 0,853, được đọc là 85,3"),
            format!("cells formatted as percentages: {n}; Excel stores 85.3 % as 0.853, read as 85.3"),
        ));
    }
    for (col, low, high) in value_range {
        if low >= 0.0 && high <= 1.0 && high > 0.0 {
            guesses.push(finding(
                F::ValuesLookLikeFractions,
                sheet.at_cells(&column_letters(col)),
                None,
                format!("mọi tỷ lệ của cột {} đều từ 0 đến 1: có thể là phân số (0,853 cho 85,3 %); đã đọc như ghi", column_letters(col)),
                format!("every rate of column {} lies between 0 and 1: perhaps fractions (0.853 for 85.3 %); read as written", column_letters(col)),
            ));
        }
    }
    if observations.is_empty() {
        return Err(err(
            ErrorCode::SheetNoRows,
            sheet.name.clone().unwrap_or_else(|| "$".into()),
            format!("không đọc được số liệu nào từ trang tính (số dòng bị bỏ qua: {}): hãy xem lại bảng ánh xạ (dòng tiêu đề, bảng tên đơn vị)", skipped.len()),
            format!("no figure was read from the sheet (rows skipped: {}): check the mapping (the heading row, the table of unit names)", skipped.len()),
        )
        .into());
    }
    Ok(Read {
        observations,
        reading: SheetReading {
            sheet: sheet.name.clone(),
            heading_rows: (top + 1..=top + mapping.heading_rows).collect(),
            columns,
            rows: rows_read,
            observations: 0,
            skipped,
            guesses,
        },
    })
}

fn range_at(sheet: &Sheet, first: usize, last: usize, col: usize) -> String {
    if first == last {
        sheet.at(first, col)
    } else {
        sheet.at_cells(&format!(
            "{}:{}",
            super::grid::a1(first, col),
            super::grid::a1(last, col)
        ))
    }
}

/// The unit id of a folded name: exactly, or loosely when only one name matches.
fn unit_of(table: &[(String, String)], folded: &str) -> Option<(String, bool)> {
    if let Ok(i) = table.binary_search_by(|(n, _)| n.as_str().cmp(folded)) {
        return table.get(i).map(|(_, id)| (id.clone(), true));
    }
    let want = loose(folded);
    let want = without_prefix(&want);
    let found: Vec<&String> = table
        .iter()
        .filter(|(n, _)| without_prefix(&loose(n)) == want)
        .map(|(_, id)| id)
        .collect();
    match found.as_slice() {
        [id] => Some(((*id).clone(), false)),
        _ => None,
    }
}

fn period_cell(cell: &Cell, date: Option<period::Granularity>, at: &str) -> Result<(String, bool), Error> {
    let invalid = |text: &str, why: NotAPeriod| -> Error {
        let (vi, en) = match why {
            NotAPeriod::Cumulative => (
                "là số liệu cộng dồn từ đầu năm, không phải một kỳ (năm, 6 tháng, quý, tháng)",
                "is a total since the start of the year, not a period (a year, half-year, quarter or month)",
            ),
            NotAPeriod::Unknown => (
                "không phải kỳ báo cáo (ví dụ `Quý 3/2026`, `Tháng 10/2026`, `Năm 2026`, `6 tháng đầu năm 2026`)",
                "is not a reporting period (e.g. `Quý 3/2026`, `Tháng 10/2026`, `Năm 2026`, `6 tháng đầu năm 2026`)",
            ),
        };
        err(
            ErrorCode::SheetInvalidPeriod,
            at.to_string(),
            format!("ô {at}: `{}` {vi}", clip(text)),
            format!("cell {at}: `{}` {en}", clip(text)),
        )
    };
    match &cell.value {
        Value1::Number(n) => {
            if let Some(g) = date {
                let p = period::excel_date(*n).and_then(|d| period::period_of(d, g));
                return p
                    .map(|p| (period::engine_text(p), true))
                    .ok_or_else(|| invalid(&number_text(*n), NotAPeriod::Unknown));
            }
            // A year written as a number.
            #[allow(clippy::cast_possible_truncation)]
            if cell.format != Format::Date
                && n.fract() == 0.0
                && crate::data::YEARS.contains(&(*n as i32))
                && *n < 3000.0
            {
                return Ok((number_text(*n), false));
            }
            let day = period::excel_date(*n)
                .map(|d| format!("{:02}/{:02}/{}", d.day, d.month, d.year))
                .unwrap_or_default();
            Err(err(
                ErrorCode::SheetDateAsNumber,
                at.to_string(),
                format!("ô {at} có số `{}` ở chỗ cần kỳ báo cáo: có lẽ là ngày Excel lưu dạng số ({day}); nếu cột là ngày, ghi `\"date\": \"month\"` (hoặc `quarter`, `half`, `year`) trong `period` của bảng ánh xạ", number_text(*n)),
                format!("cell {at} holds the number `{}` where a period belongs: perhaps a date Excel stores as a serial number ({day}); if the column holds dates, give `\"date\": \"month\"` (or `quarter`, `half`, `year`) in the mapping's `period`", number_text(*n)),
            ))
        }
        Value1::Text(t) => {
            if let Some(g) = date {
                if let Some(p) = period::day_text(t).and_then(|d| period::period_of(d, g)) {
                    return Ok((period::engine_text(p), true));
                }
            }
            period::parse(&fold(t))
                .map(|p| (period::engine_text(p), false))
                .map_err(|why| invalid(t, why))
        }
        Value1::Empty => Err(err(
            ErrorCode::SheetInvalidPeriod,
            at.to_string(),
            format!("ô {at}: dòng có số liệu nhưng không có kỳ báo cáo"),
            format!("cell {at}: the row has figures but no reporting period"),
        )),
        Value1::Bool(b) => Err(invalid(&b.to_string(), NotAPeriod::Unknown)),
    }
}

/// A figure cell: a number (Excel's, or text written the sheet's way, `85,3 %` in a value
/// column), empty, or a dash.
fn figure(cell: &Cell, field: &str, at: &str, numbers: &mut Numbers) -> Result<Figure, Error> {
    let not_number = |shown: &str, hint: (&str, &str)| -> Error {
        err(
            ErrorCode::SheetInvalidNumber,
            at.to_string(),
            format!("ô {at}: `{}` không phải là số{}", clip(shown), hint.0),
            format!("cell {at}: `{}` is not a number{}", clip(shown), hint.1),
        )
    };
    match &cell.value {
        Value1::Empty => Ok(Figure::Empty),
        Value1::Number(n) => Ok(Figure::Number(*n)),
        Value1::Bool(b) => Err(not_number(&b.to_string(), ("", ""))),
        Value1::Text(t) => {
            if is_dash(t) {
                return Ok(Figure::Dash);
            }
            let spaces = |c: char| c.is_whitespace() || c == '\u{200B}';
            let mut s = t.trim_matches(spaces);
            if let Some(rest) = s.strip_suffix('%') {
                if field != "value" {
                    return Err(not_number(
                        t,
                        (
                            &format!(": cột `{field}` cần một số đếm, không phải tỷ lệ phần trăm"),
                            &format!(": the `{field}` column needs a count, not a percentage"),
                        ),
                    ));
                }
                s = rest.trim_matches(spaces);
            }
            // Spaces grouping thousands may be no-break spaces: one ordinary space each.
            let s: String = s.chars().map(|c| if spaces(c) { ' ' } else { c }).collect();
            match number::read(&s, numbers.convention) {
                Ok(number::Cell::Number(v)) => Ok(Figure::Number(v)),
                Ok(number::Cell::DecimalPoint(v)) => {
                    numbers.point.get_or_insert_with(|| at.to_string());
                    Ok(Figure::Number(v))
                }
                Ok(number::Cell::Ambiguous { value, other }) => {
                    if numbers.ambiguous.len() < crate::data::MAX_ERRORS {
                        numbers.ambiguous.push((at.to_string(), t.clone(), value, other));
                    }
                    Ok(Figure::Number(value))
                }
                Err(why) => Err(not_number(t, match (why, numbers.convention) {
                    (Refused::CommaInDecimalPointFile, _) => (
                        ": bảng ánh xạ đọc số kiểu dấu chấm thập phân (`decimal: \"point\"`); số kiểu Việt Nam (`1.234,5`) cần `\"decimal\": \"comma\"`",
                        ": the mapping reads numbers with a decimal point (`decimal: \"point\"`); Vietnamese numbers (`1.234,5`) need `\"decimal\": \"comma\"`",
                    ),
                    (Refused::EnglishForm, _) => (
                        ": dấu phẩy phân cách hàng nghìn không dùng với dấu phẩy thập phân (`1.234,5`)",
                        ": commas grouping thousands do not go with a decimal comma (`1.234,5`)",
                    ),
                    (Refused::BadGrouping, _) => (
                        ": dấu phân cách không chia chữ số thành nhóm ba",
                        ": its separators do not group the digits in threes",
                    ),
                    _ => ("", ""),
                })),
            }
        }
    }
}

/// A comma sheet that also writes a decimal point does not keep to its convention: its cells
/// that read two ways are refused rather than guessed.
fn conclude_numbers(numbers: Numbers, errors: &mut Vec<Error>) {
    let Some(point) = numbers.point else {
        return;
    };
    for (at, text, value, other) in numbers.ambiguous {
        let (v, o) = (number_text(value), number_text(other));
        errors.push(err(
            ErrorCode::SheetAmbiguousNumber,
            at.clone(),
            format!("ô {at}: `{}` có thể là {v} hoặc {o}: bảng tính viết dấu phẩy thập phân, nhưng ô {point} lại viết dấu chấm thập phân; hãy viết số không có dấu phân cách hàng nghìn", clip(&text)),
            format!("cell {at}: `{}` could be {v} or {o}: the sheet writes a decimal comma, but cell {point} writes a decimal point; write numbers without thousands separators", clip(&text)),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_stored_as_fractions() {
        assert_eq!(percent_of_fraction(0.853), Some(85.3));
        assert_eq!(percent_of_fraction(1.0), Some(100.0));
        assert_eq!(percent_of_fraction(0.5), Some(50.0));
        assert_eq!(percent_of_fraction(0.00125), Some(0.125));
        assert_eq!(percent_of_fraction(0.0), Some(0.0));
        assert_eq!(percent_of_fraction(-0.1), Some(-10.0));
        assert_eq!(percent_of_fraction(12.345_678), Some(1234.5678));
    }

    #[test]
    fn totals_labels() {
        let labels: Vec<String> = ["tổng cộng", "tổng số", "tổng", "cộng"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(is_total("tổng cộng", &labels));
        assert!(is_total("tổng cộng:", &labels));
        assert!(is_total("tổng cộng toàn tỉnh", &labels));
        assert!(is_total("cộng", &labels));
        assert!(!is_total("cộng hòa", &labels));
        assert!(!is_total("xã tổng", &labels));
    }
}
