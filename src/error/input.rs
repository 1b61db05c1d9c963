//! The wording of the errors of an evaluation input (`INPUT_…`): one constructor per code
//! (or per situation of a code), each with its sentences in Vietnamese and English. The
//! readers (`data::input`, `data::csv`, the JavaScript boundary, …) say what is wrong and
//! where; this file says how it reads.

use std::ops::RangeInclusive;

#[cfg(feature = "wasm")]
use super::values::ValueProblem;
use super::{clip, Error, ErrorCode};

/// What a field must be, in both languages (the end of an `INPUT_INVALID_TYPE` message).
#[derive(Clone, Copy)]
pub(crate) struct Expect(&'static str, &'static str);

pub(crate) const A_STRING: Expect = Expect("chuỗi", "a string");
pub(crate) const A_NUMBER: Expect = Expect("số", "a number");
pub(crate) const A_BOOL: Expect = Expect("giá trị đúng/sai", "true or false");
pub(crate) const AN_OBJECT: Expect = Expect("đối tượng", "an object");
pub(crate) const AN_ARRAY: Expect = Expect("mảng", "an array");
pub(crate) const A_YEAR: Expect = Expect("năm (số nguyên)", "a year (a whole number)");
pub(crate) const A_YEAR_OR_DAY: Expect = Expect(
    "năm (`2025`) hoặc ngày (`2025-07-01`)",
    "a year (`2025`) or a day (`2025-07-01`)",
);
pub(crate) const A_PREDECESSOR: Expect = Expect(
    "mã đơn vị hoặc `{ \"unit\": mã, \"share\": phần }`",
    "a unit id or `{ \"unit\": id, \"share\": part }`",
);
pub(crate) const A_SHARE: Expect = Expect("số từ 0 đến 1, hoặc `null`", "a number from 0 to 1, or `null`");

// ---- the text as a whole ----

/// JSON text over the size limit (`kind`: `JSON`, `CSV`).
pub(crate) fn text_too_large(kind: &str, mib: usize, max: usize) -> Error {
    Error::new(
        ErrorCode::InputTooLarge,
        "$",
        format!("văn bản {kind} dài {mib} MiB, vượt giới hạn {max} MiB; hãy chia nhỏ theo tỉnh hoặc theo năm"),
        format!("the {kind} text is {mib} MiB, above the limit of {max} MiB; split it by province or by year"),
    )
}

/// A list of ids (`options.only`) longer than its limit.
pub(crate) fn id_list_too_large(path: impl Into<String>, n: usize, max: usize) -> Error {
    Error::new(
        ErrorCode::InputTooLarge,
        path,
        format!("danh sách có {n} mã, vượt giới hạn {max}"),
        format!("the list has {n} ids, above the limit of {max}"),
    )
}

/// An input nested deeper than `max` levels, as JSON text or as a JavaScript object.
pub(crate) fn too_deep(path: impl Into<String>, max: usize) -> Error {
    Error::new(
        ErrorCode::InputTooDeep,
        path,
        format!("dữ liệu đầu vào lồng nhau quá {max} cấp (hoặc tự tham chiếu đến chính nó)"),
        format!("the input is nested more than {max} levels deep (or contains itself)"),
    )
}

/// JSON text with a broken `\u` escape, where serde_json stopped (`detail`: its words, as
/// `serde_message` rewrites them).
pub(crate) fn json_broken_text(
    path: impl Into<String>,
    detail: &crate::messages::Text,
    line: usize,
    column: usize,
) -> Error {
    Error::new(
        ErrorCode::InputInvalidText,
        path,
        format!("văn bản JSON không đọc được: {} (dòng {line}, cột {column})", detail.vi),
        format!(
            "the JSON text cannot be read: {} (line {line}, column {column})",
            detail.en
        ),
    )
}

/// A JSON or CSV text (`csv`) given to JavaScript with a broken character (an unpaired UTF-16
/// surrogate) at `line`, `column`.
#[cfg(feature = "wasm")]
pub(crate) fn broken_text(csv: bool, line: &str, column: &str) -> Error {
    let (vi_what, en_what) = if csv {
        ("văn bản CSV", "the CSV text")
    } else {
        ("văn bản JSON", "the JSON text")
    };
    Error::new(
        ErrorCode::InputInvalidText,
        format!("$ (line {line}, column {column})"),
        format!("{vi_what} có ký tự hỏng (nửa cặp UTF-16 đứng một mình) ở dòng {line}, cột {column}, không đọc được"),
        format!("{en_what} has a broken character (an unpaired UTF-16 surrogate) on line {line}, column {column} and cannot be read"),
    )
}

