//! Structured errors: a stable code ([`ErrorCode`]), where the problem is (a JSON path into
//! the caller's input), and a message in Vietnamese and English.
//!
//! Messages follow one style: lower case, no final period, user values in backticks, never a
//! Rust type name. Each message is written once, in the constructor of its code (one function
//! per code, or per situation of a code): the files of this folder, by family (`input`,
//! `units`, `csv`, `sheet`, `portal766`, `calls`, `rule_pack`; `values` words what a
//! JavaScript value at either door can get wrong), and `plan/validate/problems.rs` for the
//! checks of a rule pack. The code that finds a problem says what and where; the constructor
//! says how it reads. `tests/error_wording.rs` holds every other file to that, and each code
//! to one file.
//! Codes are part of the public API: portals match on them (the TypeScript union `ErrorCode`
//! lists the same codes), so they never change meaning once published.

use std::fmt;

use serde::Serialize;

use crate::messages::Text;

// The constructors, by family. A build without some doors (`--no-default-features`, the
// widgets' engine) leaves some of them unused.
#[cfg_attr(
    not(all(feature = "wasm", feature = "portal766", feature = "sheet")),
    allow(dead_code)
)]
pub(crate) mod calls;
#[cfg_attr(
    not(all(feature = "wasm", feature = "portal766", feature = "sheet")),
    allow(dead_code)
)]
pub(crate) mod csv;
#[cfg_attr(
    not(all(feature = "wasm", feature = "portal766", feature = "sheet")),
    allow(dead_code)
)]
pub(crate) mod input;
#[cfg(feature = "portal766")]
pub(crate) mod portal766;
#[cfg_attr(
    not(all(feature = "wasm", feature = "portal766", feature = "sheet")),
    allow(dead_code)
)]
pub(crate) mod rule_pack;
#[cfg(feature = "sheet")]
pub(crate) mod sheet;
pub(crate) mod units;
#[cfg(feature = "wasm")]
pub(crate) mod values;

