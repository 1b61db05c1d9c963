//! The walk over a sheet: the headings, then each row into observations, skipped rows and
//! guesses listed.

use super::cells::{
    conclude_numbers, figure, is_total, percent_of_fraction, period_cell, range_at, unit_of, Figure, Numbers, Runs,
};
use super::findings::{finding, SheetFinding, SheetFindingCode as F};
use super::grid::{column_letters, Cell, Format, Sheet};
use super::headings::{find_column, heading_row, headings, is_column_numbers};
use super::mapping::{ColumnRef, Mapping, PeriodSource};
use super::text::fold;
use super::{MappedColumn, SheetObservation, SheetReading};
use crate::data::clip;
use crate::data::csv::number::Convention;
use crate::error::sheet as problem;
use crate::error::{Error, ErrorCode, Errors};

/// The observations read, where each came from, and what was skipped or guessed.
pub(crate) struct Read {
    pub observations: Vec<SheetObservation>,
    pub reading: SheetReading,
}

pub(crate) fn read(sheets: &[Sheet], mapping: &Mapping, default_convention: Convention) -> Result<Read, Errors> {
    let mut skipped = Vec::new();
    let sheet = chosen_sheet(sheets, mapping, &mut skipped)?;
    let top = heading_row(sheet, mapping)?;
    let mut guesses = Vec::new();
    let (cols, columns) = mapped_columns(sheet, mapping, top, &mut guesses)?;
    let mut walk = Walk {
        sheet,
        mapping,
        cols,
        skipped,
        guesses,
        errors: Vec::new(),
        numbers: Numbers {
            convention: mapping.decimal.unwrap_or(default_convention),
            point: None,
            ambiguous: Vec::new(),
        },
        formulas: Runs::default(),
        percents: Runs::default(),
        value_range: Vec::new(),
        observations: Vec::new(),
        rows_read: 0,
        totals_noted: false,
        dates_noted: false,
    };
    let first_data = top + mapping.heading_rows;
    for r in first_data..sheet.rows.len() {
        if walk.row(r, r == first_data) && walk.errors.len() > crate::data::MAX_ERRORS {
            break;
        }
    }
    walk.finish(top, columns)
}

/// The sheet: the mapping's, or the first one shown; the others are listed as skipped.
fn chosen_sheet<'s>(
    sheets: &'s [Sheet],
    mapping: &Mapping,
    skipped: &mut Vec<SheetFinding>,
) -> Result<&'s Sheet, Errors> {
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
        return Err(problem::sheet_not_found(mapping.sheet.as_deref(), &names).into());
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
    sheets
        .get(chosen)
        .ok_or_else(|| Errors::one(crate::error::calls::internal()))
}

