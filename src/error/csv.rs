//! The wording of the errors of CSV text (`CSV_…`): one constructor per code (or per
//! situation of a code), each with its sentences in Vietnamese and English.

use super::{clip, Error, ErrorCode};

/// A required column missing from the header.
pub(crate) fn missing_column(column: &str) -> Error {
    Error::new(
        ErrorCode::CsvMissingColumn,
        "$",
        format!("tệp CSV thiếu cột bắt buộc `{column}`"),
        format!("the CSV has no `{column}` column, which is required"),
    )
}

/// Column `h` named twice in the header, as columns `first` and `n` (from 1).
pub(crate) fn duplicate_column(h: &str, first: usize, n: usize) -> Error {
    Error::new(
        ErrorCode::CsvDuplicateColumn,
        "$",
        format!("tệp CSV có hai cột `{}` (cột thứ {first} và thứ {n}): không biết lấy giá trị nào; hãy bỏ hoặc đổi tên một cột", clip(h)),
        format!("the CSV has two `{}` columns (columns {first} and {n}): which one counts is unclear; remove or rename one", clip(h)),
    )
}

/// A `done` cell that is not a done value.
pub(crate) fn invalid_boolean(path: impl Into<String>, line: u64, cell: &str) -> Error {
    Error::new(
        ErrorCode::CsvInvalidBoolean,
        path,
        format!(
            "`{}` ở dòng {line} không phải giá trị hoàn thành; chỉ nhận `true`, `false`, `1`, `0`, `có`, `không`",
            clip(cell)
        ),
        format!(
            "`{}` on line {line} is not a done value; expected `true`, `false`, `1`, `0`, `có` or `không`",
            clip(cell)
        ),
    )
}

/// Observations in the options of a CSV (`csv`) or of a sheet (`sheet`): they come from the
/// file.
pub(crate) fn observations_twice(from_sheet: bool) -> Error {
    let (vi, en) = if from_sheet {
        (
            "số liệu đã nằm trong trang tính; bỏ trường `observations` khỏi tùy chọn",
            "the observations come from the sheet; leave `observations` out of the options",
        )
    } else {
        (
            "số liệu đã nằm trong tệp CSV; bỏ trường `observations` khỏi tùy chọn",
            "the observations come from the CSV; leave `observations` out of the options",
        )
    };
    Error::new(ErrorCode::CsvObservationsTwice, "$.observations", vi, en)
}

/// A cell of a `;` file read by its convention that also reads another way (`value` or
/// `other`, written as plain digits), in a file whose line `point_line` writes a decimal
/// point (`point`).
pub(crate) fn ambiguous_number(
    path: impl Into<String>,
    at: (u64, &str),
    readings: (f64, f64),
    point_at: (u64, &str),
) -> Error {
    let ((line, cell), (point_line, point)) = (at, point_at);
    let (cell, point) = (clip(cell), clip(point));
    let (value, other) = (shown(readings.0), shown(readings.1));
    Error::new(
        ErrorCode::CsvAmbiguousNumber,
        path,
        format!(
            "`{cell}` ở dòng {line} có thể là {value} hoặc {other}: tệp dùng dấu `;` (dấu phẩy thập phân), nhưng dòng {point_line} lại viết dấu chấm thập phân (`{point}`); hãy viết số không có dấu phân cách hàng nghìn, với dấu phẩy thập phân"
        ),
        format!(
            "`{cell}` on line {line} could be {value} or {other}: the file uses `;` (a decimal comma), but line {point_line} writes a decimal point (`{point}`); write numbers without thousands separators, with a decimal comma"
        ),
    )
}

/// A number in a message, as plain digits with a point (both readings of a cell).
fn shown(v: f64) -> String {
    crate::messages::format_trimmed(v, 6, crate::messages::Locale::En).replace(',', "")
}

/// Why a number cell is refused (`data::csv::number` reads the cells).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Not a number at all (`abc`, `NaN`, `inf`, `62,5%`).
    NotANumber,
    /// A comma in a `,` file's number.
    CommaInDecimalPointFile,
    /// `1,234.5` or `1,234,567` in a `;` file: commas that group thousands.
    EnglishForm,
    /// Separators that do not group digits in threes (`62 5`, `1.24,5`, `1.2.3`).
    BadGrouping,
}