/// Declares [`ErrorCode`] with each code's text, so that the two cannot differ.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $code:literal,)*) => {
        /// The stable code of an [`Error`], in upper snake case (`RULE_PACK_DUPLICATE_ID`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order of the npm README's list.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as JavaScript sees it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    // Calls: a method given an argument it cannot use.
    /// An argument of a method is of the wrong kind (a level, reading, year or text).
    InvalidArgument = "INVALID_ARGUMENT",
    /// A row of a `ProgressReport` asked for by an index outside its list (`report.result(-1)`).
    ReportIndexOutOfRange = "REPORT_INDEX_OUT_OF_RANGE",
    /// Bytes or JSON given to `ProgressReport.fromBuffer` / `fromJSON` that are not a report.
    ReportInvalid = "REPORT_INVALID",
    /// `ramp()` for a year the ramp does not cover.
    RampYearOutsidePlan = "RAMP_YEAR_OUTSIDE_PLAN",
    /// `ramp()` for a level the ramp has no floor for.
    RampLevelNotCovered = "RAMP_LEVEL_NOT_COVERED",
    /// `ramp()` with a previous actual outside 0–100.
    ValueOutOfRange = "VALUE_OUT_OF_RANGE",
    /// A ramp id the plan does not have.
    UnknownRamp = "UNKNOWN_RAMP",
    /// A plan asked for by a name that no embedded pack (or loaded plan) has.
    UnknownPlan = "UNKNOWN_PLAN",
    /// A method called on an engine after its `free()`.
    EngineFreed = "ENGINE_FREED",
    /// A method called without its engine (`const f = engine.evaluate; f(x)`).
    EngineDetachedMethod = "ENGINE_DETACHED_METHOD",
    /// A method called on an object that is not an engine (a copy such as `{...engine}`).
    EngineNotAnEngine = "ENGINE_NOT_AN_ENGINE",
    /// The browser's WebAssembly stopped a call (a trap: "out of bounds memory access",
    /// "unreachable"): every engine of that module instance is unusable after it.
    EngineTrapped = "ENGINE_TRAPPED",
    // The structure of an evaluation input.
    /// The input (or a CSV's options) is not an object.
    InputNotObject = "INPUT_NOT_OBJECT",
    /// The input text is not JSON.
    InputInvalidJson = "INPUT_INVALID_JSON",
    /// A field of the wrong JSON type (or a value that is not JSON data).
    InputInvalidType = "INPUT_INVALID_TYPE",
    /// A required field is absent or `null`.
    InputMissingField = "INPUT_MISSING_FIELD",
    /// A field the input format does not have.
    InputUnknownField = "INPUT_UNKNOWN_FIELD",
    /// A required text that is empty or blank.
    InputEmptyField = "INPUT_EMPTY_FIELD",
    /// A number that is not finite (`NaN`, `Infinity`).
    InputNotANumber = "INPUT_NOT_A_NUMBER",
    /// A text with a broken character (an unpaired UTF-16 surrogate).
    InputInvalidText = "INPUT_INVALID_TEXT",
    /// An `asOf` that is not a real `YYYY-MM-DD` date of the supported years.
    InputInvalidDate = "INPUT_INVALID_DATE",
    /// A period that is not `2023`, `2023-H1`, `2023-Q2` or `2023-05`.
    InputInvalidPeriod = "INPUT_INVALID_PERIOD",
    /// A year outside the supported years.
    InputYearOutOfRange = "INPUT_YEAR_OUT_OF_RANGE",
    /// A locale other than `vi` or `en`.
    InputUnknownLocale = "INPUT_UNKNOWN_LOCALE",
    /// A unit level other than `city`, `district`, `commune`.
    InputUnknownLevel = "INPUT_UNKNOWN_LEVEL",
    /// An option with a value it does not take.
    InputUnknownOptionValue = "INPUT_UNKNOWN_OPTION_VALUE",
    /// An observation without any kind of value.
    InputNoValue = "INPUT_NO_VALUE",
    /// An observation with more than one kind of value.
    InputSeveralValues = "INPUT_SEVERAL_VALUES",
    /// An `outOf` that is not a whole number of 1 or more, or that comes without a `rank`.
    InputInvalidOutOf = "INPUT_INVALID_OUT_OF",
    /// A `denominator` without a `numerator`.
    InputDenominatorWithoutNumerator = "INPUT_DENOMINATOR_WITHOUT_NUMERATOR",
    /// Two units with one id.
    InputDuplicateUnit = "INPUT_DUPLICATE_UNIT",
    /// A parent that is not in the list of units.
    InputUnknownParent = "INPUT_UNKNOWN_PARENT",
    /// Parent links that loop back (only city-level units can form one: every other parent
    /// must be at a higher level).
    InputUnitCycle = "INPUT_UNIT_CYCLE",
    /// A parent at the same or a lower level (a district under a district, a city under a
    /// commune); a city-level unit may sit under the city.
    InputParentLevel = "INPUT_PARENT_LEVEL",
    /// A parent whose id exists, but not at any time the unit exists.
    InputParentNotValid = "INPUT_PARENT_NOT_VALID",
    /// A unit whose validity ends before it starts.
    InputInvalidValidity = "INPUT_INVALID_VALIDITY",
    /// A unit with `predecessors` but no `validFrom`: lineage needs the day it began.
    InputPredecessorsWithoutStart = "INPUT_PREDECESSORS_WITHOUT_START",
    /// A predecessor id that is not in the list of units.
    InputUnknownPredecessor = "INPUT_UNKNOWN_PREDECESSOR",
    /// A predecessor that did not exist on the day before its successor began.
    InputPredecessorNotBefore = "INPUT_PREDECESSOR_NOT_BEFORE",
    /// A unit named as its own predecessor with no earlier unit of that id.
    InputSelfPredecessor = "INPUT_SELF_PREDECESSOR",
    /// Predecessor links that loop back.
    InputLineageCycle = "INPUT_LINEAGE_CYCLE",
    /// One predecessor named twice by one unit.
    InputDuplicatePredecessor = "INPUT_DUPLICATE_PREDECESSOR",
    /// A `share` that is not a number above 0 and at most 1 (or `null`: unknown).
    InputInvalidShare = "INPUT_INVALID_SHARE",
    /// The shares of one predecessor, over all its successors, add up to more than 1.
    InputPredecessorSharesAboveOne = "INPUT_PREDECESSOR_SHARES_ABOVE_ONE",
    /// An input that cannot be read for another reason (a getter that throws).
    InputInvalid = "INPUT_INVALID",
    // The limits of an input.
    /// Text over the size limit, or a JavaScript value with too many values.
    InputTooLarge = "INPUT_TOO_LARGE",
    /// Nested deeper than the limit, or an object that contains itself.
    InputTooDeep = "INPUT_TOO_DEEP",
    /// More observations than the limit.
    InputTooManyObservations = "INPUT_TOO_MANY_OBSERVATIONS",
    /// More units than the limit.
    InputTooManyUnits = "INPUT_TOO_MANY_UNITS",
    /// A text longer than the limit.
    InputStringTooLong = "INPUT_STRING_TOO_LONG",
    /// A number beyond ±10^15.
    InputNumberOutOfRange = "INPUT_NUMBER_OUT_OF_RANGE",
    /// The last of a list cut at the error limit: reading stopped.
    InputTooManyErrors = "INPUT_TOO_MANY_ERRORS",
    // CSV text.
    /// A required column is missing from the header.
    CsvMissingColumn = "CSV_MISSING_COLUMN",
    /// A number cell that is not a number.
    CsvInvalidNumber = "CSV_INVALID_NUMBER",
    /// A `done` cell that is not a done value.
    CsvInvalidBoolean = "CSV_INVALID_BOOLEAN",
    /// A row that cannot be read (a wrong number of cells).
    CsvInvalidRow = "CSV_INVALID_ROW",
    /// Text that was not UTF-8 when it was decoded.
    CsvNotUtf8 = "CSV_NOT_UTF8",
    /// Observations in the CSV and in its options.
    CsvObservationsTwice = "CSV_OBSERVATIONS_TWICE",
    /// A column named twice in the header.
    CsvDuplicateColumn = "CSV_DUPLICATE_COLUMN",
    /// A quote that is never closed: the rest of the file would be one cell.
    CsvUnterminatedQuote = "CSV_UNTERMINATED_QUOTE",
    /// A quoted cell that holds a line break.
    CsvLineBreakInCell = "CSV_LINE_BREAK_IN_CELL",
    /// A number whose separators read two ways in the file's convention.
    CsvAmbiguousNumber = "CSV_AMBIGUOUS_NUMBER",
    // Sheets: a CSV or `.xlsx` export read with a mapping (`evaluateSheet`).
    /// A grid that is not rows of cells (or sheets of them).
    SheetInvalidGrid = "SHEET_INVALID_GRID",
    /// A mapping that cannot be used (a field of the wrong kind, one unknown, one missing).
    SheetInvalidMapping = "SHEET_INVALID_MAPPING",
    /// The mapping's sheet is not in the workbook, or every sheet is hidden.
    SheetNotFound = "SHEET_NOT_FOUND",
    /// No column has the heading the mapping names.
    SheetHeadingNotFound = "SHEET_HEADING_NOT_FOUND",
    /// Several columns have the heading the mapping names.
    SheetAmbiguousHeading = "SHEET_AMBIGUOUS_HEADING",
    /// Text where a number belongs.
    SheetInvalidNumber = "SHEET_INVALID_NUMBER",
    /// A number whose separators read two ways in a sheet that does not keep to one way.
    SheetAmbiguousNumber = "SHEET_AMBIGUOUS_NUMBER",
    /// A period cell that names no period (or an empty one in a row with figures).
    SheetInvalidPeriod = "SHEET_INVALID_PERIOD",
    /// A number (an Excel date serial) where a period is expected, and the mapping does not
    /// say the column holds dates.
    SheetDateAsNumber = "SHEET_DATE_AS_NUMBER",
    /// Merged cells where a data row's unit, period or figures are.
    SheetMergedDataCells = "SHEET_MERGED_DATA_CELLS",
    /// No observation could be read from the sheet.
    SheetNoRows = "SHEET_NO_ROWS",
    /// An `.xlsx` protected by a password (an encrypted file, not a zip).
    XlsxEncrypted = "XLSX_ENCRYPTED",
    /// A file that is not an `.xlsx` workbook (an old `.xls`, a broken zip).
    XlsxInvalid = "XLSX_INVALID",
    // Rule packs (`Engine.fromPlan`).
    /// A rule pack that is not JSON, or a value of the wrong type.
    RulePackInvalidJson = "RULE_PACK_INVALID_JSON",
    /// A rule pack over the size limit.
    RulePackTooLarge = "RULE_PACK_TOO_LARGE",
    /// A rule pack nested deeper than the limit.
    RulePackTooDeep = "RULE_PACK_TOO_DEEP",
    /// A `formatVersion` other than 1.
    RulePackUnsupportedFormat = "RULE_PACK_UNSUPPORTED_FORMAT",
    /// A key the rule-pack format does not have.
    RulePackUnknownField = "RULE_PACK_UNKNOWN_FIELD",
    /// An unknown measure, or a ramp on a non-percentage.
    RulePackUnknownKind = "RULE_PACK_UNKNOWN_KIND",
    /// An unknown level, direction, comparator, aggregation or reading.
    RulePackUnknownValue = "RULE_PACK_UNKNOWN_VALUE",
    /// A field the rule needs is missing.
    RulePackMissingField = "RULE_PACK_MISSING_FIELD",
    /// An id outside `a–z 0–9 . _ -` or too long.
    RulePackBadId = "RULE_PACK_BAD_ID",
    /// Two areas, ramps or indicators with one id.
    RulePackDuplicateId = "RULE_PACK_DUPLICATE_ID",
    /// An area or ramp that is not listed.
    RulePackUnknownReference = "RULE_PACK_UNKNOWN_REFERENCE",
    /// A parent indicator that does not exist.
    RulePackUnknownParent = "RULE_PACK_UNKNOWN_PARENT",
    /// Parent indicators that loop back.
    RulePackParentCycle = "RULE_PACK_PARENT_CYCLE",
    /// A percentage outside 0–100.
    RulePackTargetOutOfRange = "RULE_PACK_TARGET_OUT_OF_RANGE",
    /// A target rank below 1, above `rankOutOf`, or not whole.
    RulePackRankOutOfRange = "RULE_PACK_RANK_OUT_OF_RANGE",
    /// A ramp whose floors would fall.
    RulePackRampFalls = "RULE_PACK_RAMP_FALLS",
    /// A ramp step above 100 points or a factor above 100.
    RulePackRampTooSteep = "RULE_PACK_RAMP_TOO_STEEP",
    /// A deadline, ramp year or baseline year outside the plan.
    RulePackYearOutsidePeriod = "RULE_PACK_YEAR_OUTSIDE_PERIOD",
    /// A comparator that contradicts the direction.
    RulePackDirectionMismatch = "RULE_PACK_DIRECTION_MISMATCH",
    /// A level target for a level the indicator does not cover.
    RulePackLevelNotCovered = "RULE_PACK_LEVEL_NOT_COVERED",
    /// Trend thresholds that do not fall.
    RulePackBadThresholds = "RULE_PACK_BAD_THRESHOLDS",
    /// An impossible decision date.
    RulePackBadDate = "RULE_PACK_BAD_DATE",
    /// A plan period that ends before it starts.
    RulePackBadPeriod = "RULE_PACK_BAD_PERIOD",
    /// A number that is not finite.
    RulePackNotANumber = "RULE_PACK_NOT_A_NUMBER",
    // The national portal's 766 answers (`evaluatePortal766`).
    /// An answer given as text that is not JSON.
    Portal766InvalidJson = "PORTAL766_INVALID_JSON",
    /// An answer that is an HTML page (a login or error page saved instead of the API's JSON).
    Portal766Html = "PORTAL766_HTML",
    /// An answer whose `code` is not `OK`: the portal refused the request.
    Portal766NotOk = "PORTAL766_NOT_OK",
    /// An endpoint the reader does not know.
    Portal766UnknownEndpoint = "PORTAL766_UNKNOWN_ENDPOINT",
    /// An answer without what its endpoint's family has (`data.overview` and
    /// `data.evaluation`, or `data.parent` and `data.children`), or a field of the wrong type.
    Portal766BadAnswer = "PORTAL766_BAD_ANSWER",
    /// A `unitMap` entry naming a unit that is not in `units`.
    Portal766UnknownUnit = "PORTAL766_UNKNOWN_UNIT",
    /// No mapping of 766 metrics to the plan's indicators: the rule pack is not the embedded
    /// plan and the input gives no `mapping`.
    Portal766NoMapping = "PORTAL766_NO_MAPPING",
    /// A mapping that names an unknown or non-percentage indicator, maps one indicator or
    /// metric twice, or lacks a sentence on how the measures differ.
    Portal766BadMapping = "PORTAL766_BAD_MAPPING",
    // Faults of the engine itself.
    /// A fault of the engine itself: please report it.
    Internal = "INTERNAL",
    /// A result that could not be turned into JavaScript values: please report it.
    InternalSerialize = "INTERNAL_SERIALIZE",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ErrorCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One problem found in a caller's input or a rule pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Error {
    /// Stable, upper snake case, e.g. `RULE_PACK_DUPLICATE_ID`.
    pub code: ErrorCode,
    /// JSON path of the offending value, e.g. `$.indicators[3].target`; `$` for the whole input.
    pub path: String,
    pub message: Text,
}