/// An input JavaScript could not write as JSON text (`detail`: what it threw, clipped).
#[cfg(feature = "wasm")]
pub(crate) fn unreadable_thrown(detail: &str) -> Error {
    Error::new(
        ErrorCode::InputInvalid,
        "$",
        format!("không đọc được dữ liệu đầu vào: `{detail}`"),
        format!("the input cannot be read: `{detail}`"),
    )
}

/// An input whose JSON text could not be brought into WebAssembly.
#[cfg(feature = "wasm")]
pub(crate) fn not_writable_as_json() -> Error {
    Error::new(
        ErrorCode::InputInvalidType,
        "$",
        "dữ liệu đầu vào không viết được thành JSON",
        "the input cannot be written as JSON",
    )
}

/// A key of a source (`report`'s argument) of `kind` other than the kind's own and `allowed`.
#[cfg(feature = "wasm")]
pub(crate) fn source_field(path: impl Into<String>, kind: &str, allowed: &[&str]) -> Error {
    let list = std::iter::once(kind)
        .chain(allowed.iter().copied())
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Error::new(
        ErrorCode::InputUnknownField,
        path,
        format!("nguồn `{kind}` chỉ có các trường {list}"),
        format!("a `{kind}` source has only the fields {list}"),
    )
}

/// The text of a `json` or `csv` source (`csv`) that is not a string.
#[cfg(feature = "wasm")]
pub(crate) fn source_not_text(path: &str, csv: bool) -> Error {
    let what = if csv {
        ("văn bản CSV", "CSV text")
    } else {
        ("văn bản JSON", "JSON text")
    };
    Error::new(
        ErrorCode::InputInvalidType,
        path,
        format!("`{path}` phải là {} dạng chuỗi", what.0),
        format!("`{path}` must be {} as a string", what.1),
    )
}

/// A source naming several kinds of data (`kinds`).
#[cfg(feature = "wasm")]
pub(crate) fn several_sources(kinds: &[&str]) -> Error {
    let list = kinds.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    Error::new(
        ErrorCode::InputInvalid,
        "$",
        format!("nguồn chỉ được có một loại dữ liệu, nhận được {list}"),
        format!("a source holds one kind of data; got {list}"),
    )
}

/// A JavaScript input whose walk found `problem` (see `values.rs`).
#[cfg(feature = "wasm")]
pub(crate) fn js_value(path: String, problem: ValueProblem) -> Error {
    let code = match problem {
        ValueProblem::NotFinite => ErrorCode::InputNotANumber,
        ValueProblem::BrokenText => ErrorCode::InputInvalidText,
        ValueProblem::NotData { .. } => ErrorCode::InputInvalidType,
        ValueProblem::TooLong { .. } | ValueProblem::TooMany { .. } => ErrorCode::InputTooLarge,
        ValueProblem::Unreadable { .. } => ErrorCode::InputInvalid,
    };
    let (vi, en) = super::values::words(problem, ("dữ liệu đầu vào", "the input"));
    Error::new(code, path, vi, en)
}

/// Text that is not JSON, where serde_json stopped.
pub(crate) fn not_json_at(
    path: impl Into<String>,
    detail: &crate::messages::Text,
    line: usize,
    column: usize,
) -> Error {
    Error::new(
        ErrorCode::InputInvalidJson,
        path,
        format!(
            "dữ liệu đầu vào không phải JSON hợp lệ: {} (dòng {line}, cột {column})",
            detail.vi
        ),
        format!(
            "the input is not valid JSON: {} (line {line}, column {column})",
            detail.en
        ),
    )
}

/// Text that is not JSON, in serde's words alone (`serde_message`).
pub(crate) fn not_json(path: impl Into<String>, detail: crate::messages::Text) -> Error {
    Error::new(ErrorCode::InputInvalidJson, path, detail.vi, detail.en)
}

/// An input that cannot be read for a reason of its own (a getter that throws, serde's words).
pub(crate) fn unreadable(path: impl Into<String>, detail: crate::messages::Text) -> Error {
    Error::new(ErrorCode::InputInvalid, path, detail.vi, detail.en)
}

