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

/// Turns a serde_json error into a structured one. serde's own wording is kept (it names the
/// field and the line) but wrapped in our code and a Vietnamese lead.
pub fn from_json_error(code: &'static str, what_vi: &str, what_en: &str, e: &serde_json::Error) -> Error {
    let detail = e.to_string();
    Error::new(
        code,
        format!("$ (line {}, column {})", e.line(), e.column()),
        format!("{what_vi} không hợp lệ: {detail}"),
        format!("invalid {what_en}: {detail}"),
    )
}
