//! The wording of the errors of a sheet read with a mapping (`SHEET_…`, `XLSX_…`): one
//! constructor per code (or per situation of a code), each with its sentences in Vietnamese
//! and English. `data::sheet` says what is wrong and where (`at`: a cell such as `C7`).

use super::{clip, Error, ErrorCode};
use crate::error::csv::Refused;

/// What a period cell said, when it is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotAPeriod {
    /// Text of no form above.
    Unknown,
    /// `9 tháng đầu năm 2026`: months from January that make no quarter or half.
    Cumulative,
}

/// The period cell `at` holds `text`, which is not a period.
pub(crate) fn invalid_period(at: &str, text: &str, why: NotAPeriod) -> Error {
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
    Error::new(
        ErrorCode::SheetInvalidPeriod,
        at.to_string(),
        format!("ô {at}: `{}` {vi}", clip(text)),
        format!("cell {at}: `{}` {en}", clip(text)),
    )
}

/// The period cell `at` is empty in a row with figures.
pub(crate) fn no_period(at: &str) -> Error {
    Error::new(
        ErrorCode::SheetInvalidPeriod,
        at.to_string(),
        format!("ô {at}: dòng có số liệu nhưng không có kỳ báo cáo"),
        format!("cell {at}: the row has figures but no reporting period"),
    )
}

/// The mapping's fixed period (`period.fixed`) names no period.
pub(crate) fn invalid_fixed_period(text: &str) -> Error {
    Error::new(
        ErrorCode::SheetInvalidPeriod,
        "$.mapping.period.fixed",
        format!(
            "`{}` không phải kỳ báo cáo (ví dụ `Quý 3/2026`, `Tháng 10/2026`, `Năm 2026`, `6 tháng đầu năm 2026`)",
            clip(text)
        ),
        format!(
            "`{}` is not a reporting period (e.g. `Quý 3/2026`, `Tháng 10/2026`, `Năm 2026`, `6 tháng đầu năm 2026`)",
            clip(text)
        ),
    )
}

/// The period cell `at` holds the number `shown`, perhaps an Excel date (`day`, as
/// `dd/mm/yyyy`, or empty).
pub(crate) fn date_as_number(at: &str, shown: &str, day: &str) -> Error {
    Error::new(
        ErrorCode::SheetDateAsNumber,
        at.to_string(),
        format!("ô {at} có số `{shown}` ở chỗ cần kỳ báo cáo: có lẽ là ngày Excel lưu dạng số ({day}); nếu cột là ngày, ghi `\"date\": \"month\"` (hoặc `quarter`, `half`, `year`) trong `period` của bảng ánh xạ"),
        format!("cell {at} holds the number `{shown}` where a period belongs: perhaps a date Excel stores as a serial number ({day}); if the column holds dates, give `\"date\": \"month\"` (or `quarter`, `half`, `year`) in the mapping's `period`"),
    )
}

/// Why a figure cell is not a number, beyond its text.
pub(crate) enum NotANumber<'a> {
    /// Text of no number form, or `true`/`false`.
    Plain,
    /// A percentage in column `field`, which needs a count.
    PercentInCount(&'a str),
    /// A number the sheet's convention refuses (`decimal` of the mapping: a comma one when
    /// `comma`).
    Refused(Refused),
}

/// The figure cell `at` holds `shown`, which is not a number.
pub(crate) fn invalid_number(at: &str, shown: &str, why: NotANumber) -> Error {
    let (hint_vi, hint_en) = match why {
        NotANumber::Plain => (String::new(), String::new()),
        NotANumber::PercentInCount(field) => (
            format!(": cột `{field}` cần một số đếm, không phải tỷ lệ phần trăm"),
            format!(": the `{field}` column needs a count, not a percentage"),
        ),
        NotANumber::Refused(why) => {
            let (vi, en) = match why {
                Refused::CommaInDecimalPointFile => (
                    ": bảng ánh xạ đọc số kiểu dấu chấm thập phân (`decimal: \"point\"`); số kiểu Việt Nam (`1.234,5`) cần `\"decimal\": \"comma\"`",
                    ": the mapping reads numbers with a decimal point (`decimal: \"point\"`); Vietnamese numbers (`1.234,5`) need `\"decimal\": \"comma\"`",
                ),
                Refused::EnglishForm => (
                    ": dấu phẩy phân cách hàng nghìn không dùng với dấu phẩy thập phân (`1.234,5`)",
                    ": commas grouping thousands do not go with a decimal comma (`1.234,5`)",
                ),
                Refused::BadGrouping => (
                    ": dấu phân cách không chia chữ số thành nhóm ba",
                    ": its separators do not group the digits in threes",
                ),
                Refused::NotANumber => ("", ""),
            };
            (vi.to_string(), en.to_string())
        }
    };
    Error::new(
        ErrorCode::SheetInvalidNumber,
        at.to_string(),
        format!("ô {at}: `{}` không phải là số{hint_vi}", clip(shown)),
        format!("cell {at}: `{}` is not a number{hint_en}", clip(shown)),
    )
}