/// An input refused without a more precise error.
pub(crate) fn not_valid() -> Error {
    Error::new(
        ErrorCode::InputInvalid,
        "$",
        "dữ liệu đầu vào không hợp lệ",
        "the input is not valid",
    )
}

/// The last error of a list cut at `max` errors.
pub(crate) fn too_many_errors(max: usize) -> Error {
    Error::new(
        ErrorCode::InputTooManyErrors,
        "$",
        format!("đã dừng sau {max} lỗi"),
        format!("stopped after {max} errors"),
    )
}

/// The input is not an object: `got` names what it is (Vietnamese, English).
pub(crate) fn input_not_object(got: (&str, &str)) -> Error {
    let (gv, ge) = got;
    Error::new(
        ErrorCode::InputNotObject,
        "$",
        format!("dữ liệu đầu vào phải là một đối tượng, không phải {gv}"),
        format!("the input must be an object, not {ge}"),
    )
}

/// The input is not an object (`undefined`, `null`, or a value whose kind is not told).
pub(crate) fn not_an_object() -> Error {
    Error::new(
        ErrorCode::InputNotObject,
        "$",
        "dữ liệu đầu vào phải là một đối tượng",
        "the input must be an object",
    )
}

/// The options of a CSV (`evaluateCsv`) are not an object.
pub(crate) fn csv_options_not_object() -> Error {
    Error::new(
        ErrorCode::InputNotObject,
        "$",
        "tùy chọn của tệp CSV phải là một đối tượng (asOf, locale, options, units)",
        "the options of a CSV must be an object (asOf, locale, options, units)",
    )
}

/// The options of a sheet (`evaluateSheet`) are not an object.
pub(crate) fn sheet_options_not_object() -> Error {
    Error::new(
        ErrorCode::InputNotObject,
        "$",
        "tùy chọn của trang tính phải là một đối tượng (asOf, locale, options, units)",
        "the options of a sheet must be an object (asOf, locale, options, units)",
    )
}

/// A grid larger than Excel's limits: a row over `max_columns` cells, or over `max_cells`
/// cells in all.
pub(crate) fn grid_too_large(path: impl Into<String>, max_columns: usize, max_cells: usize) -> Error {
    Error::new(
        ErrorCode::InputTooLarge,
        path,
        format!("bảng tính quá lớn (quá {max_columns} cột trong một dòng, hoặc quá {max_cells} ô)"),
        format!("the grid is too large (over {max_columns} columns in a row, or over {max_cells} cells)"),
    )
}

/// A CSV read as a sheet beyond a sheet's limits.
pub(crate) fn csv_too_large_for_a_sheet() -> Error {
    Error::new(
        ErrorCode::InputTooLarge,
        "$",
        "tệp CSV quá lớn cho một trang tính",
        "the CSV is too large for a sheet",
    )
}

// ---- fields ----

/// A field of the wrong JSON type: `got` names what it is (Vietnamese, English).
pub(crate) fn wrong_type(path: String, expected: Expect, got: (&str, &str)) -> Error {
    let (gv, ge) = got;
    // Name the field when the path ends in one (`$.units[6].name` → `name`).
    let field = path
        .rsplit_once('.')
        .map(|(_, f)| f)
        .filter(|f| !f.contains('[') && !f.is_empty())
        .map(|f| format!("`{f}` "))
        .unwrap_or_default();
    let (vi, en) = if field.is_empty() {
        (
            format!("giá trị phải là {}, không phải {gv}", expected.0),
            format!("the value must be {}, not {ge}", expected.1),
        )
    } else {
        (
            format!("{field}phải là {}, không phải {gv}", expected.0),
            format!("{field}must be {}, not {ge}", expected.1),
        )
    };
    Error::new(ErrorCode::InputInvalidType, path, vi, en)
}

/// A key of an object that the input format does not have; `allowed` are those it has.
pub(crate) fn unknown_field(path: impl Into<String>, key: &str, allowed: &[&str]) -> Error {
    let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
    Error::new(
        ErrorCode::InputUnknownField,
        path,
        format!(
            "trường `{}` không thuộc định dạng đầu vào; các trường hợp lệ: {list}",
            clip(key)
        ),
        format!(
            "field `{}` is not part of the input format; known fields: {list}",
            clip(key)
        ),
    )
}

/// A required field that is absent or `null`.
pub(crate) fn missing_field(path: impl Into<String>, key: &str) -> Error {
    Error::new(
        ErrorCode::InputMissingField,
        path,
        format!("thiếu trường bắt buộc `{key}`"),
        format!("the required field `{key}` is missing"),
    )
}