impl Error {
    pub fn new(code: ErrorCode, path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Error {
            code,
            path: path.into(),
            message: Text::new(vi, en),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.path, self.message.en)
    }
}

impl std::error::Error for Error {}

/// Every problem found in one input, in the order found (validation reports all, not the
/// first). Never empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    /// Says where each observation an error is about came from (a CSV line, a sheet's cell):
    /// `place(i)` gives the words, Vietnamese and English, for `$.observations[i]`.
    pub(crate) fn at_observations(self, place: impl Fn(usize) -> Option<(String, String)>) -> Errors {
        Errors(
            self.0
                .into_iter()
                .map(|mut e| {
                    let row = e
                        .path
                        .strip_prefix("$.observations[")
                        .and_then(|r| r.split(']').next())
                        .and_then(|n| n.parse::<usize>().ok());
                    if let Some((vi, en)) = row.and_then(&place) {
                        e.message.vi = format!("{} ({vi})", e.message.vi);
                        e.message.en = format!("{} ({en})", e.message.en);
                    }
                    e
                })
                .collect(),
        )
    }

    pub fn one(e: Error) -> Self {
        Errors(vec![e])
    }

    /// The first error, which a thrown JS error names in its own `code`.
    pub fn first(&self) -> Option<&Error> {
        self.0.first()
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.0.iter().map(|e| e.code.as_str()).collect()
    }
}