/// The figure cell `at` holds `text`, which reads as `v` or `o` (as written in messages), in
/// a comma sheet whose cell `point` writes a decimal point.
pub(crate) fn ambiguous_number(at: &str, text: &str, (v, o): (&str, &str), point: &str) -> Error {
    Error::new(
        ErrorCode::SheetAmbiguousNumber,
        at.to_string(),
        format!("ô {at}: `{}` có thể là {v} hoặc {o}: bảng tính viết dấu phẩy thập phân, nhưng ô {point} lại viết dấu chấm thập phân; hãy viết số không có dấu phân cách hàng nghìn", clip(text)),
        format!("cell {at}: `{}` could be {v} or {o}: the sheet writes a decimal comma, but cell {point} writes a decimal point; write numbers without thousands separators", clip(text)),
    )
}

/// The mapping's `heading` matches several columns: `list` names them (`` D `Tiếp nhận` ``).
pub(crate) fn ambiguous_heading(path: impl Into<String>, heading: &str, list: &str) -> Error {
    Error::new(
        ErrorCode::SheetAmbiguousHeading,
        path,
        format!("tiêu đề `{}` khớp nhiều cột ({list}): hãy ghi cả tiêu đề trên, ví dụ `[\"Số hồ sơ\", \"Tiếp nhận\"]`, hoặc chữ cột `{{ \"letter\": \"D\" }}`", clip(heading)),
        format!("the heading `{}` matches several columns ({list}): give the upper heading too, e.g. `[\"Số hồ sơ\", \"Tiếp nhận\"]`, or the letter `{{ \"letter\": \"D\" }}`", clip(heading)),
    )
}

/// No column has the mapping's `heading`; `seen` lists the sheet's headings.
pub(crate) fn heading_not_found(path: impl Into<String>, heading: &str, seen: &str) -> Error {
    Error::new(
        ErrorCode::SheetHeadingNotFound,
        path,
        format!("không thấy cột có tiêu đề `{}`; các tiêu đề có: {seen}", clip(heading)),
        format!("no column is headed `{}`; the headings are: {seen}", clip(heading)),
    )
}

/// The unit column's `heading` is not in the sheet's first 30 rows.
pub(crate) fn heading_row_not_found(heading: &str) -> Error {
    Error::new(
        ErrorCode::SheetHeadingNotFound,
        "$.mapping.unit.column",
        format!(
            "không thấy tiêu đề `{}` trong 30 dòng đầu của trang tính; hãy ghi `headingRow` (số dòng của tiêu đề)",
            clip(heading)
        ),
        format!(
            "the heading `{}` is not in the sheet's first 30 rows; give `headingRow` (the row number of the headings)",
            clip(heading)
        ),
    )
}

/// The mapping's sheet `name` is not in the workbook (`None`: every sheet is hidden); `names`
/// lists its sheets.
pub(crate) fn sheet_not_found(name: Option<&str>, names: &str) -> Error {
    let (vi, en) = match name {
        Some(n) => (
            format!("tệp không có trang tính `{}`; các trang: {names}", clip(n)),
            format!("the file has no sheet `{}`; its sheets: {names}", clip(n)),
        ),
        None => (
            format!("tệp không có trang tính nào đang hiện (các trang: {names})"),
            format!("the file has no sheet that is shown (its sheets: {names})"),
        ),
    };
    Error::new(ErrorCode::SheetNotFound, "$.mapping.sheet", vi, en)
}