/// A text of `n` characters, over the limit of `max`.
pub(crate) fn string_too_long(path: impl Into<String>, n: usize, max: usize) -> Error {
    Error::new(
        ErrorCode::InputStringTooLong,
        path,
        format!("chuỗi dài {n} ký tự, vượt giới hạn {max}"),
        format!("the text is {n} characters long, above the limit of {max}"),
    )
}

/// What is empty (`INPUT_EMPTY_FIELD`).
pub(crate) enum Empty<'a> {
    /// A required field, by its key.
    Field(&'a str),
    /// An id of `options.only`'s lists (empty or over the length limit).
    SelectedId,
    /// A predecessor given by its id.
    PredecessorId,
}

pub(crate) fn empty(path: impl Into<String>, what: Empty) -> Error {
    let (vi, en) = match what {
        Empty::Field(key) => (
            format!("trường `{key}` không được để trống"),
            format!("the field `{key}` must not be empty"),
        ),
        Empty::SelectedId => (
            "mã không được để trống hoặc dài quá giới hạn".to_string(),
            "an id must not be empty or longer than the limit".to_string(),
        ),
        Empty::PredecessorId => (
            "mã đơn vị tiền thân không được để trống".to_string(),
            "a predecessor id must not be empty".to_string(),
        ),
    };
    Error::new(ErrorCode::InputEmptyField, path, vi, en)
}

/// A number beyond ±10^15 (`shown` as the messages write numbers).
pub(crate) fn number_out_of_range(path: impl Into<String>, shown: &str) -> Error {
    Error::new(
        ErrorCode::InputNumberOutOfRange,
        path,
        format!("số `{shown}` vượt giới hạn ±10^15 của một số liệu"),
        format!("the number `{shown}` is beyond the limit of ±10^15 for a figure"),
    )
}

/// A year outside the supported `years`.
pub(crate) fn year_out_of_range(path: impl Into<String>, shown: &str, years: &RangeInclusive<i32>) -> Error {
    Error::new(
        ErrorCode::InputYearOutOfRange,
        path,
        format!(
            "năm `{}` nằm ngoài khoảng {}–{}",
            clip(shown),
            years.start(),
            years.end()
        ),
        format!("year `{}` is outside {}–{}", clip(shown), years.start(), years.end()),
    )
}

// ---- the top level and its options ----

/// An `asOf` that is not a real date of the supported `years`.
pub(crate) fn invalid_as_of(text: &str, years: &RangeInclusive<i32>) -> Error {
    Error::new(
        ErrorCode::InputInvalidDate,
        "$.asOf",
        format!(
            "ngày `{}` không hợp lệ; cần dạng `YYYY-MM-DD`, năm {}–{}",
            clip(text),
            years.start(),
            years.end()
        ),
        format!(
            "date `{}` is not valid; expected `YYYY-MM-DD` with a year in {}–{}",
            clip(text),
            years.start(),
            years.end()
        ),
    )
}

pub(crate) fn unknown_locale(text: &str) -> Error {
    Error::new(
        ErrorCode::InputUnknownLocale,
        "$.locale",
        format!("ngôn ngữ `{}` không được hỗ trợ; chỉ nhận `vi`, `en`", clip(text)),
        format!("locale `{}` is not supported; expected `vi` or `en`", clip(text)),
    )
}

/// The option whose value is not one it takes (`INPUT_UNKNOWN_OPTION_VALUE`).
pub(crate) enum OptionValue {
    RampReading,
    TrendMethod,
    Text,
}

pub(crate) fn unknown_option_value(option: OptionValue, text: &str) -> Error {
    let (path, vi, en) = match option {
        OptionValue::RampReading => (
            "$.options.rampReading",
            format!(
                "cách đọc lộ trình `{}` không hợp lệ; chỉ nhận `schedule`, `increment`, `relative`",
                clip(text)
            ),
            format!(
                "ramp reading `{}` is not valid; expected `schedule`, `increment` or `relative`",
                clip(text)
            ),
        ),
        OptionValue::TrendMethod => (
            "$.options.trendMethod",
            format!(
                "phương pháp xu hướng `{}` không hợp lệ; chỉ nhận `cagr_ratio`",
                clip(text)
            ),
            format!("trend method `{}` is not valid; expected `cagr_ratio`", clip(text)),
        ),
        OptionValue::Text => (
            "$.options.text",
            format!("chế độ văn bản `{}` không hợp lệ; chỉ nhận `both`, `none`", clip(text)),
            format!("text mode `{}` is not valid; expected `both` or `none`", clip(text)),
        ),
    };
    Error::new(ErrorCode::InputUnknownOptionValue, path, vi, en)
}

