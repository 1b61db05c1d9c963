//! The ramps: yearly floors per level that rise to a cap, inside the plan's period.

use std::collections::{BTreeMap, BTreeSet};

use super::problems::{self, Falls, Missing, Outside};
use super::{duplicate, percent_range, Collector, MAX_RAMP_FACTOR, MAX_RAMP_STEP};
use crate::plan::{AfterLastYear, Level, Period, Ramp, RampReading, RawRamp};

/// The ramps, and their ids for the indicators to name.
pub(super) fn ramps<'a>(
    c: &mut Collector,
    raw: &'a [RawRamp],
    period: Period,
    period_ok: bool,
) -> (Vec<Ramp>, BTreeSet<&'a str>) {
    let mut ramp_ids = BTreeSet::new();
    let mut ramps = Vec::with_capacity(raw.len());
    for (i, r) in raw.iter().enumerate() {
        let path = format!("$.ramps[{i}]");
        c.id(format!("{path}.id"), &r.id);
        if !ramp_ids.insert(r.id.as_str()) {
            duplicate(c, format!("{path}.id"), &r.id);
        }
        let first_floors = first_floors(c, &path, r);
        rises(c, &path, r, &first_floors);
        if r.first_year > r.last_year || (period_ok && (r.first_year < period.from || r.last_year > period.to)) {
            c.report(
                format!("{path}.firstYear"),
                problems::year_outside_period(Outside::RampYears {
                    first: r.first_year,
                    last: r.last_year,
                    period: (period.from, period.to),
                }),
            );
        }
        let default_reading = match r.default_reading.as_deref() {
            None => RampReading::Schedule,
            Some(s) => RampReading::parse(s).unwrap_or_else(|| {
                c.unknown_value(
                    format!("{path}.defaultReading"),
                    s,
                    &["schedule", "increment", "relative"],
                );
                RampReading::Schedule
            }),
        };
        let after_last_year = AfterLastYear::parse(&r.after_last_year).unwrap_or_else(|| {
            c.unknown_value(
                format!("{path}.afterLastYear"),
                &r.after_last_year,
                &["continue", "error"],
            );
            AfterLastYear::Error
        });
        ramps.push(Ramp {
            id: r.id.clone(),
            clause: r.clause.clone(),
            title: r.title.clone(),
            quote: r.quote.clone(),
            first_year: r.first_year,
            last_year: r.last_year,
            first_floors,
            step: r.step,
            relative_factor: r.relative_factor,
            cap: r.cap,
            default_reading,
            after_last_year,
        });
    }
    (ramps, ramp_ids)
}

/// The first year's floor of each level: percentages, for at least one level.
fn first_floors(c: &mut Collector, path: &str, r: &RawRamp) -> BTreeMap<Level, f64> {
    let mut first_floors = BTreeMap::new();
    for (key, v) in &r.first_floors {
        let fpath = format!("{path}.firstFloors.{key}");
        if let Some(level) = c.level(fpath.clone(), key) {
            if c.finite(fpath.clone(), *v) {
                percent_range(c, fpath, *v);
            }
            first_floors.insert(level, *v);
        }
    }
    if first_floors.is_empty() {
        c.report(
            format!("{path}.firstFloors"),
            problems::missing_field(Missing::RampFirstFloors),
        );
    }
    first_floors
}

/// The cap, the step and the factor: floors that rise, never fall, and not past any cap in a
/// year.
fn rises(c: &mut Collector, path: &str, r: &RawRamp, first_floors: &BTreeMap<Level, f64>) {
    if c.finite(format!("{path}.cap"), r.cap) {
        percent_range(c, format!("{path}.cap"), r.cap);
    }
    let step_ok = c.finite(format!("{path}.step"), r.step);
    let factor_ok = c.finite(format!("{path}.relativeFactor"), r.relative_factor);
    if (step_ok && r.step < 0.0) || (factor_ok && r.relative_factor < 1.0) {
        c.report(
            format!(
                "{path}.{}",
                if step_ok && r.step < 0.0 {
                    "step"
                } else {
                    "relativeFactor"
                }
            ),
            problems::ramp_falls(Falls::StepOrFactor),
        );
    }
    // Beyond these a floor passes any cap in one year, and its explanation would print
    // numbers like `2 × 10^308`.
    for (key, v, max) in [
        ("step", r.step, MAX_RAMP_STEP),
        ("relativeFactor", r.relative_factor, MAX_RAMP_FACTOR),
    ] {
        if v.is_finite() && v > max {
            let shown = crate::messages::format_value(v);
            c.report(format!("{path}.{key}"), problems::ramp_too_steep(key, &shown, max));
        }
    }
    for (level, v) in first_floors {
        if v.is_finite() && r.cap.is_finite() && *v > r.cap {
            c.report(
                format!("{path}.firstFloors.{}", level.code()),
                problems::ramp_falls(Falls::FirstFloorAboveCap { floor: *v, cap: r.cap }),
            );
        }
    }
}