impl From<Error> for Errors {
    fn from(e: Error) -> Self {
        Errors::one(e)
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// A user value shown in a message, cut to a readable length, its bidi controls visible and
/// right-to-left text isolated (`messages::isolate`), so that no value can reorder the
/// message around it.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        crate::messages::isolate(s).into_owned()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out = crate::messages::isolate(&out).into_owned();
        out.push('…');
        out
    }
}

/// Rewrites a serde error message for people: no Rust type names, no serde wording, no line
/// numbers (the caller says where), and a Vietnamese rendering. `detail` is serde's (or
/// serde_json's) `Display` text; what is not recognised gets a plain sentence, never the
/// detail itself.
pub fn serde_message(detail: &str) -> Text {
    // serde_json appends " at line L column C"; the caller says where.
    let detail = match detail.rfind(" at line ") {
        Some(i) => detail.get(..i).unwrap_or(detail),
        None => detail,
    };
    serde_data_message(detail).unwrap_or_else(|| json_syntax_message(detail))
}

/// The messages of serde's data errors (a wrong type or value, a missing or unknown field).
fn serde_data_message(detail: &str) -> Option<Text> {
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((g, want)) = rest.split_once(", expected ") {
            let (got_en, got_vi) = got(g);
            return Some(Text::new(
                format!("sai kiểu dữ liệu: nhận {got_vi}, cần {}", vi_type(want)),
                format!("wrong type: got {got_en}, expected {}", en_type(want)),
            ));
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid value: ") {
        let (g, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (got_en, got_vi) = got(g);
        return Some(Text::new(
            format!("giá trị không hợp lệ: {got_vi}, cần {}", vi_type(want)),
            format!("invalid value: {got_en}, expected {}", en_type(want)),
        ));
    }
    if let Some(rest) = detail.strip_prefix("invalid length ") {
        let (n, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Some(Text::new(
            format!("danh sách có {n} phần tử, cần {}", vi_type(want)),
            format!("a list of {n} items, expected {}", en_type(want)),
        ));
    }
    if let Some(rest) = detail.strip_prefix("missing field ") {
        return Some(Text::new(
            format!("thiếu trường {rest}"),
            format!("missing field {rest}"),
        ));
    }
    if let Some(rest) = detail.strip_prefix("duplicate field ") {
        return Some(Text::new(
            format!("trường {rest} có hai lần"),
            format!("field {rest} is given twice"),
        ));
    }
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (hint_vi, hint_en) = if expected.is_empty() {
            (String::new(), String::new())
        } else {
            (format!("; {expected}"), format!("; expected {expected}"))
        };
        return Some(Text::new(
            format!("trường {field} không được hỗ trợ{hint_vi}"),
            format!("field {field} is not supported{hint_en}"),
        ));
    }
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Some(Text::new(
            format!("giá trị {value} không hợp lệ; chỉ nhận {expected}"),
            format!("value {value} is not allowed; expected {expected}"),
        ));
    }
    None
}