/// A number cell refused, on `line` of a file whose delimiter is `delimiter`.
pub(crate) fn number_cell(path: String, line: u64, cell: &str, why: Refused, delimiter: u8) -> Error {
    let cell = clip(cell);
    let d = char::from(delimiter);
    match why {
        Refused::NotANumber => Error::new(
            ErrorCode::CsvInvalidNumber,
            path,
            format!("`{cell}` ở dòng {line} không phải là số"),
            format!("`{cell}` on line {line} is not a number"),
        ),
        Refused::CommaInDecimalPointFile => Error::new(
            ErrorCode::CsvInvalidNumber,
            path,
            format!("`{cell}` ở dòng {line} có dấu phẩy: tệp dùng dấu `,` nên số viết dấu chấm thập phân và không có dấu phân cách hàng nghìn (`1240.5`); số kiểu Việt Nam (`1.240,5`) cần tệp dùng dấu `;`"),
            format!("`{cell}` on line {line} has a comma: the file uses `,`, so numbers have a decimal point and no thousands separator (`1240.5`); Vietnamese numbers (`1.240,5`) need a file that uses `;`"),
        ),
        Refused::EnglishForm => Error::new(
            ErrorCode::CsvAmbiguousNumber,
            path,
            format!("`{cell}` ở dòng {line} dùng dấu phẩy phân cách hàng nghìn: tệp dùng dấu `{d}` nên dấu phẩy là dấu thập phân và dấu chấm phân cách hàng nghìn (`1.234,5`); hãy viết lại theo cách đó"),
            format!("`{cell}` on line {line} groups thousands with commas: the file uses `{d}`, so the comma is the decimal separator and dots group thousands (`1.234,5`); write it that way"),
        ),
        Refused::BadGrouping => Error::new(
            ErrorCode::CsvInvalidNumber,
            path,
            format!("`{cell}` ở dòng {line} có dấu phân cách không chia các chữ số thành nhóm ba: không rõ là số nào"),
            format!("`{cell}` on line {line} has separators that do not group its digits in threes: which number it is is unclear"),
        ),
    }
}

/// A quoted cell that spans lines: opened on `line`, `column`, closed on line `closed_on`
/// (never when `None`).
pub(crate) fn spanning(path: &str, line: u64, column: usize, closed_on: Option<u64>) -> Error {
    match closed_on {
        None => Error::new(
            ErrorCode::CsvUnterminatedQuote,
            path,
            format!("dấu ngoặc kép mở ở dòng {line}, cột {column} không bao giờ được đóng: mọi dòng sau đó sẽ thành chữ của một ô; hãy thêm dấu `\"` đóng hoặc bỏ dấu mở"),
            format!("the quote opened on line {line}, column {column} is never closed: every line after it would become text of one cell; add the closing `\"` or remove the opening one"),
        ),
        Some(end) => Error::new(
            ErrorCode::CsvLineBreakInCell,
            path,
            format!("ô mở ngoặc kép ở dòng {line}, cột {column} kéo dài đến dòng {end}: một ô không được chứa xuống dòng (có thể thiếu dấu `\"` đóng, khiến các dòng giữa thành chữ của ô); hãy bỏ xuống dòng trong ô"),
            format!("the cell quoted on line {line}, column {column} runs to line {end}: a cell cannot hold a line break (a missing closing `\"` would make the lines between text of the cell); remove the line break from the cell"),
        ),
    }
}

/// Text that was not UTF-8 when it was decoded: the first unreadable character is on `line`.
pub(crate) fn not_utf8(line: usize) -> Error {
    Error::new(
        ErrorCode::CsvNotUtf8,
        "$",
        format!(
            "dòng {line} của tệp CSV có ký tự không đọc được (`\u{fffd}`): tệp không được lưu bằng UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258); hãy lưu lại dưới dạng CSV UTF-8"
        ),
        format!(
            "line {line} of the CSV has an unreadable character (`\u{fffd}`): the file was not saved as UTF-8 (perhaps TCVN3, VNI or Windows-1258); save it again as CSV UTF-8"
        ),
    )
}

/// A row of `len` cells under a header of `columns` (`len`: `None` for a row that cannot be
/// read for another reason), on `line`.
pub(crate) fn invalid_row(path: &str, line: u64, cells: Option<(u64, usize)>) -> Error {
    match cells {
        Some((len, columns)) => Error::new(
            ErrorCode::CsvInvalidRow,
            path,
            format!("dòng {line} của tệp CSV có {len} ô, nhưng dòng tiêu đề có {columns} cột"),
            format!("line {line} of the CSV has {len} cells, but the header has {columns} columns"),
        ),
        None => Error::new(
            ErrorCode::CsvInvalidRow,
            path,
            format!("dòng {line} của tệp CSV không đọc được"),
            format!("line {line} of the CSV cannot be read"),
        ),
    }
}

/// A cell of a CSV read as a sheet (`at`: `C7`) that holds a line break.
pub(crate) fn line_break_in_cell(at: &str) -> Error {
    Error::new(
        ErrorCode::CsvLineBreakInCell,
        at.to_string(),
        format!("ô {at} có xuống dòng (có thể thiếu dấu `\"` đóng, khiến các dòng sau thành chữ của ô); hãy bỏ xuống dòng trong ô"),
        format!("cell {at} holds a line break (a missing closing `\"` would make the lines after it text of the cell); remove the line break"),
    )
}