/// The columns the mapping names.
struct Columns {
    unit: usize,
    period: Option<usize>,
    /// (the indicator's place in the mapping, the field, the column).
    figures: Vec<(usize, &'static str, usize)>,
}

/// The columns of the unit, the period and every figure, found under the headings; every
/// column not found is an error.
fn mapped_columns(
    sheet: &Sheet,
    mapping: &Mapping,
    top: usize,
    guesses: &mut Vec<SheetFinding>,
) -> Result<(Columns, Vec<MappedColumn>), Errors> {
    let heads = headings(sheet, top, mapping.heading_rows);
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    let mut find = |c: &ColumnRef,
                    path: &str,
                    role: &'static str,
                    indicator: Option<&str>,
                    errors: &mut Vec<Error>|
     -> Option<usize> {
        match find_column(sheet, &heads, c, path, guesses) {
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
    let cols = Columns {
        unit: unit_col,
        period: period_col,
        figures: figure_cols,
    };
    Ok((cols, columns))
}

/// The walk over the data rows, and what it gathers.
struct Walk<'a> {
    sheet: &'a Sheet,
    mapping: &'a Mapping,
    cols: Columns,
    skipped: Vec<SheetFinding>,
    guesses: Vec<SheetFinding>,
    errors: Vec<Error>,
    numbers: Numbers,
    formulas: Runs,
    percents: Runs,
    /// Per value column not formatted as percentages: the lowest and highest value.
    value_range: Vec<(usize, f64, f64)>,
    observations: Vec<SheetObservation>,
    rows_read: usize,
    totals_noted: bool,
    dates_noted: bool,
}

impl Walk<'_> {
    /// One data row: its observations, or why it is skipped. False when the row was skipped
    /// before its figures were read.
    fn row(&mut self, r: usize, first: bool) -> bool {
        let Some(unit_text) = self.unit_text(r, first) else {
            return false;
        };
        let Some(unit) = self.unit_id(r, &unit_text) else {
            return false;
        };
        if self.merged(r) {
            return false;
        }
        let Some(period) = self.period(r) else {
            return false;
        };
        self.rows_read += 1;
        let mapping = self.mapping;
        for (i, ind) in mapping.indicators.iter().enumerate() {
            self.observation(r, i, &ind.indicator, &unit, &period);
        }
        true
    }

    /// The row's unit cell, or `None` for a row that is skipped: blank, the column numbers
    /// under the headings, no unit, or no figures.
    fn unit_text(&mut self, r: usize, first: bool) -> Option<String> {
        let sheet = self.sheet;
        let row = sheet.rows.get(r).map(Vec::as_slice).unwrap_or_default();
        if row.iter().all(Cell::is_empty) {
            self.skipped.push(finding(
                F::BlankRow,
                sheet.at_row(r),
                None,
                "dòng trống".into(),
                "a blank row".into(),
            ));
            return None;
        }
        if first && is_column_numbers(row) {
            self.skipped.push(finding(
                F::ColumnNumbersRow,
                sheet.at_row(r),
                None,
                "dòng đánh số cột dưới tiêu đề".into(),
                "the row numbering the columns under the headings".into(),
            ));
            return None;
        }
        let unit_text = sheet.cell(r, self.cols.unit).as_text().trim().to_string();
        let has_figures = self.cols.figures.iter().any(|(_, _, c)| !sheet.cell(r, *c).is_empty());
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
            self.skipped
                .push(finding(code, sheet.at_row(r), None, vi.into(), en.into()));
            return None;
        }
        if !has_figures {
            self.skipped.push(finding(
                F::NoteRow,
                sheet.at(r, self.cols.unit),
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
            return None;
        }
        Some(unit_text)
    }

    /// The unit a row's text names: the mapping's unit of a totals row, the text itself, or
    /// the unit of the mapping's table (loosely matched as a guess); `None` skips the row.
    fn unit_id(&mut self, r: usize, unit_text: &str) -> Option<String> {
        let mapping = self.mapping;
        let unit_at = self.sheet.at(r, self.cols.unit);
        let folded = fold(unit_text);
        if is_total(&folded, &mapping.totals) {
            let Some(u) = &mapping.totals_unit else {
                self.skipped.push(finding(
                    F::TotalsRow,
                    unit_at,
                    Some(unit_text),
                    format!(
                        "`{}`: dòng tổng, không phải một đơn vị (ghi `totals.unit` để đọc nó là số liệu của thành phố)",
                        clip(unit_text)
                    ),
                    format!(
                        "`{}`: a totals row, not a unit (give `totals.unit` to read it as the city's figures)",
                        clip(unit_text)
                    ),
                ));
                return None;
            };
            if !self.totals_noted {
                self.totals_noted = true;
                self.guesses.push(finding(
                    F::TotalsAsUnit,
                    unit_at.clone(),
                    Some(unit_text),
                    format!(
                        "dòng tổng `{}` được đọc là số liệu của `{}`, theo bảng ánh xạ",
                        clip(unit_text),
                        clip(u)
                    ),
                    format!(
                        "the totals row `{}` was read as the figures of `{}`, as the mapping says",
                        clip(unit_text),
                        clip(u)
                    ),
                ));
            }
            return Some(u.clone());
        }
        if mapping.unit.table.is_empty() {
            return Some(unit_text.to_string());
        }
        match unit_of(&mapping.unit.table, &folded) {
            Some((id, exact)) => {
                if !exact {
                    self.guesses.push(finding(
                        F::UnitLooseMatch,
                        unit_at.clone(),
                        Some(unit_text),
                        format!(
                            "`{}` được hiểu là đơn vị `{}` (khớp gần đúng)",
                            clip(unit_text),
                            clip(&id)
                        ),
                        format!(
                            "`{}` was taken as the unit `{}` (a loose match)",
                            clip(unit_text),
                            clip(&id)
                        ),
                    ));
                }
                Some(id)
            }
            None => {
                let what = if mapping.unit.by_code {
                    ("mã", "code")
                } else {
                    ("tên", "name")
                };
                self.skipped.push(finding(
                    F::UnknownUnit,
                    unit_at,
                    Some(unit_text),
                    format!(
                        "{} `{}` không có trong bảng đơn vị của bảng ánh xạ: dòng bị bỏ qua",
                        what.0,
                        clip(unit_text)
                    ),
                    format!(
                        "the {} `{}` is not in the mapping's table of units: the row is skipped",
                        what.1,
                        clip(unit_text)
                    ),
                ));
                None
            }
        }
    }

    /// Whether cells are merged where the row's figures are (an error, once per merge).
    fn merged(&mut self, r: usize) -> bool {
        let sheet = self.sheet;
        let mut merged = false;
        for c in std::iter::once(self.cols.unit)
            .chain(self.cols.period)
            .chain(self.cols.figures.iter().map(|f| f.2))
        {
            if let Some(m) = sheet.merge_at(r, c) {
                merged = true;
                if !self
                    .errors
                    .iter()
                    .any(|e| e.code == ErrorCode::SheetMergedDataCells && e.path.ends_with(&m.a1()))
                {
                    let at = sheet.at_cells(&m.a1());
                    self.errors.push(problem::merged_data_cells(at, &m.a1()));
                }
            }
        }
        merged
    }

    /// The row's period: the mapping's, or its cell's (a day read as its period is a guess).
    fn period(&mut self, r: usize) -> Option<String> {
        let sheet = self.sheet;
        match (&self.mapping.period, self.cols.period) {
            (PeriodSource::Fixed(p), _) => Some(p.clone()),
            (PeriodSource::Column { date, .. }, Some(c)) => {
                let cell = sheet.cell(r, c);
                match period_cell(cell, *date, &sheet.at(r, c)) {
                    Ok((p, from_date)) => {
                        if from_date && !self.dates_noted {
                            self.dates_noted = true;
                            self.guesses.push(finding(
                                F::DateReadAsPeriod,
                                sheet.at(r, c),
                                Some(&cell.as_text()),
                                format!("ngày trong cột kỳ được đọc là kỳ chứa nó (`{p}`), theo `date` của bảng ánh xạ"),
                                format!("the days of the period column were read as the periods that hold them (`{p}`), as the mapping's `date` says"),
                            ));
                        }
                        Some(p)
                    }
                    Err(e) => {
                        self.errors.push(e);
                        None
                    }
                }
            }
            (PeriodSource::Column { .. }, None) => None,
        }
    }

    /// The observation of the `i`-th indicator of the mapping in row `r`, kept when every
    /// one of its cells holds a figure.
    fn observation(&mut self, r: usize, i: usize, indicator: &str, unit: &str, period: &str) {
        let mut obs = SheetObservation {
            indicator: indicator.to_string(),
            unit: unit.to_string(),
            period: period.to_string(),
            value: None,
            numerator: None,
            denominator: None,
            count: None,
            rank: None,
            source: String::new(),
        };
        let mut complete = true;
        let mut first_cell = None;
        let cells: Vec<(&'static str, usize)> = self
            .cols
            .figures
            .iter()
            .filter(|f| f.0 == i)
            .map(|f| (f.1, f.2))
            .collect();
        for (field, c) in cells {
            let at = self.sheet.at(r, c);
            first_cell.get_or_insert_with(|| at.clone());
            match self.figure_cell(r, c, field, indicator, at) {
                Some(v) => {
                    let slot = match field {
                        "value" => &mut obs.value,
                        "numerator" => &mut obs.numerator,
                        "denominator" => &mut obs.denominator,
                        "count" => &mut obs.count,
                        _ => &mut obs.rank,
                    };
                    *slot = Some(v);
                }
                None => complete = false,
            }
        }
        if !complete {
            return;
        }
        obs.source = first_cell.unwrap_or_else(|| self.sheet.at_row(r));
        self.observations.push(obs);
    }

    /// The figure of one cell, noting formulas, percentages and the range of values; or
    /// `None`, with the empty cell, the dash or the error listed.
    fn figure_cell(&mut self, r: usize, c: usize, field: &str, indicator: &str, at: String) -> Option<f64> {
        let cell = self.sheet.cell(r, c);
        match figure(cell, field, &at, &mut self.numbers) {
            Ok(Figure::Number(v)) => {
                if cell.formula {
                    self.formulas.note(c, r);
                }
                let v = if field == "value" && cell.format == Format::Percent {
                    self.percents.note(c, r);
                    percent_of_fraction(v).unwrap_or(v)
                } else {
                    v
                };
                if field == "value" && cell.format != Format::Percent {
                    match self.value_range.iter_mut().find(|x| x.0 == c) {
                        Some(x) => {
                            x.1 = x.1.min(v);
                            x.2 = x.2.max(v);
                        }
                        None => self.value_range.push((c, v, v)),
                    }
                }
                Some(v)
            }
            Ok(Figure::Empty) => {
                self.skipped.push(finding(
                    F::EmptyCell,
                    at,
                    None,
                    format!(
                        "ô trống: `{}` của `{}` không có số liệu ở dòng này",
                        field,
                        clip(indicator)
                    ),
                    format!("an empty cell: no `{}` of `{}` in this row", field, clip(indicator)),
                ));
                None
            }
            Ok(Figure::Dash) => {
                let text = cell.as_text();
                self.skipped.push(finding(
                    F::DashCell,
                    at,
                    Some(&text),
                    format!(
                        "ô ghi `{}`: không có số liệu `{}` của `{}`",
                        clip(&text),
                        field,
                        clip(indicator)
                    ),
                    format!(
                        "the cell says `{}`: no `{}` of `{}`",
                        clip(&text),
                        field,
                        clip(indicator)
                    ),
                ));
                None
            }
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    /// The errors, or the observations with what was skipped and guessed: the guesses about
    /// whole columns (formulas, percentages, rates that look like fractions) at the end.
    fn finish(self, top: usize, columns: Vec<MappedColumn>) -> Result<Read, Errors> {
        let Walk {
            sheet,
            mapping,
            skipped,
            mut guesses,
            mut errors,
            numbers,
            mut formulas,
            mut percents,
            value_range,
            observations,
            rows_read,
            ..
        } = self;
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
            return Err(problem::no_rows(sheet.name.clone().unwrap_or_else(|| "$".into()), skipped.len()).into());
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
}
