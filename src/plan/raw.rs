//! The raw rule pack, as read from JSON. Enum-like fields are text so that every unknown
//! value is reported with its path, rather than only the first one serde meets; unknown keys
//! are found beforehand against the schema (see `fields`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::messages::Text;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a rule pack object")]
pub struct RawRulePack {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub format_version: u32,
    pub plan: RawPlanInfo,
    #[serde(default)]
    pub methods: Option<RawMethods>,
    pub areas: Vec<RawArea>,
    #[serde(default)]
    pub ramps: Vec<RawRamp>,
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    pub documents: Vec<RawDocument>,
    #[serde(default)]
    pub phases: Vec<RawPhase>,
}

/// A document whose targets a format-2 pack carries (`documents`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a document object")]
pub struct RawDocument {
    pub id: String,
    pub name: Text,
    pub date: String,
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A sub-period of a format-2 plan with its own deadline (`phases`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a phase object")]
pub struct RawPhase {
    pub id: String,
    pub from: i32,
    pub to: i32,
    #[serde(default)]
    pub title: Option<Text>,
}

/// Where a format-2 target is written (`source`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a source object")]
pub struct RawSource {
    pub document: String,
    #[serde(default)]
    pub part: Option<Text>,
    pub kind: String,
    pub quoted: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with the plan's identity")]
pub struct RawPlanInfo {
    pub id: String,
    pub version: String,
    pub issuer: Text,
    #[serde(default)]
    pub decision: Option<RawDecision>,
    pub title: Text,
    pub period: RawPeriod,
    #[serde(default)]
    pub sample: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with `number` and `date`")]
pub struct RawDecision {
    pub number: String,
    pub date: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with `from` and `to` years")]
pub struct RawPeriod {
    pub from: i32,
    pub to: i32,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an object with the status method's parameters"
)]
pub struct RawMethods {
    #[serde(default)]
    pub trend: Option<RawTrend>,
    #[serde(default)]
    pub stale_after_months: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object with the trend method's thresholds")]
pub struct RawTrend {
    pub method: String,
    pub on_track: f64,
    pub needs_acceleration: f64,
    pub limited_progress: f64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a reform area object")]
pub struct RawArea {
    pub id: String,
    #[serde(default)]
    pub clause: Option<String>,
    pub title: Text,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a ramp object")]
pub struct RawRamp {
    pub id: String,
    pub clause: String,
    pub title: Text,
    #[serde(default)]
    pub quote: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
    pub first_floors: BTreeMap<String, f64>,
    pub step: f64,
    pub relative_factor: f64,
    pub cap: f64,
    #[serde(default)]
    pub default_reading: Option<String>,
    pub after_last_year: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an indicator object")]
pub struct RawIndicator {
    pub id: String,
    pub area: String,
    #[serde(default)]
    pub clause: Option<String>,
    pub title: Text,
    pub measure: String,
    pub direction: String,
    pub comparator: String,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub level_targets: BTreeMap<String, f64>,
    pub levels: Vec<String>,
    pub aggregation: String,
    #[serde(default)]
    pub deadline: Option<i32>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub denominator_from: Option<String>,
    #[serde(default)]
    pub baseline_year: Option<i32>,
    #[serde(default)]
    pub ramp: Option<String>,
    #[serde(default)]
    pub rank_out_of: Option<u32>,
    #[serde(default)]
    pub counted: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    #[serde(default)]
    pub phase: Option<String>,
    #[serde(default)]
    pub scope: Option<Text>,
    #[serde(default)]
    pub source: Option<RawSource>,
}
