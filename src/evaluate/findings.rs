//! Building data-quality findings. Which codes make an observation unusable is documented on
//! [`FindingCode`]; the messages follow the crate's style (lower case, no final period, user
//! values in backticks).

use crate::data::Period;
use crate::messages::Text;
use crate::report::{Finding, FindingCode};

/// A JSON path that addresses an observation by its key rather than its position (RFC 9535
/// filter syntax), so that reordering the input does not change the report.
pub(crate) fn observation_path(indicator: &str, unit: &str, period: &str, field: Option<&str>) -> String {
    let q = |s: &str| s.replace('\\', "\\\\").replace('\'', "\\'");
    let base = format!(
        "$.observations[?(@.indicator=='{}' && @.unit=='{}' && @.period=='{}')]",
        q(indicator),
        q(unit),
        q(period)
    );
    match field {
        Some(f) => format!("{base}.{f}"),
        None => base,
    }
}

/// The key of an observation, as findings name it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key<'a> {
    pub indicator: &'a str,
    pub unit: &'a str,
    pub period: Period,
}

impl Key<'_> {
    pub fn boxed(&self, code: FindingCode, field: Option<&str>, message: Text) -> Box<Finding> {
        Box::new(self.finding(code, field, message))
    }

    pub fn finding(&self, code: FindingCode, field: Option<&str>, message: Text) -> Finding {
        let period = self.period.code();
        Finding {
            code,
            severity: code.severity(),
            path: observation_path(self.indicator, self.unit, &period, field),
            indicator: Some(self.indicator.to_string()),
            unit: Some(self.unit.to_string()),
            period: Some(period),
            message: message.into(),
            unusable: code.unusable(),
        }
    }
}

/// A finding about the whole input (e.g. ignored CSV columns).
pub(crate) fn input_finding(code: FindingCode, path: &str, message: Text) -> Finding {
    Finding {
        code,
        severity: code.severity(),
        path: path.to_string(),
        indicator: None,
        unit: None,
        period: None,
        message: message.into(),
        unusable: code.unusable(),
    }
}

/// The path of a unit by its id (not its position: the report does not depend on the
/// input's order).
fn unit_path(unit: &str) -> String {
    format!(
        "$.units[?(@.id=='{}')]",
        unit.replace('\\', "\\\\").replace('\'', "\\'")
    )
}

/// A finding about a unit of the input.
pub(crate) fn unit_finding(code: FindingCode, unit: &str, message: Text) -> Finding {
    Finding {
        code,
        severity: code.severity(),
        path: unit_path(unit),
        indicator: None,
        unit: Some(unit.to_string()),
        period: None,
        message: message.into(),
        unusable: code.unusable(),
    }
}

/// A finding about one field of a unit (`$.units[?(@.id=='x')].name`).
pub(crate) fn unit_field_finding(code: FindingCode, unit: &str, field: &str, message: Text) -> Finding {
    Finding {
        path: format!("{}.{field}", unit_path(unit)),
        ..unit_finding(code, unit, message)
    }
}

/// A finding about a unit in one year, for no indicator in particular.
pub(crate) fn unit_period_finding(code: FindingCode, unit: &str, year: i32, message: Text) -> Finding {
    Finding {
        period: Some(Period::year(year).code()),
        ..unit_finding(code, unit, message)
    }
}

/// A finding about a unit's figure for a year rather than one observation.
pub(crate) fn unit_year_finding(code: FindingCode, indicator: &str, unit: &str, year: i32, message: Text) -> Finding {
    Finding {
        code,
        severity: code.severity(),
        path: unit_path(unit),
        indicator: Some(indicator.to_string()),
        unit: Some(unit.to_string()),
        period: Some(Period::year(year).code()),
        message: message.into(),
        unusable: code.unusable(),
    }
}
