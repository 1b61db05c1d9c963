//! The wording of the errors of the national portal's 766 answers (`PORTAL766_…`): one
//! constructor per code (or per situation of a code), each with its sentences in Vietnamese
//! and English. (The 766 reader's errors of the input's own codes, `INPUT_…`, are in
//! `input.rs` with the other errors of those codes.)

use super::{Error, ErrorCode};

/// What a field of an answer must be.
#[derive(Clone, Copy)]
pub(crate) enum Want {
    Text,
    Number,
    List,
}

/// An answer that is an HTML page.
pub(crate) fn html(path: impl Into<String>) -> Error {
    Error::new(
        ErrorCode::Portal766Html,
        path,
        "đây là một trang HTML (có thể là trang đăng nhập lưu nhầm), không phải câu trả lời JSON của Cổng",
        "this is an HTML page (perhaps a login page saved by mistake), not the portal's JSON answer",
    )
}

/// An answer given as text that is not JSON (`detail`: serde's words, rewritten).
pub(crate) fn invalid_json(path: impl Into<String>, detail: &crate::messages::Text) -> Error {
    Error::new(
        ErrorCode::Portal766InvalidJson,
        path,
        format!("câu trả lời không phải JSON: {}", detail.vi),
        format!("the answer is not JSON: {}", detail.en),
    )
}

/// The portal answered `code` instead of `OK`; `said` is its message (`: …`, quoted) or empty.
pub(crate) fn not_ok(path: impl Into<String>, code: &str, said: &str) -> Error {
    Error::new(
        ErrorCode::Portal766NotOk,
        path,
        format!("Cổng trả lời `{code}` thay vì `OK`{said}"),
        format!("the portal answered `{code}` instead of `OK`{said}"),
    )
}

/// An endpoint the reader does not know; `known` lists those it knows.
pub(crate) fn unknown_endpoint(path: impl Into<String>, endpoint: &str, known: &str) -> Error {
    Error::new(
        ErrorCode::Portal766UnknownEndpoint,
        path,
        format!("không biết endpoint `{endpoint}`; chỉ nhận {known}"),
        format!("unknown endpoint `{endpoint}`; expected {known}"),
    )
}

/// A `unitMap` entry mapping `key` to `id`, which is not in `units`.
pub(crate) fn unknown_unit(key: &str, id: &str) -> Error {
    Error::new(
        ErrorCode::Portal766UnknownUnit,
        format!("$.unitMap['{key}']"),
        format!("`unitMap` gắn `{key}` với `{id}`, không có trong `units`"),
        format!("`unitMap` maps `{key}` to `{id}`, which is not in `units`"),
    )
}

/// No embedded mapping for `plan` and none given.
pub(crate) fn no_mapping(plan: &str) -> Error {
    Error::new(
        ErrorCode::Portal766NoMapping,
        "$.mapping",
        format!(
            "kế hoạch `{}` không có bảng ánh xạ chỉ số 766 gắn sẵn: hãy đưa `mapping`",
            plan
        ),
        format!("the plan `{plan}` has no embedded 766 mapping: give one as `mapping`"),
    )
}

