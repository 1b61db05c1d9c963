#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

pub mod data;
pub mod error;
pub mod evaluate;
pub mod messages;
pub mod plan;
pub mod ramp;
pub mod report;
mod sort;
#[doc(hidden)]
pub mod wasm;

use serde::Serialize;

use crate::error::{Error, ErrorCode, Errors};
use crate::plan::{Level, Plan, RampReading};
use crate::ramp::RampFloor;

/// The package version (from Cargo.toml), reported by `version()`.
pub const PACKAGE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// An engine holds one validated plan. It is immutable after construction, so an error in
/// one call can never leave it in a bad state for the next.
#[derive(Debug, Clone)]
pub struct Engine {
    plan: Plan,
}

/// Versions of the package and of the loaded rule pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Versions {
    pub package: &'static str,
    pub plan_id: String,
    pub plan_version: String,
    pub format_version: u32,
}

impl Engine {
    /// An engine on the embedded Cần Thơ 2021–2025 plan.
    pub fn embedded() -> Result<Engine, Errors> {
        Engine::from_json(plan::EMBEDDED_PLAN_JSON)
    }

    /// An engine on a rule pack given as JSON text.
    pub fn from_json(json: &str) -> Result<Engine, Errors> {
        Ok(Engine {
            plan: plan::parse_rule_pack(json)?,
        })
    }

    /// An engine on a rule pack given as a parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Engine, Errors> {
        Ok(Engine {
            plan: plan::rule_pack_from_value(value)?,
        })
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn versions(&self) -> Versions {
        Versions {
            package: PACKAGE_VERSION,
            plan_id: self.plan.plan.id.clone(),
            plan_version: self.plan.plan.version.clone(),
            format_version: self.plan.format_version,
        }
    }

    /// The floor of the plan's ramp for `level` in `year`, under `reading` (the ramp's
    /// default when `None`). `previous_actual` feeds the increment reading.
    pub fn ramp_floor(
        &self,
        ramp_id: Option<&str>,
        level: Level,
        year: i32,
        reading: Option<RampReading>,
        previous_actual: Option<f64>,
    ) -> Result<RampFloor, Error> {
        let ramp = match ramp_id {
            Some(id) => self.plan.ramp(id),
            None => self.plan.default_ramp(),
        };
        let Some(ramp) = ramp else {
            return Err(Error::new(
                ErrorCode::UnknownRamp,
                "$.ramp",
                format!("kế hoạch không có lộ trình `{}`", ramp_id.unwrap_or("")),
                format!("the plan has no ramp `{}`", ramp_id.unwrap_or("")),
            ));
        };
        ramp::floor(
            &self.plan,
            ramp,
            level,
            year,
            reading.unwrap_or(ramp.default_reading),
            previous_actual,
        )
    }
}

/// Evaluation: the portal's figures in, a progress report out. Structural problems in the
/// input are errors (all of them at once); problems with the figures are findings in the
/// report.
impl Engine {
    /// Evaluates an input given as a JSON value (see [`data`] for its shape).
    pub fn evaluate(&self, input: &serde_json::Value) -> Result<report::Report, Errors> {
        let input = data::read_input(input)?;
        Ok(evaluate::evaluate_owned(&self.plan, input, &[]))
    }

    /// Evaluates an input given as JSON text.
    pub fn evaluate_json(&self, text: &str) -> Result<report::Report, Errors> {
        let input = data::parse_input(text)?;
        Ok(evaluate::evaluate_owned(&self.plan, input, &[]))
    }

    /// Evaluates an input already read (see [`data::read_input`]).
    pub fn evaluate_input(&self, input: data::Input) -> report::Report {
        evaluate::evaluate_owned(&self.plan, input, &[])
    }

    /// Evaluates observations given as CSV text; `options` is the rest of the input
    /// (`asOf`, `locale`, `label`, `options`, `units`) as a JSON value.
    pub fn evaluate_csv(&self, csv: &str, options: &serde_json::Value) -> Result<report::Report, Errors> {
        let read = data::read_csv(csv, options)?;
        Ok(evaluate::evaluate_owned(&self.plan, read.input, &read.extra_columns))
    }

    /// The findings an evaluation of the JSON text would report (structural problems are
    /// errors, as for [`Engine::evaluate_json`]); the report is made without its sentences.
    pub fn findings_json(&self, text: &str) -> Result<Vec<report::Finding>, Errors> {
        let mut input = data::parse_input(text)?;
        input.options.text = data::TextMode::None;
        Ok(evaluate::evaluate_owned(&self.plan, input, &[]).findings)
    }

    /// Checks an input's structure without evaluating it.
    pub fn validate_input(&self, input: &serde_json::Value) -> Result<(), Errors> {
        data::read_input(input).map(|_| ())
    }
}

/// The National Public Service Portal's 766 answers, as saved (see [`data::portal766`]).
impl Engine {
    /// Evaluates 766 answers given as a JSON value: the report of [`Engine::evaluate`], the
    /// reading's findings among its findings, and the portal's figures and scores beside it.
    pub fn evaluate_portal766(&self, input: &serde_json::Value) -> Result<data::portal766::Portal766Report, Errors> {
        let data::portal766::Converted { input, findings, side } = data::portal766::read_portal766(input, &self.plan)?;
        let report = evaluate::evaluate_owned(&self.plan, input, &[]);
        Ok(data::portal766::finish(report, findings, side))
    }

    /// The same from JSON text.
    pub fn evaluate_portal766_json(&self, text: &str) -> Result<data::portal766::Portal766Report, Errors> {
        data::check_text_size(text, "JSON")?;
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let m = error::serde_message(&e.to_string());
            Errors::one(Error::new(ErrorCode::InputInvalidJson, "$", m.vi, m.en))
        })?;
        self.evaluate_portal766(&value)
    }
}
