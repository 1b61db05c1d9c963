//! The engine's model of a plan as static data: what `embedded_model.rs` (generated) holds
//! for each embedded plan, and how it becomes a [`Plan`]. The same shape as the model, with
//! `&'static str` and slices where the model owns `String`s, `Vec`s and maps, so that the
//! plans are data in the `.wasm` (no code builds them) and an engine on one of them reads and
//! validates nothing when it is made.

use std::collections::BTreeMap;

use super::model::{Area, Decision, Document, Indicator, Phase, Plan, PlanInfo, Ramp, Source};
use crate::messages::Text;

// The words the generated literals name, for its one `use` of this module.
pub(super) use super::model::{
    AfterLastYear, Aggregation, DenominatorFrom, Direction, Methods, Period, SourceKind, TrendParams,
};
pub(super) use crate::vocab::{Comparator, Level, Measure, RampReading};

/// A text in Vietnamese, then English.
pub struct StaticText(pub &'static str, pub &'static str);

impl StaticText {
    // Not inlined, as `own`: the plans' conversion is one call per field, not a copy of the
    // allocation's code for each (5 KiB less of the `.wasm`).
    #[inline(never)]
    fn text(&self) -> Text {
        Text {
            vi: own(self.0),
            en: own(self.1),
        }
    }
}

/// A string of the plan as the model's own.
#[inline(never)]
fn own(s: &str) -> String {
    s.to_string()
}

fn text(t: Option<&StaticText>) -> Option<Text> {
    t.map(StaticText::text)
}

fn string(s: Option<&'static str>) -> Option<String> {
    s.map(own)
}

/// A map by level, built by insertion: `collect()` would sort the pairs first, and bring a
/// sort of its own into the `.wasm` (4 KiB).
fn levels(pairs: &[(Level, f64)]) -> BTreeMap<Level, f64> {
    let mut map = BTreeMap::new();
    for (level, v) in pairs {
        map.insert(*level, *v);
    }
    map
}

pub struct StaticPlan {
    pub format_version: u32,
    pub plan: StaticPlanInfo,
    pub methods: Methods,
    pub areas: &'static [StaticArea],
    pub ramps: &'static [StaticRamp],
    pub indicators: &'static [StaticIndicator],
    pub documents: &'static [StaticDocument],
    pub phases: &'static [StaticPhase],
}

pub struct StaticPlanInfo {
    pub id: &'static str,
    pub version: &'static str,
    pub issuer: StaticText,
    /// The decision's number and date.
    pub decision: Option<(&'static str, &'static str)>,
    pub title: StaticText,
    pub period: Period,
    pub sample: bool,
}

pub struct StaticDocument {
    pub id: &'static str,
    pub name: StaticText,
    pub date: &'static str,
    pub title: Option<StaticText>,
    pub note: Option<StaticText>,
}

pub struct StaticPhase {
    pub id: &'static str,
    pub from: i32,
    pub to: i32,
    pub title: StaticText,
}

pub struct StaticArea {
    pub id: &'static str,
    pub clause: &'static str,
    pub title: StaticText,
}

pub struct StaticRamp {
    pub id: &'static str,
    pub clause: &'static str,
    pub title: StaticText,
    pub quote: Option<&'static str>,
    pub first_year: i32,
    pub last_year: i32,
    pub first_floors: &'static [(Level, f64)],
    pub step: f64,
    pub relative_factor: f64,
    pub cap: f64,
    pub default_reading: RampReading,
    pub after_last_year: AfterLastYear,
}

pub struct StaticSource {
    pub document: &'static str,
    pub document_name: StaticText,
    pub part: Option<StaticText>,
    pub kind: SourceKind,
    pub quoted: &'static str,
}

pub struct StaticIndicator {
    pub id: &'static str,
    pub area: &'static str,
    pub clause: &'static str,
    pub title: StaticText,
    pub measure: Measure,
    pub direction: Direction,
    pub comparator: Comparator,
    pub target: f64,
    pub level_targets: &'static [(Level, f64)],
    pub levels: &'static [Level],
    pub aggregation: Aggregation,
    pub deadline: i32,
    pub parent: Option<&'static str>,
    pub denominator_from: Option<DenominatorFrom>,
    pub baseline_year: Option<i32>,
    pub ramp: Option<&'static str>,
    pub rank_out_of: Option<u32>,
    pub counted: Option<StaticText>,
    pub note: Option<StaticText>,
    pub phase: Option<&'static str>,
    pub scope: Option<StaticText>,
    pub source: Option<StaticSource>,
}

impl StaticPlan {
    /// The plan as the engine holds it.
    pub fn plan(&self) -> Plan {
        let p = &self.plan;
        Plan {
            format_version: self.format_version,
            plan: PlanInfo {
                id: own(p.id),
                version: own(p.version),
                issuer: p.issuer.text(),
                decision: p.decision.map(|(number, date)| Decision {
                    number: own(number),
                    date: own(date),
                }),
                title: p.title.text(),
                period: p.period,
                sample: p.sample,
            },
            methods: self.methods.clone(),
            areas: self.areas.iter().map(StaticArea::area).collect(),
            ramps: self.ramps.iter().map(StaticRamp::ramp).collect(),
            indicators: self.indicators.iter().map(StaticIndicator::indicator).collect(),
            documents: self.documents.iter().map(StaticDocument::document).collect(),
            phases: self.phases.iter().map(StaticPhase::phase).collect(),
        }
    }
}

impl StaticDocument {
    fn document(&self) -> Document {
        Document {
            id: own(self.id),
            name: self.name.text(),
            date: own(self.date),
            title: text(self.title.as_ref()),
            note: text(self.note.as_ref()),
        }
    }
}

impl StaticPhase {
    fn phase(&self) -> Phase {
        Phase {
            id: own(self.id),
            from: self.from,
            to: self.to,
            title: self.title.text(),
        }
    }
}

impl StaticArea {
    fn area(&self) -> Area {
        Area {
            id: own(self.id),
            clause: own(self.clause),
            title: self.title.text(),
        }
    }
}

impl StaticRamp {
    fn ramp(&self) -> Ramp {
        Ramp {
            id: own(self.id),
            clause: own(self.clause),
            title: self.title.text(),
            quote: string(self.quote),
            first_year: self.first_year,
            last_year: self.last_year,
            first_floors: levels(self.first_floors),
            step: self.step,
            relative_factor: self.relative_factor,
            cap: self.cap,
            default_reading: self.default_reading,
            after_last_year: self.after_last_year,
        }
    }
}

impl StaticIndicator {
    fn indicator(&self) -> Indicator {
        Indicator {
            id: own(self.id),
            area: own(self.area),
            clause: own(self.clause),
            title: self.title.text(),
            measure: self.measure,
            direction: self.direction,
            comparator: self.comparator,
            target: self.target,
            level_targets: levels(self.level_targets),
            levels: self.levels.to_vec(),
            aggregation: self.aggregation,
            deadline: self.deadline,
            parent: string(self.parent),
            denominator_from: self.denominator_from,
            baseline_year: self.baseline_year,
            ramp: string(self.ramp),
            rank_out_of: self.rank_out_of,
            counted: text(self.counted.as_ref()),
            note: text(self.note.as_ref()),
            phase: string(self.phase),
            scope: text(self.scope.as_ref()),
            source: self.source.as_ref().map(|s| Source {
                document: own(s.document),
                document_name: s.document_name.text(),
                part: text(s.part.as_ref()),
                kind: s.kind,
                quoted: own(s.quoted),
            }),
        }
    }
}
