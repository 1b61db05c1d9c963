//! Structured errors: a stable code, where the problem is (a JSON path into the caller's
//! input), and a message in Vietnamese and English.
//!
//! Messages follow one style: lower case, no final period, user values in backticks, never a
//! Rust type name. Codes are part of the public API: portals match on them, so they never
//! change meaning once published.

use std::fmt;

use serde::Serialize;

use crate::messages::Text;

/// One problem found in a caller's input or a rule pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Error {
    /// Stable, upper snake case, e.g. `RULE_PACK_DUPLICATE_ID`.
    pub code: &'static str,
    /// JSON path of the offending value, e.g. `$.indicators[3].target`; `$` for the whole input.
    pub path: String,
    pub message: Text,
}

impl Error {
    pub fn new(code: &'static str, path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
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
    pub fn one(e: Error) -> Self {
        Errors(vec![e])
    }

    /// The first error, which a thrown JS error names in its own `code`.
    pub fn first(&self) -> Option<&Error> {
        self.0.first()
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.0.iter().map(|e| e.code).collect()
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

/// Rewrites a serde error message for people: no Rust type names, no line numbers (the path
/// says where), and a Vietnamese rendering. `detail` is serde's `Display` text.
pub fn serde_message(detail: &str) -> Text {
    // serde appends " at line L column C" for JSON text; the JSON path already says where.
    let detail = match detail.rfind(" at line ") {
        Some(i) => detail.get(..i).unwrap_or(detail),
        None => detail,
    };
    let en_type = |t: &str| -> String {
        let t = t.trim();
        match t {
            "f64" | "f32" => "a number".to_string(),
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number".to_string(),
            "a sequence" => "a list".to_string(),
            "a map" => "an object".to_string(),
            "a boolean" | "a string" => t.to_string(),
            other => other.trim_start_matches("struct ").to_string(),
        }
    };
    let vi_type = |t: &str| -> String {
        match en_type(t).as_str() {
            "a number" => "một số".to_string(),
            "a whole number" => "một số nguyên".to_string(),
            "a list" => "một danh sách".to_string(),
            "an object" => "một đối tượng".to_string(),
            "a boolean" => "true hoặc false".to_string(),
            "a string" => "một chuỗi".to_string(),
            other => other.to_string(),
        }
    };
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((got, want)) = rest.split_once(", expected ") {
            let got_vi = got
                .replace("string", "chuỗi")
                .replace("integer", "số nguyên")
                .replace("floating point", "số thực")
                .replace("boolean", "giá trị logic")
                .replace("sequence", "danh sách")
                .replace("map", "đối tượng");
            return Text::new(
                format!("sai kiểu dữ liệu: nhận {got_vi}, cần {}", vi_type(want)),
                format!("wrong type: got {got}, expected {}", en_type(want)),
            );
        }
    }
    if let Some(rest) = detail.strip_prefix("missing field ") {
        return Text::new(format!("thiếu trường {rest}"), format!("missing field {rest}"));
    }
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let hint = if expected.is_empty() {
            String::new()
        } else {
            format!("; {expected}")
        };
        return Text::new(
            format!("trường {field} không được hỗ trợ{hint}"),
            format!(
                "field {field} is not supported{}",
                if expected.is_empty() {
                    String::new()
                } else {
                    format!("; expected {expected}")
                }
            ),
        );
    }
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Text::new(
            format!("giá trị {value} không hợp lệ; chỉ nhận {expected}"),
            format!("value {value} is not allowed; expected {expected}"),
        );
    }
    if let Some(rest) = detail.strip_prefix("invalid value: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Text::new(
            format!("giá trị không hợp lệ: {got}, cần {}", vi_type(want)),
            format!("invalid value: {got}, expected {}", en_type(want)),
        );
    }
    if detail.starts_with("EOF while parsing") {
        return Text::new("JSON bị cắt ngang, chưa kết thúc", "the JSON text ends too early");
    }
    if detail.starts_with("recursion limit exceeded") {
        return Text::new("JSON lồng nhau quá sâu", "the JSON is nested too deeply");
    }
    if detail.starts_with("trailing characters") {
        return Text::new(
            "có ký tự thừa sau khi JSON kết thúc",
            "there is text after the end of the JSON",
        );
    }
    Text::new(
        format!("JSON không hợp lệ: {detail}"),
        format!("invalid JSON: {detail}"),
    )
}
