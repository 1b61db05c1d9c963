//! Bidi controls in the input's texts (U+202E and the others of `messages::is_bidi_control`):
//! shown as visible marks in the report, each text that held any named by the finding
//! `bidi_control_in_text`.
//!
//! Visible marks rather than removal: every character the portal sent is still accounted
//! for (nothing in the data is silently dropped), the finding's reader sees exactly where
//! the export carries a hidden control, and a name written backwards behind an override
//! reads backwards in plain sight instead of passing for a verdict ("… đạt 100 %") or, with
//! the controls removed, for another plausible name. Names and the label are changed in
//! the report (they are only shown); ids are keys that the portal's pages and
//! observations match, so they are kept as they are and shown with marks in sentences.

use std::borrow::Cow;

use super::findings::unit_field_finding;
use crate::data::{clip, Input};
use crate::messages::{has_bidi_control, is_bidi_control, visible, Text};
use crate::report::{Finding, FindingCode};

/// Whether any text of `input` that the report shows holds a bidi control.
fn holds_controls(input: &Input) -> bool {
    input.label.as_deref().is_some_and(has_bidi_control)
        || input
            .units
            .iter()
            .any(|u| has_bidi_control(&u.name) || has_bidi_control(&u.id))
}

/// `input` with the controls of its names and label made visible (borrowed when it has
/// none), and the findings that say so.
pub(super) fn shown(input: &Input) -> (Cow<'_, Input>, Vec<Finding>) {
    if !holds_controls(input) {
        return (Cow::Borrowed(input), Vec::new());
    }
    let mut copy = input.clone();
    let findings = show(&mut copy);
    (Cow::Owned(copy), findings)
}

/// Makes the controls of `input`'s names and label visible, in place; the findings that say so.
pub(super) fn show(input: &mut Input) -> Vec<Finding> {
    let mut out = Vec::new();
    if !holds_controls(input) {
        return out;
    }
    if let Some(label) = &mut input.label {
        if let Some(list) = controls(label) {
            out.push(super::findings::input_finding(
                FindingCode::BidiControlInText,
                "$.label",
                Text::new(
                    format!("nhãn `{}` có ký tự điều khiển hướng chữ ({list}): báo cáo hiển thị mỗi ký tự thành một dấu nhìn thấy được, như `[U+202E]`", clip(label)),
                    format!("the label `{}` holds bidi control characters ({list}): the report shows each as a visible mark, such as `[U+202E]`", clip(label)),
                ),
            ));
            *label = visible(label).into_owned();
        }
    }
    for unit in &mut input.units {
        if let Some(list) = controls(&unit.name) {
            out.push(unit_field_finding(
                FindingCode::BidiControlInText,
                &unit.id,
                "name",
                Text::new(
                    format!("tên `{}` của đơn vị `{}` có ký tự điều khiển hướng chữ ({list}): báo cáo hiển thị mỗi ký tự thành một dấu nhìn thấy được, như `[U+202E]`", clip(&unit.name), clip(&unit.id)),
                    format!("the name `{}` of unit `{}` holds bidi control characters ({list}): the report shows each as a visible mark, such as `[U+202E]`", clip(&unit.name), clip(&unit.id)),
                ),
            ));
            unit.name = visible(&unit.name).into_owned();
        }
        if let Some(list) = controls(&unit.id) {
            out.push(unit_field_finding(
                FindingCode::BidiControlInText,
                &unit.id,
                "id",
                Text::new(
                    format!("mã đơn vị `{}` có ký tự điều khiển hướng chữ ({list}): mã được giữ nguyên để đối chiếu, các câu của báo cáo hiển thị mỗi ký tự thành một dấu nhìn thấy được", clip(&unit.id)),
                    format!("the unit id `{}` holds bidi control characters ({list}): the id is kept as it is for matching, the report's sentences show each as a visible mark", clip(&unit.id)),
                ),
            ));
        }
    }
    out
}

/// The bidi controls of `s`, each once, as `U+202E, U+2066`; `None` when it has none.
fn controls(s: &str) -> Option<String> {
    let mut seen: Vec<char> = s.chars().filter(|c| is_bidi_control(*c)).collect();
    if seen.is_empty() {
        return None;
    }
    crate::sort::sort(&mut seen);
    seen.dedup();
    Some(
        seen.iter()
            .map(|c| format!("U+{:04X}", u32::from(*c)))
            .collect::<Vec<_>>()
            .join(", "),
    )
}