/// Cells `range` (`B4:B6`) merged where a data row's unit, period or figures are.
pub(crate) fn merged_data_cells(path: impl Into<String>, range: &str) -> Error {
    Error::new(
        ErrorCode::SheetMergedDataCells,
        path,
        format!("các ô {range} được gộp trong vùng số liệu: không rõ số của mỗi dòng; hãy bỏ gộp ô và ghi đủ ở từng dòng"),
        format!("cells {range} are merged in the data area: which figure belongs to which row is unclear; unmerge them and fill each row"),
    )
}

/// No observation read from the sheet; `skipped` rows were skipped.
pub(crate) fn no_rows(path: impl Into<String>, skipped: usize) -> Error {
    Error::new(
        ErrorCode::SheetNoRows,
        path,
        format!("không đọc được số liệu nào từ trang tính (số dòng bị bỏ qua: {skipped}): hãy xem lại bảng ánh xạ (dòng tiêu đề, bảng tên đơn vị)"),
        format!("no figure was read from the sheet (rows skipped: {skipped}): check the mapping (the heading row, the table of unit names)"),
    )
}

/// What is wrong with a grid (`SHEET_INVALID_GRID`): a workbook, a sheet or rows that are not what a grid is.
pub(crate) enum BadGrid<'a> {
    SheetsNotAList,
    NotAGrid,
    UnknownSheetField { key: &'a str },
    NameNotText,
    NoRows,
    SheetNotObject,
    RowsNotAList,
    TooManyRows { rows: usize, max: usize },
    RowNotAList { row: usize },
    UnreadableCell { cell: String },
    MergeNotARange,
    MergesNotAList,
    UnreadableCsvRow { row: usize },
}

pub(crate) fn invalid_grid(path: impl Into<String>, what: BadGrid) -> Error {
    let (vi, en): (String, String) = match what {
        BadGrid::SheetsNotAList => (
            "`sheets` phải là danh sách các trang tính".to_string(),
            "`sheets` must be a list of sheets".to_string(),
        ),
        BadGrid::NotAGrid => (
            "bảng tính phải là danh sách các dòng, một trang tính `{ name, rows, merges }` hoặc `{ sheets: [...] }`".to_string(),
            "the grid must be a list of rows, a sheet `{ name, rows, merges }` or `{ sheets: [...] }`".to_string(),
        ),
        BadGrid::UnknownSheetField { key } => (
            format!("trang tính không có trường `{}`; chỉ nhận `name`, `hidden`, `rows`, `merges`", clip(key)),
            format!("a sheet has no field `{}`; expected `name`, `hidden`, `rows`, `merges`", clip(key)),
        ),
        BadGrid::NameNotText => (
            "tên trang tính phải là chuỗi".to_string(),
            "a sheet's name must be text".to_string(),
        ),
        BadGrid::NoRows => (
            "trang tính thiếu `rows`".to_string(),
            "the sheet has no `rows`".to_string(),
        ),
        BadGrid::SheetNotObject => (
            "trang tính phải là đối tượng `{ name, rows, merges }`".to_string(),
            "a sheet must be an object `{ name, rows, merges }`".to_string(),
        ),
        BadGrid::RowsNotAList => (
            "`rows` phải là danh sách các dòng".to_string(),
            "`rows` must be a list of rows".to_string(),
        ),
        BadGrid::TooManyRows { rows, max } => (
            format!("trang tính có {rows} dòng, nhiều hơn giới hạn {max} của Excel"),
            format!("the sheet has {rows} rows, more than Excel's limit of {max}"),
        ),
        BadGrid::RowNotAList { row } => (
            format!("dòng {row} phải là danh sách các ô"),
            format!("row {row} must be a list of cells"),
        ),
        BadGrid::UnreadableCell { cell } => (
            format!("ô {cell} không đọc được: một ô là `null`, chuỗi, số, `true`/`false` hoặc `{{ value, formula, format }}`"),
            format!("cell {cell} cannot be read: a cell is `null`, text, a number, `true`/`false` or `{{ value, formula, format }}`"),
        ),
        BadGrid::MergeNotARange => (
            "một vùng gộp ô viết kiểu `A3:B4`".to_string(),
            "a merged range is written like `A3:B4`".to_string(),
        ),
        BadGrid::MergesNotAList => (
            "`merges` phải là danh sách vùng kiểu `A3:B4`".to_string(),
            "`merges` must be a list of ranges like `A3:B4`".to_string(),
        ),
        BadGrid::UnreadableCsvRow { row } => (
            format!("dòng {row} của tệp CSV không đọc được"),
            format!("row {row} of the CSV cannot be read"),
        ),
    };
    Error::new(ErrorCode::SheetInvalidGrid, path, vi, en)
}

