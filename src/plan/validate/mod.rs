//! Validation of a raw rule pack into a [`Plan`]: every problem is reported, each with a
//! stable code and the JSON path of the value at fault. One function per section of the pack,
//! in the order the pack lists them: the format and the plan's identity (`pack.rs`), the
//! documents and phases of format 2 (`documents.rs`), the methods and areas (`pack.rs`), the
//! ramps (`ramps.rs`), the indicators and their parents (`indicators.rs`).

mod documents;
mod indicators;
mod pack;
mod problems;
mod ramps;

use problems::{Format, Problem};

use crate::error::{Error, Errors};
use crate::plan::{Decision, Level, Plan, PlanInfo, RawRulePack, LATEST_FORMAT_VERSION, PROVINCES_FROM_2025};

/// The largest step of a ramp: percentage points a year.
pub const MAX_RAMP_STEP: f64 = 100.0;
/// The largest factor of a ramp's relative reading.
pub const MAX_RAMP_FACTOR: f64 = 100.0;

struct Collector {
    errors: Vec<Error>,
    /// The pack's format version (1 or 2; 1 when it is not one the engine reads).
    format: u32,
}

impl Collector {
    /// An error, its message followed by where a form shows the field ("chỉ tiêu thứ 3, ô
    /// «Thời hạn»"): a plan owner reads the form, not the JSON path.
    fn report(&mut self, path: String, problem: Problem) {
        let (vi, en) = super::form::placed(&path, problem.vi, problem.en);
        self.errors.push(Error::new(problem.code, path, vi, en));
    }

    /// The levels a pack of this format may name.
    fn levels(&self) -> &'static [&'static str] {
        if self.format >= 2 {
            &["city", "district", "commune", "department"]
        } else {
            &["city", "district", "commune"]
        }
    }

    /// A level of this format, or an error at `path`.
    fn level(&mut self, path: String, key: &str) -> Option<Level> {
        let level = Level::parse(key).filter(|l| *l != Level::Department || self.format >= 2);
        if level.is_none() {
            let allowed = self.levels();
            self.unknown_value(path, key, allowed);
        }
        level
    }

    /// A field of format 2 in a pack of format 1.
    fn needs_format_2(&mut self, path: String, key: &str) {
        self.report(path, problems::unsupported_format(Format::FieldOfFormat2(key)));
    }

    fn unknown_value(&mut self, path: String, value: &str, allowed: &[&str]) {
        self.report(path, problems::unknown_value(value, allowed));
    }

    fn finite(&mut self, path: String, v: f64) -> bool {
        if v.is_finite() {
            true
        } else {
            self.report(path, problems::not_a_number());
            false
        }
    }

    fn id(&mut self, path: String, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_' || c == '-');
        if !ok {
            self.report(path, problems::bad_id(id));
        }
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 40 {
        let mut t: String = s.chars().take(40).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= crate::vocab::days_in_month(y as i32, m),
        _ => false,
    }
}

/// Checks a raw rule pack and builds the [`Plan`], or returns every problem found.
pub fn validate(raw: RawRulePack) -> Result<Plan, Errors> {
    validate_with(raw, Vec::new())
}

/// As [`validate`], after problems already found in the pack's JSON (unknown keys).
pub(crate) fn validate_with(raw: RawRulePack, prior: Vec<Error>) -> Result<Plan, Errors> {
    let format = raw.format_version;
    let mut c = Collector {
        errors: prior,
        format: if (1..=LATEST_FORMAT_VERSION).contains(&format) {
            format
        } else {
            1
        },
    };
    if !pack::format_read(&mut c, format) {
        // A newer format's fields and rules are unknown here: its one error is that.
        return Err(Errors(c.errors));
    }
    let p = &raw.plan;
    let (period, period_ok) = pack::identity(&mut c, &raw);
    let documents = documents::documents(&mut c, &raw.documents);
    let phases = documents::phases(&mut c, &raw.phases, period_ok.then_some(period));
    let methods = pack::methods(&mut c, raw.methods.as_ref());
    let (areas, area_ids) = pack::areas(&mut c, &raw.areas);
    let (ramps, ramp_ids) = ramps::ramps(&mut c, &raw.ramps, period, period_ok);
    let known = indicators::Known {
        period,
        period_ok,
        area_ids,
        ramp_ids,
        phases: &phases,
        documents: &documents,
        default_out_of: if c.format >= 2 { PROVINCES_FROM_2025 } else { 63 },
    };
    let indicators = indicators::indicators(&mut c, &raw.indicators, &known);
    indicators::parents(&mut c, &indicators);

    if c.errors.is_empty() {
        Ok(Plan {
            format_version: raw.format_version,
            plan: PlanInfo {
                id: p.id.clone(),
                version: p.version.clone(),
                issuer: p.issuer.clone(),
                decision: p.decision.as_ref().map(|d| Decision {
                    number: d.number.clone(),
                    date: d.date.clone(),
                }),
                title: p.title.clone(),
                period,
                sample: p.sample,
            },
            methods,
            areas,
            ramps,
            indicators,
            documents,
            phases,
        })
    } else {
        Err(Errors(c.errors))
    }
}

/// An id met before in the same list.
fn duplicate(c: &mut Collector, path: String, id: &str) {
    c.report(path, problems::duplicate_id(id));
}

/// A percentage outside 0–100.
fn percent_range(c: &mut Collector, path: String, v: f64) {
    if !(0.0..=100.0).contains(&v) {
        c.report(path, problems::percent_out_of_range(v));
    }
}