// ---- observations ----

pub(crate) fn too_many_observations(n: usize, max: usize) -> Error {
    Error::new(
        ErrorCode::InputTooManyObservations,
        "$.observations",
        format!("có {n} số liệu, vượt giới hạn {max}"),
        format!("there are {n} observations, above the limit of {max}"),
    )
}

pub(crate) fn invalid_period(path: impl Into<String>, text: &str) -> Error {
    Error::new(
        ErrorCode::InputInvalidPeriod,
        path,
        format!(
            "kỳ `{}` không hợp lệ; cần `2023`, `2023-H1`, `2023-Q2` hoặc `2023-05`",
            clip(text)
        ),
        format!(
            "period `{}` is not valid; expected `2023`, `2023-H1`, `2023-Q2` or `2023-05`",
            clip(text)
        ),
    )
}

/// An observation with several kinds of value: `list` names them (`` `value`, `rank` ``).
pub(crate) fn several_values(path: impl Into<String>, list: &str) -> Error {
    Error::new(
        ErrorCode::InputSeveralValues,
        path,
        format!("một số liệu chỉ được có một loại giá trị, ở đây có {list}"),
        format!("an observation carries one kind of value, this one has {list}"),
    )
}

/// An `outOf` without a `rank`.
pub(crate) fn out_of_without_rank(path: impl Into<String>) -> Error {
    Error::new(
        ErrorCode::InputInvalidOutOf,
        path,
        "`outOf` chỉ dùng kèm thứ hạng `rank`",
        "`outOf` goes only with a `rank`",
    )
}

/// An `outOf` that is not a whole number of 1 or more.
pub(crate) fn out_of_not_whole(path: impl Into<String>) -> Error {
    Error::new(
        ErrorCode::InputInvalidOutOf,
        path,
        "`outOf` (số tỉnh được xếp hạng) phải là số nguyên từ 1 trở lên",
        "`outOf` (how many provinces were ranked) must be a whole number of 1 or more",
    )
}

pub(crate) fn denominator_without_numerator(path: impl Into<String>) -> Error {
    Error::new(
        ErrorCode::InputDenominatorWithoutNumerator,
        path,
        "có mẫu số `denominator` nhưng thiếu tử số `numerator`",
        "a `denominator` is given without a `numerator`",
    )
}

pub(crate) fn not_a_number(path: impl Into<String>) -> Error {
    Error::new(
        ErrorCode::InputNotANumber,
        path,
        "giá trị phải là một số hữu hạn",
        "the value must be a finite number",
    )
}

pub(crate) fn no_value(path: impl Into<String>) -> Error {
    Error::new(
        ErrorCode::InputNoValue,
        path,
        "số liệu thiếu giá trị: cần một trong `value`, `numerator`/`denominator`, `rank`, `count`, `done`",
        "the observation has no value: expected one of `value`, `numerator`/`denominator`, `rank`, `count`, `done`",
    )
}

// ---- units ----

/// A `validFrom` or `validTo` that is neither a year nor a real day.
pub(crate) fn invalid_validity_day(path: impl Into<String>, text: &str) -> Error {
    Error::new(
        ErrorCode::InputInvalidDate,
        path,
        format!(
            "`{}` không phải một năm (`2025`) hay một ngày `YYYY-MM-DD` có thật",
            clip(text)
        ),
        format!(
            "`{}` is neither a year (`2025`) nor a real day `YYYY-MM-DD`",
            clip(text)
        ),
    )
}

// ---- the 766 answers (`evaluatePortal766`): errors of the input's codes ----

/// The 766 input is not an object.
pub(crate) fn portal766_not_object() -> Error {
    Error::new(
        ErrorCode::InputNotObject,
        "$",
        "dữ liệu vào phải là một đối tượng `{asOf, answers, …}`",
        "the input must be an object `{asOf, answers, …}`",
    )
}

