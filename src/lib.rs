#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

pub mod data;
pub mod error;
pub mod evaluate;
pub mod messages;
pub mod plan;
#[cfg(feature = "portal766")]
pub mod portal766;
pub mod ramp;
pub mod report;
mod sort;
pub mod source;
pub mod vocab;
#[cfg(feature = "wasm")]
#[doc(hidden)]
pub mod wasm;

pub use source::Source;

use serde::Serialize;

use crate::error::{Error, Errors};
use crate::plan::{Level, Plan, RampReading};
use crate::ramp::RampFloor;

/// The package version (from Cargo.toml), reported by `version()`.
pub const PACKAGE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// An engine holds one validated plan (or several: [`Engine::with_plans`]). It is immutable
/// after construction, so an error in one call can never leave it in a bad state for the next.
#[derive(Debug, Clone)]
pub struct Engine {
    plan: Plan,
    /// The plans held beside the first, in the order given ([`Engine::with_plans`]).
    more: Vec<Plan>,
}

/// A report made from a sheet, with how the sheet was read: what it skipped and guessed.
#[cfg(feature = "sheet")]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetReport {
    pub report: report::Report,
    pub sheet: data::sheet::SheetReading,
}

/// Adds the sheet's cell to errors about an observation (`$.observations[3]` → `Biểu 01!D7`).
#[cfg(feature = "sheet")]
fn with_sources(errors: Errors, sources: &[&str]) -> Errors {
    errors.at_observations(|r| {
        sources
            .get(r)
            .map(|at| (format!("ô {at} của trang tính"), format!("cell {at} of the sheet")))
    })
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
    /// An engine on the embedded Cần Thơ 2021–2025 plan. Nothing is read or validated: the
    /// embedded plans are built into the model ahead of time (`src/plan/embedded.rs`), so this
    /// never fails (the `Result` is kept for callers).
    pub fn embedded() -> Result<Engine, Errors> {
        Ok(Engine::on(plan::default_plan()))
    }

    /// An engine on one of the embedded plans, by its short name or plan id:
    /// `can-tho-2021-2025` (the default, Decision 4168/QĐ-UBND) or `can-tho-2026-2030` (the
    /// national focus targets of Decision 282/QĐ-TTg and item 2.1.a of Plan 219/KH-UBND).
    /// Another name is the error `UNKNOWN_PLAN`, which lists the names there are.
    pub fn embedded_plan(name: &str) -> Result<Engine, Errors> {
        match plan::embedded_plan(name) {
            Some(plan) => Ok(Engine::on(plan)),
            None => Err(unknown_plan(name).into()),
        }
    }

    /// An engine on a rule pack given as JSON text.
    #[cfg(feature = "rule-packs")]
    pub fn from_json(json: &str) -> Result<Engine, Errors> {
        Ok(Engine::on(plan::parse_rule_pack(json)?))
    }

    /// An engine on a rule pack given as a parsed JSON value.
    #[cfg(feature = "rule-packs")]
    pub fn from_value(value: serde_json::Value) -> Result<Engine, Errors> {
        Ok(Engine::on(plan::rule_pack_from_value(value)?))
    }

    fn on(plan: Plan) -> Engine {
        Engine { plan, more: Vec::new() }
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
            return Err(error::calls::unknown_ramp(ramp_id.unwrap_or("")));
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

/// The error for a report that could not be packed (larger than 4 GiB).
fn not_packed(e: report::pack::PackError) -> Errors {
    Errors::one(error::calls::not_packed(&e.to_string()))
}

/// The error for a plan name no embedded pack has.
fn unknown_plan(name: &str) -> Error {
    error::calls::unknown_embedded_plan(name, &plan::embedded_pack_names())
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

    /// As [`Engine::evaluate_input`] (with a CSV's ignored columns), each row given to `rows`
    /// as it is made: the report returned has no rows. The JS boundary writes them as objects
    /// as they come, so that a country's rows never exist all at once.
    pub fn evaluate_input_into(
        &self,
        input: data::Input,
        extra_csv_columns: &[String],
        rows: &mut dyn report::Rows,
    ) -> report::Report {
        evaluate::evaluate_owned_into(&self.plan, input, extra_csv_columns, rows)
    }

    /// Evaluates observations given as CSV text; `options` is the rest of the input
    /// (`asOf`, `locale`, `label`, `options`, `units`) as a JSON value.
    pub fn evaluate_csv(&self, csv: &str, options: &serde_json::Value) -> Result<report::Report, Errors> {
        let read = data::read_csv(csv, options)?;
        Ok(evaluate::evaluate_owned(&self.plan, read.input, &read.extra_columns))
    }

    /// Evaluates a sheet (a grid of cells, as JavaScript reads an `.xlsx`) read with a
    /// mapping (see [`data::sheet`]); `options` is the rest of the input, as for CSV.
    #[cfg(feature = "sheet")]
    pub fn evaluate_sheet(
        &self,
        grid: &serde_json::Value,
        mapping: &serde_json::Value,
        options: &serde_json::Value,
    ) -> Result<SheetReport, Errors> {
        let read = data::sheet::read_sheet(grid, mapping)?;
        read_sheet_on(&self.plan, read, options)
    }

    /// The same from CSV text: the CSV becomes one sheet of text cells.
    #[cfg(feature = "sheet")]
    pub fn evaluate_sheet_csv(
        &self,
        csv: &str,
        mapping: &serde_json::Value,
        options: &serde_json::Value,
    ) -> Result<SheetReport, Errors> {
        let read = data::sheet::read_sheet_csv(csv, mapping)?;
        read_sheet_on(&self.plan, read, options)
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

/// Several plans at once: the 2025 final review under the 2021–2025 plan beside the
/// 2026–2027 targets of the next. The input is read once and evaluated against each plan; the
/// reports are keyed by plan id, so two plans that both define an indicator id keep their
/// results apart (a result is named by plan id and indicator id).
impl Engine {
    /// An engine holding `plans`, the first of them the one [`Engine::plan`] and the
    /// single-plan methods use. Two plans with one id are the error `RULE_PACK_DUPLICATE_ID`;
    /// none is `UNKNOWN_PLAN`.
    pub fn with_plans(plans: Vec<Plan>) -> Result<Engine, Errors> {
        let mut plans = plans.into_iter();
        let Some(first) = plans.next() else {
            return Err(error::calls::no_plan().into());
        };
        let mut engine = Engine::on(first);
        let mut errors = Vec::new();
        for (i, plan) in plans.enumerate() {
            if engine.plans().any(|p| p.plan.id == plan.plan.id) {
                errors.push(error::rule_pack::loaded_twice(i + 1, &plan.plan.id));
                continue;
            }
            engine.more.push(plan);
        }
        if errors.is_empty() {
            Ok(engine)
        } else {
            Err(Errors(errors))
        }
    }

    /// An engine holding the embedded plans of these names (see [`Engine::embedded_plan`]).
    pub fn embedded_plans(names: &[&str]) -> Result<Engine, Errors> {
        let mut plans = Vec::with_capacity(names.len());
        for name in names {
            plans.push(plan::embedded_plan(name).ok_or_else(|| Errors::from(unknown_plan(name)))?);
        }
        Engine::with_plans(plans)
    }

    /// Every plan the engine holds, the first one first.
    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        std::iter::once(&self.plan).chain(self.more.iter())
    }

    /// The ids of the plans the engine holds, in order.
    pub fn plan_ids(&self) -> Vec<&str> {
        self.plans().map(|p| p.plan.id.as_str()).collect()
    }

    /// The plan of this id, or `UNKNOWN_PLAN` naming the plans that are loaded (a widget
    /// asking for a plan the page did not load).
    pub fn plan_named(&self, id: &str) -> Result<&Plan, Error> {
        self.plans()
            .find(|p| p.plan.id == id)
            .ok_or_else(|| error::calls::plan_not_loaded(id, &self.plan_ids()))
    }

    /// Evaluates an input (a JSON value) against the plan `id` only.
    pub fn evaluate_plan(&self, id: &str, input: &serde_json::Value) -> Result<report::Report, Errors> {
        let plan = self.plan_named(id)?;
        let input = data::read_input(input)?;
        Ok(self.evaluate_in(plan, &input))
    }

    /// As [`Engine::evaluate_plan`], from JSON text.
    pub fn evaluate_plan_json(&self, id: &str, text: &str) -> Result<report::Report, Errors> {
        let plan = self.plan_named(id)?;
        let input = data::parse_input(text)?;
        Ok(self.evaluate_in(plan, &input))
    }

    /// Evaluates one input, read once, against every plan the engine holds.
    pub fn evaluate_plans(&self, input: &serde_json::Value) -> Result<report::PlanReports, Errors> {
        let input = data::read_input(input)?;
        Ok(self.evaluate_plans_input(&input))
    }

    /// As [`Engine::evaluate_plans`], from JSON text.
    pub fn evaluate_plans_json(&self, text: &str) -> Result<report::PlanReports, Errors> {
        let input = data::parse_input(text)?;
        Ok(self.evaluate_plans_input(&input))
    }

    /// As [`Engine::evaluate_plans`], from an input already read.
    pub fn evaluate_plans_input(&self, input: &data::Input) -> report::PlanReports {
        let mut out = report::PlanReports::default();
        for plan in self.plans() {
            out.plans.push(plan.plan.id.clone());
            let report = self.evaluate_in(plan, input);
            out.reports.insert(plan.plan.id.clone(), report);
        }
        out
    }

    /// The report of one plan: an observation of another loaded plan's indicator is not this
    /// plan's `unknown_indicator` (the input is not copied: such findings are dropped after).
    fn evaluate_in(&self, plan: &Plan, input: &data::Input) -> report::Report {
        let mut report = evaluate::evaluate(plan, input);
        self.drop_elsewhere(&mut report);
        report
    }

    /// Drops the `unknown_indicator` findings of indicators another loaded plan has.
    fn drop_elsewhere(&self, report: &mut report::Report) {
        if !self.more.is_empty() {
            let elsewhere = |id: &str| self.plans().any(|p| p.indicator(id).is_some());
            report.findings.retain(|f| {
                f.code != report::FindingCode::UnknownIndicator || !f.indicator.as_deref().is_some_and(elsewhere)
            });
        }
    }
}

/// The National Public Service Portal's 766 answers, as saved (see [`portal766`]).
#[cfg(feature = "portal766")]
impl Engine {
    /// Evaluates 766 answers given as a JSON value: the report of [`Engine::evaluate`], the
    /// reading's findings among its findings, and the portal's figures and scores beside it.
    pub fn evaluate_portal766(&self, input: &serde_json::Value) -> Result<portal766::Portal766Report, Errors> {
        portal766_on(&self.plan, input)
    }

    /// The same from JSON text.
    pub fn evaluate_portal766_json(&self, text: &str) -> Result<portal766::Portal766Report, Errors> {
        data::check_text_size(text, "JSON")?;
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let m = error::serde_message(&e.to_string());
            Errors::one(error::input::not_json("$", m))
        })?;
        self.evaluate_portal766(&value)
    }
}

/// The report of a sheet read with a mapping against `plan` (see [`Engine::evaluate_sheet`]).
#[cfg(feature = "sheet")]
fn read_sheet_on(
    plan: &Plan,
    read: data::sheet::SheetInput,
    options: &serde_json::Value,
) -> Result<SheetReport, Errors> {
    let serde_json::Value::Object(rest) = options else {
        return Err(error::input::sheet_options_not_object().into());
    };
    if rest.contains_key("observations") {
        return Err(error::csv::observations_twice(true).into());
    }
    // Each observation goes to the input reader as a CSV row does: no JSON in between.
    let mut rows = data::RowReader::new(rest);
    for o in &read.observations {
        rows.row(&o.row());
    }
    let sources: Vec<&str> = read.observations.iter().map(|o| o.source.as_str()).collect();
    let input = rows.finish().map_err(|e| with_sources(e, &sources))?;
    let report = evaluate::evaluate_owned(plan, input, &[]);
    Ok(SheetReport {
        report,
        sheet: read.reading,
    })
}

/// The report of 766 answers against `plan` (see [`Engine::evaluate_portal766`]).
#[cfg(feature = "portal766")]
fn portal766_on(plan: &Plan, input: &serde_json::Value) -> Result<portal766::Portal766Report, Errors> {
    let portal766::Converted { input, findings, side } = portal766::read_portal766(input, plan)?;
    let report = evaluate::evaluate_owned(plan, input, &[]);
    Ok(portal766::finish(report, findings, side))
}

/// Reports packed into one buffer each (see [`report::pack`]): what JavaScript reads on
/// demand.
impl Engine {
    /// The report of `source` against the loaded plan `plan` (the first plan when `None`),
    /// packed. The same report, byte for byte, as the matching `evaluate…` method (with a
    /// plan named: as [`Engine::evaluate_plan`]).
    pub fn report(&self, plan: Option<&str>, source: Source<'_>) -> Result<report::pack::Packed, Errors> {
        #[cfg(any(feature = "portal766", feature = "sheet"))]
        use report::pack::packed_with;
        use report::pack::{Extra, Streamer};
        // The plan named, read in place: no engine is made with it first (a copy of a plan
        // cost 4.3 KiB of the widgets' .wasm).
        let chosen = match plan {
            Some(id) => self.plan_named(id)?,
            None => &self.plan,
        };
        let named = plan.is_some() && !self.more.is_empty();
        let (input, extra_columns) = match source {
            Source::Input(input) => (input, Vec::new()),
            Source::Value(v) => (data::read_input(v)?, Vec::new()),
            Source::Json(t) => (data::parse_input(t)?, Vec::new()),
            Source::Csv { text, options } => {
                let read = data::read_csv(text, options)?;
                (read.input, read.extra_columns)
            }
            Source::CsvRead(read) => (read.input, read.extra_columns),
            #[cfg(feature = "portal766")]
            Source::Portal766(v) => {
                let r = portal766_on(chosen, v)?;
                return packed_with(&r.report, &Extra::Member(&r.portal766)).map_err(not_packed);
            }
            #[cfg(feature = "sheet")]
            Source::Sheet { grid, mapping, options } => {
                let r = read_sheet_on(chosen, data::sheet::read_sheet(grid, mapping)?, options)?;
                return packed_with(&r.report, &Extra::Beside(&r.sheet)).map_err(not_packed);
            }
            #[cfg(feature = "sheet")]
            Source::SheetCsv { text, mapping, options } => {
                let r = read_sheet_on(chosen, data::sheet::read_sheet_csv(text, mapping)?, options)?;
                return packed_with(&r.report, &Extra::Beside(&r.sheet)).map_err(not_packed);
            }
        };
        // Each row is packed as it is made (`Streamer`): the report never exists whole
        // beside its packed copy.
        let mut rows = Streamer::default();
        let mut rest = evaluate::evaluate_owned_into(chosen, input, &extra_columns, &mut rows);
        if named {
            self.drop_elsewhere(&mut rest);
        }
        rows.finish::<()>(&rest, &Extra::None).map_err(not_packed)
    }

    /// The reports of `source` against every loaded plan, in the engine's order, each
    /// packed: `(plan id, report)`.
    pub fn reports(&self, source: &Source<'_>) -> Result<Vec<(String, report::pack::Packed)>, Errors> {
        let ids: Vec<String> = self.plan_ids().into_iter().map(String::from).collect();
        ids.into_iter()
            .map(|id| {
                let packed = self.report(Some(&id), source.clone())?;
                Ok((id, packed))
            })
            .collect()
    }
}
