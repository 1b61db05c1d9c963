//! The wording of the errors of reading a rule pack (`RULE_PACK_…`) before its checks: its
//! size, its depth, its JSON, its fields, and a plan loaded twice into one engine. The checks
//! of a pack's content word theirs in `plan/validate/problems.rs`, one constructor per code.

#[cfg(feature = "wasm")]
use super::values::ValueProblem;
use super::{clip, Error, ErrorCode};
use crate::messages::Text;

/// A rule pack nested deeper than `max` levels.
pub(crate) fn too_deep(path: impl Into<String>, max: usize) -> Error {
    Error::new(
        ErrorCode::RulePackTooDeep,
        path,
        format!("bộ quy tắc lồng nhau quá {max} cấp (hoặc tự tham chiếu đến chính nó)"),
        format!("the rule pack is nested more than {max} levels deep (or contains itself)"),
    )
}

/// A rule pack of `bytes`, over the limit of `max`.
pub(crate) fn too_large(bytes: usize, max: usize) -> Error {
    Error::new(
        ErrorCode::RulePackTooLarge,
        "$",
        format!("bộ quy tắc dài {bytes} byte, vượt giới hạn {max} byte"),
        format!("the rule pack is {bytes} bytes, above the limit of {max} bytes"),
    )
}

/// A rule pack's text that is not JSON, where serde_json stopped (`detail`: its words).
pub(crate) fn unreadable_at(detail: &Text, line: usize, column: usize) -> Error {
    Error::new(
        ErrorCode::RulePackInvalidJson,
        "$",
        format!("bộ quy tắc không đọc được: {} (dòng {line}, cột {column})", detail.vi),
        format!(
            "the rule pack cannot be read: {} (line {line}, column {column})",
            detail.en
        ),
    )
}

/// A rule pack's value of the wrong type at `path` (`detail`: serde's words).
pub(crate) fn unreadable(path: impl Into<String>, detail: &Text) -> Error {
    Error::new(
        ErrorCode::RulePackInvalidJson,
        path,
        format!("bộ quy tắc không đọc được: {}", detail.vi),
        format!("the rule pack cannot be read: {}", detail.en),
    )
}

/// A rule pack given to JavaScript that is neither an object nor JSON text.
#[cfg(feature = "wasm")]
pub(crate) fn not_object_or_json(detail: &Text) -> Error {
    Error::new(
        ErrorCode::RulePackInvalidJson,
        "$",
        format!("bộ quy tắc phải là đối tượng hoặc chuỗi JSON: {}", detail.vi),
        format!("the rule pack must be an object or JSON text: {}", detail.en),
    )
}

/// A rule pack's text with a broken character (an unpaired UTF-16 surrogate) at `line`,
/// `column`.
#[cfg(feature = "wasm")]
pub(crate) fn broken_text(line: &str, column: &str) -> Error {
    Error::new(
        ErrorCode::RulePackInvalidJson,
        format!("$ (line {line}, column {column})"),
        format!("bộ quy tắc có ký tự hỏng (nửa cặp UTF-16 đứng một mình) ở dòng {line}, cột {column}, không đọc được"),
        format!("the rule pack has a broken character (an unpaired UTF-16 surrogate) on line {line}, column {column} and cannot be read"),
    )
}

/// A JavaScript rule pack whose walk found `problem` (see `values.rs`).
#[cfg(feature = "wasm")]
pub(crate) fn js_value(path: String, problem: ValueProblem) -> Error {
    let code = match problem {
        ValueProblem::NotFinite => ErrorCode::RulePackNotANumber,
        ValueProblem::TooLong { .. } | ValueProblem::TooMany { .. } => ErrorCode::RulePackTooLarge,
        ValueProblem::BrokenText | ValueProblem::NotData { .. } | ValueProblem::Unreadable { .. } => {
            ErrorCode::RulePackInvalidJson
        }
    };
    let (vi, en) = super::values::words(problem, ("bộ quy tắc", "the rule pack"));
    Error::new(code, path, vi, en)
}

/// A key the rule-pack format does not have.
pub(crate) fn unknown_field(path: impl Into<String>, key: &str) -> Error {
    Error::new(
        ErrorCode::RulePackUnknownField,
        path,
        format!("trường `{key}` không thuộc định dạng bộ quy tắc"),
        format!("field `{key}` is not part of the rule-pack format"),
    )
}

/// The plan at `$[at]` of a list has the id of a plan loaded before it.
pub(crate) fn loaded_twice(at: usize, id: &str) -> Error {
    let id = clip(id);
    Error::new(
        ErrorCode::RulePackDuplicateId,
        format!("$[{at}].plan.id"),
        format!("kế hoạch `{id}` được nạp hai lần; mỗi kế hoạch chỉ nạp một lần"),
        format!("plan `{id}` is loaded twice; load each plan once"),
    )
}