/// What is wrong with an answer of the portal (`PORTAL766_BAD_ANSWER`); `got` values are quoted already.
pub(crate) enum BadAnswer<'a> {
    WrongType { key: &'a str, want: Want, got: String },
    NotAnObject { got: String },
    NoDepartmentId,
    NoMetricCode,
    NotAnAnswer,
    NoData,
    NoTop { top: &'a str },
    ListNotAList { list: &'a str },
    UnknownLevel { said: String },
    NotANumber { field: &'a str, got: String },
}

pub(crate) fn bad_answer(path: impl Into<String>, what: BadAnswer) -> Error {
    let (vi, en): (String, String) = match what {
        BadAnswer::WrongType { key, want, got } => {
            let (want_vi, want_en) = match want {
                Want::Text => ("một chuỗi", "a string"),
                Want::Number => ("một số", "a number"),
                Want::List => ("một danh sách", "a list"),
            };
            (
                format!("`{key}` phải là {want_vi}, không phải `{got}`"),
                format!("`{key}` must be {want_en}, not `{got}`"),
            )
        }
        BadAnswer::NotAnObject { got } => (
            format!("cần một đối tượng, không phải `{got}`"),
            format!("an object is expected, not `{got}`"),
        ),
        BadAnswer::NoDepartmentId => (
            "dòng không có `departmentId`".to_string(),
            "the row has no `departmentId`".to_string(),
        ),
        BadAnswer::NoMetricCode => (
            "chỉ số không có `code`".to_string(),
            "the metric has no `code`".to_string(),
        ),
        BadAnswer::NotAnAnswer => (
            "câu trả lời phải là một đối tượng JSON `{\"code\": …, \"data\": …}`".to_string(),
            "the answer must be a JSON object `{\"code\": …, \"data\": …}`".to_string(),
        ),
        BadAnswer::NoData => (
            "câu trả lời không có đối tượng `data`".to_string(),
            "the answer has no `data` object".to_string(),
        ),
        BadAnswer::NoTop { top } => (
            format!("endpoint này trả lời có `data.{top}`; câu trả lời không có (có phải của endpoint khác?)"),
            format!("this endpoint's answers have `data.{top}`; this one does not (is it another endpoint's?)"),
        ),
        BadAnswer::ListNotAList { list } => (
            format!("`data.{list}` phải là một danh sách"),
            format!("`data.{list}` must be a list"),
        ),
        BadAnswer::UnknownLevel { said } => (
            format!("không biết dòng này là sở, ngành hay xã: cấp `{said}`"),
            format!("cannot tell whether this row is a department or a commune: level `{said}`"),
        ),
        BadAnswer::NotANumber { field, got } => (
            format!("`{field}` phải là một số, không phải `{got}`"),
            format!("`{field}` must be a number, not `{got}`"),
        ),
    };
    Error::new(ErrorCode::Portal766BadAnswer, path, vi, en)
}

/// What is wrong with a mapping of 766 metrics to the plan's indicators (`PORTAL766_BAD_MAPPING`).
pub(crate) enum BadMapping<'a> {
    FormatVersion {
        version: u32,
    },
    OtherPlan {
        mapping_plan: &'a str,
        plan: &'a str,
    },
    UnknownIndicator {
        indicator: &'a str,
    },
    NotAPercentage {
        indicator: &'a str,
    },
    IndicatorTwice {
        indicator: &'a str,
    },
    UnknownEndpoint {
        endpoint: &'a str,
    },
    MetricOrFraction,
    MetricTwice {
        metric: String,
        endpoint: &'a str,
    },
    NoDifference,
    /// JSON that is not what the schema says.
    Unreadable(Shape),
    UnknownField {
        k: &'a str,
    },
}

pub(crate) fn bad_mapping(path: impl Into<String>, what: BadMapping) -> Error {
    let (vi, en): (String, String) = match what {
        BadMapping::FormatVersion { version } => (
            format!("chỉ hỗ trợ `formatVersion` 1, không phải `{version}`"),
            format!("only `formatVersion` 1 is supported, not `{version}`"),
        ),
        BadMapping::OtherPlan { mapping_plan, plan } => (
            format!(
                "bảng ánh xạ dành cho kế hoạch `{}`, không phải `{}`",
                mapping_plan, plan
            ),
            format!("the mapping is for the plan `{}`, not `{}`", mapping_plan, plan),
        ),
        BadMapping::UnknownIndicator { indicator } => (
            format!("kế hoạch không có chỉ tiêu `{indicator}`"),
            format!("the plan has no indicator `{indicator}`"),
        ),
        BadMapping::NotAPercentage { indicator } => (
            format!("chỉ tiêu `{indicator}` không đo bằng tỷ lệ phần trăm"),
            format!("the indicator `{indicator}` is not a percentage"),
        ),
        BadMapping::IndicatorTwice { indicator } => (
            format!("chỉ tiêu `{indicator}` được ánh xạ hai lần"),
            format!("the indicator `{indicator}` is mapped twice"),
        ),
        BadMapping::UnknownEndpoint { endpoint } => (
            format!("không biết endpoint `{endpoint}`"),
            format!("unknown endpoint `{endpoint}`"),
        ),
        BadMapping::MetricOrFraction => (
            "endpoint tổng quan cần `metric`; endpoint dạng cây cần `numerator` và `denominator`".to_string(),
            "an overview endpoint needs `metric`; a tree endpoint needs `numerator` and `denominator`".to_string(),
        ),
        BadMapping::MetricTwice { metric, endpoint } => (
            format!("chỉ số `{}` của `{}` được ánh xạ hai lần", metric, endpoint),
            format!("the metric `{}` of `{}` is mapped twice", metric, endpoint),
        ),
        BadMapping::NoDifference => (
            "cần một câu bằng cả tiếng Việt và tiếng Anh nói hai thước đo khác nhau thế nào".to_string(),
            "a sentence in both Vietnamese and English on how the two measures differ is required".to_string(),
        ),
        BadMapping::Unreadable(shape) => {
            let (vi, en) = shape_words(shape);
            (format!("bảng ánh xạ 766: {vi}"), format!("the 766 mapping: {en}"))
        }
        BadMapping::UnknownField { k } => (
            format!("bảng ánh xạ 766: trường `{k}` không được hỗ trợ"),
            format!("the 766 mapping: field `{k}` is not supported"),
        ),
    };
    Error::new(ErrorCode::Portal766BadMapping, path, vi, en)
}

/// How a mapping's JSON is not what the schema says.
#[derive(Clone, Copy)]
pub(crate) enum Shape {
    NotAnObject,
    NotAString,
    Missing,
    NotAList,
    FormatVersionNotANumber,
    NotStrings,
}

fn shape_words(what: Shape) -> (&'static str, &'static str) {
    match what {
        Shape::NotAnObject => ("cần một đối tượng", "an object is expected"),
        Shape::NotAString => ("cần một chuỗi", "a string is expected"),
        Shape::Missing => ("thiếu trường này", "this field is missing"),
        Shape::NotAList => ("cần một danh sách", "a list is expected"),
        Shape::FormatVersionNotANumber => ("cần `formatVersion` là một số", "`formatVersion` must be a number"),
        Shape::NotStrings => ("cần các chuỗi", "strings are expected"),
    }
}