/// The messages of serde_json's syntax errors, one by one.
fn json_syntax_message(detail: &str) -> Text {
    let (vi, en) = match detail {
        d if d.starts_with("EOF while parsing") => ("JSON bị cắt ngang, chưa kết thúc", "the JSON text ends too early"),
        "recursion limit exceeded" => ("JSON lồng nhau quá sâu", "the JSON is nested too deeply"),
        "trailing characters" => (
            "có ký tự thừa sau khi JSON kết thúc",
            "there is text after the end of the JSON",
        ),
        "trailing comma" => (
            "có dấu phẩy thừa trước dấu đóng",
            "there is a comma before a closing bracket",
        ),
        "expected `:`" => ("thiếu dấu `:` sau tên trường", "a `:` is missing after a key"),
        "expected `,` or `]`" => (
            "thiếu dấu `,` hoặc `]` trong danh sách",
            "a `,` or `]` is missing in a list",
        ),
        "expected `,` or `}`" => (
            "thiếu dấu `,` hoặc `}` trong đối tượng",
            "a `,` or `}` is missing in an object",
        ),
        "expected `\"`" | "key must be a string" => (
            "tên trường phải là chuỗi trong dấu ngoặc kép",
            "a key must be text in double quotes",
        ),
        "expected ident" | "expected value" => (
            "thiếu giá trị hoặc giá trị không thuộc JSON (`NaN`, `undefined`, chú thích đều không phải JSON)",
            "a value is missing or is not JSON (`NaN`, `undefined` and comments are not JSON)",
        ),
        "invalid escape" => ("có chuỗi thoát `\\` không hợp lệ", "a `\\` escape is not valid"),
        "invalid number" => (
            "có số viết không đúng kiểu JSON",
            "a number is not written the JSON way",
        ),
        "number out of range" => ("có số quá lớn", "a number is too large"),
        "invalid unicode code point" => (
            "có chuỗi thoát `\\u` không phải ký tự",
            "a `\\u` escape is not a character",
        ),
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => (
            "có chuỗi thoát `\\u` là nửa cặp UTF-16 đứng một mình, không phải ký tự",
            "a `\\u` escape is half of a UTF-16 surrogate pair, which is not a character",
        ),
        d if d.starts_with("control character") => (
            "chuỗi có ký tự điều khiển (xuống dòng hay tab phải viết `\\n`, `\\t`)",
            "a text holds a control character (a line break or tab must be written `\\n`, `\\t`)",
        ),
        _ => ("không đọc được dữ liệu", "the data cannot be read"),
    };
    Text::new(vi, en)
}