/// What is wrong with a sheet's mapping (`SHEET_INVALID_MAPPING`).
pub(crate) enum BadMapping<'a> {
    NotAnObject,
    UnknownField {
        key: &'a str,
    },
    SheetNotText,
    NotWhole {
        key: &'a str,
        range: std::ops::RangeInclusive<u64>,
    },
    Decimal,
    Column,
    NoUnit,
    UnknownUnitField {
        key: &'a str,
    },
    NamesAndCodes,
    TwoIds {
        name: &'a str,
        other: &'a str,
        id: &'a str,
    },
    IdNotText,
    NotATable {
        key: &'a str,
    },
    Period,
    PeriodDate,
    NoIndicators,
    IndicatorNotObject,
    NoIndicatorId,
    UnknownIndicatorField {
        key: &'a str,
    },
    OneKindOfFigure,
    Totals,
    TotalsLabels,
    TotalsUnit,
    TotalsFields,
}

pub(crate) fn invalid_mapping(path: impl Into<String>, what: BadMapping) -> Error {
    let (vi, en): (String, String) = match what {
        BadMapping::NotAnObject => (
            "bảng ánh xạ phải là một đối tượng".to_string(),
            "the mapping must be an object".to_string(),
        ),
        BadMapping::UnknownField { key } => (
            format!("bảng ánh xạ không có trường `{}`; chỉ nhận `sheet`, `headingRow`, `headingRows`, `unit`, `period`, `totals`, `indicators`, `decimal`", clip(key)),
            format!("the mapping has no field `{}`; expected `sheet`, `headingRow`, `headingRows`, `unit`, `period`, `totals`, `indicators`, `decimal`", clip(key)),
        ),
        BadMapping::SheetNotText => (
            "`sheet` là tên trang tính (chuỗi)".to_string(),
            "`sheet` is a sheet's name (text)".to_string(),
        ),
        BadMapping::NotWhole { key, range } => (
            format!("`{key}` phải là số nguyên từ {} đến {}", range.start(), range.end()),
            format!("`{key}` must be a whole number from {} to {}", range.start(), range.end()),
        ),
        BadMapping::Decimal => (
            "`decimal` là `comma` (1.234,5) hoặc `point` (1234.5)".to_string(),
            "`decimal` is `comma` (1.234,5) or `point` (1234.5)".to_string(),
        ),
        BadMapping::Column => (
            "một cột được gọi bằng tiêu đề (`\"Tên đơn vị\"`), đường tiêu đề (`[\"Số hồ sơ\", \"Tiếp nhận\"]`) hoặc chữ cột (`{ \"letter\": \"D\" }`)".to_string(),
            "a column is named by its heading (`\"Tên đơn vị\"`), its heading path (`[\"Số hồ sơ\", \"Tiếp nhận\"]`) or its letter (`{ \"letter\": \"D\" }`)".to_string(),
        ),
        BadMapping::NoUnit => (
            "thiếu `unit`: cột tên (hoặc mã) đơn vị, ví dụ `{ \"column\": \"Tên đơn vị\", \"names\": { … } }`".to_string(),
            "`unit` is missing: the column of unit names (or codes), e.g. `{ \"column\": \"Tên đơn vị\", \"names\": { … } }`".to_string(),
        ),
        BadMapping::UnknownUnitField { key } => (
            format!("`unit` không có trường `{}`; chỉ nhận `column`, `names`, `codes`", clip(key)),
            format!("`unit` has no field `{}`; expected `column`, `names`, `codes`", clip(key)),
        ),
        BadMapping::NamesAndCodes => (
            "`unit` có cả `names` và `codes`: chọn một".to_string(),
            "`unit` has both `names` and `codes`: choose one".to_string(),
        ),
        BadMapping::TwoIds { name, other, id } => (
            format!("`{}` có hai mã đơn vị sau khi chuẩn hóa (`{}` và `{}`)", clip(name), clip(other), clip(id)),
            format!("`{}` names two unit ids once folded (`{}` and `{}`)", clip(name), clip(other), clip(id)),
        ),
        BadMapping::IdNotText => (
            "mỗi tên hoặc mã trỏ tới một mã đơn vị (chuỗi)".to_string(),
            "each name or code points to a unit id (text)".to_string(),
        ),
        BadMapping::NotATable { key } => (
            format!("`{key}` là bảng {{ \"tên trong tệp\": \"mã đơn vị\" }}"),
            format!("`{key}` is a table {{ \"text in the file\": \"unit id\" }}"),
        ),
        BadMapping::Period => (
            "`period` là `{ \"column\": \"Kỳ báo cáo\" }` (có thể thêm `\"date\": \"month\"`) hoặc `{ \"fixed\": \"Quý 3/2026\" }`".to_string(),
            "`period` is `{ \"column\": \"Kỳ báo cáo\" }` (optionally with `\"date\": \"month\"`) or `{ \"fixed\": \"Quý 3/2026\" }`".to_string(),
        ),
        BadMapping::PeriodDate => (
            "`date` là `year`, `half`, `quarter` hoặc `month`: kỳ chứa ngày trong ô".to_string(),
            "`date` is `year`, `half`, `quarter` or `month`: the period that holds the cell's day".to_string(),
        ),
        BadMapping::NoIndicators => (
            "thiếu `indicators`: danh sách `{ \"indicator\": \"…\", \"value\": \"Tỷ lệ (%)\" }`".to_string(),
            "`indicators` is missing: a list of `{ \"indicator\": \"…\", \"value\": \"Tỷ lệ (%)\" }`".to_string(),
        ),
        BadMapping::IndicatorNotObject => (
            "mỗi chỉ tiêu là một đối tượng".to_string(),
            "each indicator is an object".to_string(),
        ),
        BadMapping::NoIndicatorId => (
            "thiếu mã chỉ tiêu `indicator`".to_string(),
            "the indicator id `indicator` is missing".to_string(),
        ),
        BadMapping::UnknownIndicatorField { key } => (
            format!("chỉ tiêu không có trường `{}`; chỉ nhận `indicator`, `value`, `numerator`, `denominator`, `count`, `rank`", clip(key)),
            format!("an indicator has no field `{}`; expected `indicator`, `value`, `numerator`, `denominator`, `count`, `rank`", clip(key)),
        ),
        BadMapping::OneKindOfFigure => (
            "mỗi chỉ tiêu lấy một loại số: `value`, hoặc `numerator` với `denominator`, hoặc `count`, hoặc `rank`".to_string(),
            "each indicator takes one kind of figure: `value`, or `numerator` with `denominator`, or `count`, or `rank`".to_string(),
        ),
        BadMapping::Totals => (
            "`totals` là `{ \"labels\": [...], \"unit\": \"ct\" }`".to_string(),
            "`totals` is `{ \"labels\": [...], \"unit\": \"ct\" }`".to_string(),
        ),
        BadMapping::TotalsLabels => (
            "`labels` là danh sách chữ đầu của dòng tổng (`[\"Tổng cộng\"]`)".to_string(),
            "`labels` is a list of the words a totals row starts with (`[\"Tổng cộng\"]`)".to_string(),
        ),
        BadMapping::TotalsUnit => (
            "`unit` là mã đơn vị của dòng tổng (thành phố)".to_string(),
            "`unit` is the unit id of the totals row (the city)".to_string(),
        ),
        BadMapping::TotalsFields => (
            "`totals` chỉ nhận `labels` và `unit`".to_string(),
            "`totals` takes only `labels` and `unit`".to_string(),
        ),
    };
    Error::new(ErrorCode::SheetInvalidMapping, path, vi, en)
}