/// A key of the 766 input (`known`: the keys it has, as listed) or of one of its answers.
pub(crate) fn portal766_unknown_field(path: impl Into<String>, key: &str, known: Option<&str>) -> Error {
    let (vi, en) = match known {
        Some(list) => (
            format!("trường `{key}` không được hỗ trợ; chỉ nhận {list}"),
            format!("field `{key}` is not supported; expected {list}"),
        ),
        None => (
            format!("trường `{key}` không được hỗ trợ; chỉ nhận `endpoint`, `period`, `answer`, `name`"),
            format!("field `{key}` is not supported; expected `endpoint`, `period`, `answer`, `name`"),
        ),
    };
    Error::new(ErrorCode::InputUnknownField, path, vi, en)
}

/// The answers of a `portal766` source given in its `options.answers`.
#[cfg(all(feature = "wasm", feature = "portal766"))]
pub(crate) fn answers_in_source_options() -> Error {
    Error::new(
        ErrorCode::InputUnknownField,
        "$.options.answers",
        "câu trả lời đặt ở `portal766`, không đặt ở `options.answers`",
        "the answers go in `portal766`, not in `options.answers`",
    )
}

/// The answers given in `options.answers` instead of the first argument.
pub(crate) fn answers_in_options() -> Error {
    Error::new(
        ErrorCode::InputUnknownField,
        "$.answers",
        "câu trả lời đưa vào tham số thứ nhất, không đưa vào `options.answers`",
        "the answers go in the first argument, not in `options.answers`",
    )
}

/// What the 766 input lacks (`INPUT_MISSING_FIELD`).
pub(crate) enum Portal766Missing<'a> {
    /// No answer at all.
    Answers,
    /// A text field of an answer, by its key.
    Field(&'a str),
    /// An answer's `answer`.
    Answer,
}

pub(crate) fn portal766_missing(path: impl Into<String>, what: Portal766Missing) -> Error {
    let (vi, en) = match what {
        Portal766Missing::Answers => (
            "cần ít nhất một câu trả lời của Cổng trong `answers`".to_string(),
            "`answers` needs at least one answer of the portal".to_string(),
        ),
        Portal766Missing::Field(k) => (format!("thiếu trường `{k}`"), format!("missing field `{k}`")),
        Portal766Missing::Answer => (
            "thiếu trường `answer` (câu trả lời của Cổng, như đã lưu)".to_string(),
            "missing field `answer` (the portal's answer, as saved)".to_string(),
        ),
    };
    Error::new(ErrorCode::InputMissingField, path, vi, en)
}

/// An answer's period that names no period (`text`: quoted already).
pub(crate) fn portal766_invalid_period(path: impl Into<String>, text: &str) -> Error {
    Error::new(
        ErrorCode::InputInvalidPeriod,
        path,
        format!(
            "kỳ `{}` không hợp lệ: cần `2026`, `2026-H1`, `2026-Q3` hoặc `2026-10`",
            text
        ),
        format!(
            "the period `{}` is not valid: expected `2026`, `2026-H1`, `2026-Q3` or `2026-10`",
            text
        ),
    )
}

/// A field of the 766 input of the wrong JSON type (`INPUT_INVALID_TYPE`).
pub(crate) enum Portal766Type {
    UnitMapEntry,
    UnitMap,
    Answers,
    Answer,
    Text,
}

pub(crate) fn portal766_wrong_type(path: impl Into<String>, what: Portal766Type) -> Error {
    let (vi, en): (String, String) = match what {
        Portal766Type::UnitMapEntry => (
            "mỗi mục của `unitMap` là id của một đơn vị (một chuỗi)".to_string(),
            "each entry of `unitMap` is a unit id (a string)".to_string(),
        ),
        Portal766Type::UnitMap => (
            "`unitMap` phải là một đối tượng `{mã hoặc id của Cổng: id đơn vị}`".to_string(),
            "`unitMap` must be an object `{portal code or id: unit id}`".to_string(),
        ),
        Portal766Type::Answers => (
            "`answers` phải là một danh sách `{endpoint, period, answer}`".to_string(),
            "`answers` must be a list of `{endpoint, period, answer}`".to_string(),
        ),
        Portal766Type::Answer => (
            "mỗi câu trả lời là một đối tượng `{endpoint, period, answer}`".to_string(),
            "each answer is an object `{endpoint, period, answer}`".to_string(),
        ),
        Portal766Type::Text => ("cần một chuỗi".to_string(), "a string is expected".to_string()),
    };
    Error::new(ErrorCode::InputInvalidType, path, vi, en)
}