/// serde's name of an expected type, in English words.
fn en_type(t: &str) -> String {
    let t = t.trim();
    match t {
        "f64" | "f32" => "a number".to_string(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number".to_string(),
        "a sequence" => "a list".to_string(),
        "a map" => "an object".to_string(),
        "a boolean" => "true or false".to_string(),
        "struct Text" | "struct Text with 2 elements" => "a text object with `vi` and `en`".to_string(),
        "fewer elements in array" => "fewer items".to_string(),
        other if other.starts_with("struct ") || other.starts_with("enum ") => "an object".to_string(),
        other => other.to_string(),
    }
}

/// serde's name of an expected type, in Vietnamese words.
fn vi_type(t: &str) -> String {
    match en_type(t).as_str() {
        "a number" => "một số".to_string(),
        "a whole number" => "một số nguyên".to_string(),
        "a list" => "một danh sách".to_string(),
        "an object" => "một đối tượng".to_string(),
        "true or false" => "true hoặc false".to_string(),
        "a string" => "một chuỗi".to_string(),
        "a text object with `vi` and `en`" => "một đối tượng văn bản có `vi` và `en`".to_string(),
        "fewer items" => "ít phần tử hơn".to_string(),
        other => other.to_string(),
    }
}

/// serde's names of what it got (`string "x"`, `integer `5``, `floating point `1.5``, …):
/// only the name is rewritten, never the value after it; (English, Vietnamese).
fn got(g: &str) -> (String, String) {
    for (from, en, vi) in [
        ("floating point", "number", "số"),
        ("integer", "whole number", "số nguyên"),
        ("string", "string", "chuỗi"),
        ("boolean", "boolean", "giá trị logic"),
        ("sequence", "list", "danh sách"),
        ("map", "object", "đối tượng"),
        ("unit value", "null", "null"),
    ] {
        if let Some(rest) = g.strip_prefix(from) {
            return (format!("{en}{rest}"), format!("{vi}{rest}"));
        }
    }
    (g.to_string(), g.to_string())
}

/// Whether serde_json's error is about a broken `\u` escape (half a surrogate pair): the text
/// itself is not Unicode, as with a JavaScript string that holds one.
pub(crate) fn is_broken_escape(detail: &str) -> bool {
    detail.starts_with("lone leading surrogate") || detail.starts_with("unexpected end of hex escape")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes of `export type ErrorCode = | "A" | "B" …;` in the package's TypeScript types.
    fn typescript_codes() -> Vec<String> {
        let types = include_str!("../wasm/types.d.ts");
        let start = types.find("export type ErrorCode =").unwrap_or(types.len());
        let rest = types.get(start..).unwrap_or_default();
        let union = rest.get(..rest.find(';').unwrap_or(0)).unwrap_or_default();
        union
            .lines()
            .filter_map(|l| l.trim().strip_prefix("| \"")?.strip_suffix('"').map(str::to_string))
            .collect()
    }

    #[test]
    fn the_typescript_union_lists_the_rust_codes_in_order() {
        let rust: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(typescript_codes(), rust);
        assert!(rust.len() >= 60, "{}", rust.len());
    }

    #[test]
    fn the_npm_readme_lists_every_code() {
        let readme = include_str!("../../pkg-config/README.md");
        let list = readme
            .get(readme.find("### Error codes").unwrap_or(0)..)
            .unwrap_or_default();
        for code in ErrorCode::ALL {
            assert!(
                list.contains(&format!("`{}`", code.as_str())),
                "{code} is not in the README's list"
            );
        }
    }

    #[test]
    fn each_code_serializes_as_its_text() {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).ok(), Some(serde_json::json!(code.as_str())));
            assert_eq!(code.to_string(), code.as_str());
        }
        let mut sorted: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ErrorCode::ALL.len(), "a code listed twice");
    }
}
