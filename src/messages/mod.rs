//! Messages: text in both languages, locales, and numbers formatted for a locale.
//!
//! Every number the engine shows a person is formatted here, so number style stays the same
//! in errors, ramp explanations and progress reports. The sentences themselves are written
//! next to what they explain, in one style (lower case, no final period, user values in
//! backticks, never a Rust type name): errors where their problem is found (`data::input`,
//! `data::csv`, `plan`, `ramp`, the JavaScript boundary in `wasm`; each with an
//! [`ErrorCode`](crate::error::ErrorCode)), data-quality findings in `evaluate::screen` and
//! `evaluate::rollup`, a report's sentences in `evaluate::explain`, a ramp floor's in `ramp`.

mod bidi;
mod digits;
mod format;
mod names;

pub use bidi::{has_bidi_control, is_bidi_control, isolate, visible};
#[cfg(feature = "wasm")]
pub(crate) use digits::display;
pub use format::{format_number, format_percent, format_percent_trimmed, format_trimmed, format_value};
pub(crate) use format::{push_number, push_percent_trimmed, push_trimmed};

use serde::{Deserialize, Serialize};

/// A text in Vietnamese (the portal's first language) and English.
// Unknown keys in a rule pack's texts are reported by the pack's validation, not here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in one locale.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Vi => &self.vi,
            Locale::En => &self.en,
        }
    }
}

/// A display language. Vietnamese is the default: the widgets are for Vietnamese citizens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Vi,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Vi, Locale::En];

    pub fn parse(s: &str) -> Option<Locale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" => Some(Locale::Vi),
            "en" | "en-us" | "en-gb" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }
}
